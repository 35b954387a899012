using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Data.Identity;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Tokens;

public sealed record TokenRow(Guid Id, string Name, string Prefix, DateTime CreatedUtc, DateTime? ExpiresUtc, DateTime? LastUsedUtc, DateTime? RevokedUtc)
{
    public bool IsUsableAt(DateTime nowUtc) => RevokedUtc is null && (ExpiresUtc is null || ExpiresUtc > nowUtc);
}

/// <summary>The token just made, with its secret: shown once, never stored.</summary>
public sealed record CreatedToken(Guid Id, string Name, string Secret, DateTime? ExpiresUtc);

/// <summary>
/// A person's own personal access tokens: list, create, revoke. Only the owner sees or touches a
/// token; anyone else's token id is treated as unknown (404), whatever their roles.
/// </summary>
public sealed class PersonalTokens(TillitDbContext db, CurrentUser user, ApiTokenService tokens, TimeProvider clock)
{
    public const int NameMaxLength = 100;
    public const int MaxExpiryDays = 365;

    /// <summary>Active tokens one person may hold at once; each is a standing key to their data.</summary>
    public const int MaxActive = 20;

    public sealed record Command(string? Name, int? ExpiresInDays);

    public static readonly SortColumns<ApiToken> Sorts = new SortColumns<ApiToken>("created")
        .Add("created", t => t.CreatedUtc)
        .Add("name", t => t.Name);

    public async Task<Paged<TokenRow>> ListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? Guid.Empty;
        return await Sorts.PageAsync(
            db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId),
            page,
            t => new TokenRow(t.Id, t.Name, t.Prefix, t.CreatedUtc, t.ExpiresUtc, t.LastUsedUtc, t.RevokedUtc),
            t => t.Id,
            cancellationToken);
    }

    public async Task<Outcome<TokenRow>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? Guid.Empty;
        var row = await db.ApiTokens.AsNoTracking()
            .Where(t => t.Id == id && t.UserId == userId)
            .Select(t => new TokenRow(t.Id, t.Name, t.Prefix, t.CreatedUtc, t.ExpiresUtc, t.LastUsedUtc, t.RevokedUtc))
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? Outcome<TokenRow>.NotFound() : Outcome<TokenRow>.Ok(row);
    }

    public async Task<Outcome<CreatedToken>> CreateAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (user.UserId is not { } userId || !await user.HasAsync(Permissions.TokensOwn, cancellationToken))
        {
            return Outcome<CreatedToken>.Forbidden();
        }

        var errors = new Validator()
            .Required(nameof(Command.Name), command.Name, NameMaxLength)
            .Check(command.ExpiresInDays is null or (>= 1 and <= MaxExpiryDays), nameof(Command.ExpiresInDays), "Validation.Range", 1, MaxExpiryDays);
        if (!errors.IsValid)
        {
            return Outcome<CreatedToken>.Invalid(errors.Errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var active = await db.ApiTokens.CountAsync(t => t.UserId == userId && t.RevokedUtc == null && (t.ExpiresUtc == null || t.ExpiresUtc > now), cancellationToken);
        if (active >= MaxActive)
        {
            return Outcome<CreatedToken>.Invalid(string.Empty, "Tokens.TooMany", MaxActive);
        }

        var account = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (account is null)
        {
            return Outcome<CreatedToken>.Forbidden();
        }

        DateTime? expires = command.ExpiresInDays is { } days ? now.AddDays(days) : null;
        var (token, secret) = await tokens.CreateAsync(account, command.Name!, expires, cancellationToken);
        return Outcome<CreatedToken>.Ok(new CreatedToken(token.Id, token.Name, secret, token.ExpiresUtc));
    }

    /// <summary>Revokes one of the user's own tokens; revoking a revoked token changes nothing.</summary>
    public async Task<Outcome<Guid>> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? Guid.Empty;
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.UserId == userId, cancellationToken);
        if (token is null)
        {
            return Outcome<Guid>.NotFound();
        }

        if (token.RevokedUtc is null)
        {
            token.RevokedUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome<Guid>.Ok(token.Id);
    }
}
