using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tillit.Data;
using Tillit.Data.Identity;

namespace Tillit.Web.Security;

/// <summary>Makes and checks personal access tokens. The secret is shown once; only its SHA-256 is kept.</summary>
public sealed class ApiTokenService(TillitDbContext db, TimeProvider clock)
{
    public const string TokenPrefix = "tillit_";

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Creates a token for the user and returns the secret, which is never stored.</summary>
    public async Task<(ApiToken Token, string Secret)> CreateAsync(UserAccount user, string name, DateTime? expiresUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var secret = TokenPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            OrganisationId = user.OrganisationId,
            UserId = user.Id,
            Name = name.Trim(),
            SecretHash = Hash(secret),
            Prefix = secret[..(TokenPrefix.Length + 6)],
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            ExpiresUtc = expiresUtc,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// Authenticates API requests by <c>Authorization: Bearer tillit_…</c>. The principal carries the
/// same organisation and person as the owner's sign-in, so a token never has more than its owner.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TillitDbContext db,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(5);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(ApiTokenService.TokenPrefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return AuthenticateResult.Fail("malformed token");
        }

        var hash = ApiTokenService.Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.ApiTokens.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.SecretHash == hash && t.RevokedUtc == null && (t.ExpiresUtc == null || t.ExpiresUtc > now))
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { t.Id, t.OrganisationId, t.LastUsedUtc, u.PersonId, UserId = u.Id, u.UserName, u.LockoutEnd })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (row is null || (row.LockoutEnd is { } end && end > clock.GetUtcNow()))
        {
            return AuthenticateResult.Fail("unknown, revoked or expired token");
        }

        // "Last used" is shown to the owner; writing it at most every few minutes keeps API reads free of writes.
        if (row.LastUsedUtc is null || now - row.LastUsedUtc.Value > LastUsedResolution)
        {
            await db.ApiTokens.IgnoreQueryFilters()
                .Where(t => t.Id == row.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedUtc, now), Context.RequestAborted);
        }

        Context.RequestServices.GetRequiredService<Infrastructure.Audit.AuditTrail>()
            .Enqueue(Data.Audit.AuditActions.TokenUsed, "ApiToken", row.Id.ToString("D"), new { method = Request.Method, path = Request.Path.Value }, row.OrganisationId, row.PersonId);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, row.UserId.ToString()),
                new Claim(ClaimTypes.Name, row.UserName ?? string.Empty),
                new Claim(TillitClaims.OrganisationId, row.OrganisationId.ToString()),
                new Claim(TillitClaims.PersonId, row.PersonId.ToString()),
                new Claim(TillitClaims.TokenId, row.Id.ToString()),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        IdentitySetup.AuditDenied(Context);
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}

