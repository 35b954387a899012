using System.Security.Claims;
using Tillit.Data.Audit;
using Tillit.Web.Security;

namespace Tillit.Web.Infrastructure.Audit;

/// <summary>The actor of a request: the signed-in person, the API token's owner, or anonymous. Outside a request: the system.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public AuditActorKind Kind => accessor.HttpContext is null
        ? AuditActorKind.System
        : User?.HasClaim(c => c.Type == TillitClaims.TokenId) == true
            ? AuditActorKind.ApiToken
            : User?.Identity?.IsAuthenticated == true ? AuditActorKind.Person : AuditActorKind.Anonymous;

    public Guid? PersonId => Guid.TryParse(User?.FindFirstValue(TillitClaims.PersonId), out var id) ? id : null;

    public Guid? TokenId => Guid.TryParse(User?.FindFirstValue(TillitClaims.TokenId), out var id) ? id : null;

    public string? Name => accessor.HttpContext is null
        ? "tillit"
        : User?.FindFirstValue(ClaimTypes.GivenName) ?? User?.Identity?.Name;

    public string? ClientAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
