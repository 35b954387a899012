using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Data.Identity;

namespace Tillit.Web.Security;

/// <summary>
/// Keeps sign-in sessions in the database. A new random key is made at each sign-in; sign-out deletes
/// the row, so the session ends on the server for every copy of the cookie, on every instance.
/// </summary>
public sealed class DbTicketStore(IServiceScopeFactory scopes, IHttpContextAccessor http, TimeProvider clock) : ITicketStore
{
    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
        db.UserSessions.Add(new UserSession
        {
            Id = key,
            UserId = Guid.TryParse(ticket.Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var id) ? id : Guid.Empty,
            Ticket = TicketSerializer.Default.Serialize(ticket),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            ExpiresUtc = (ticket.Properties.ExpiresUtc ?? clock.GetUtcNow().AddMinutes(30)).UtcDateTime,
        });
        await db.SaveChangesAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var expires = (ticket.Properties.ExpiresUtc ?? clock.GetUtcNow().AddMinutes(30)).UtcDateTime;
        await db.UserSessions.Where(s => s.Id == key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.ExpiresUtc, expires));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        // Every request reads its session: within a request, the request's own context (and open
        // connection) does it. Writes below keep a scope of their own, so they never save anything else.
        if (http.HttpContext?.RequestServices.GetService<TillitDbContext>() is { } requestDb)
        {
            return await RetrieveAsync(requestDb, key);
        }

        await using var scope = scopes.CreateAsyncScope();
        return await RetrieveAsync(scope.ServiceProvider.GetRequiredService<TillitDbContext>(), key);
    }

    private async Task<AuthenticationTicket?> RetrieveAsync(TillitDbContext db, string key)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == key && s.ExpiresUtc > now)
            .Select(s => s.Ticket)
            .FirstOrDefaultAsync();
        return row is null ? null : TicketSerializer.Default.Deserialize(row);
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
        await db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    /// <summary>Ends every session of a user (after a password reset or when an account is locked).</summary>
    public static Task<int> RemoveAllForUserAsync(TillitDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}

