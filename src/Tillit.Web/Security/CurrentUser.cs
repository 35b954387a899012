using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Access;
using Tillit.Domain.Organisations;

namespace Tillit.Web.Security;

/// <summary>One active grant: a role within a scope. For a unit scope, the unit's path is carried along.</summary>
public sealed record Grant(Role Role, ScopeKind ScopeKind, Guid? ScopeId, string? UnitPath);

/// <summary>
/// Who is asking, in this request: the person, the organisation and the active role assignments
/// (loaded once per request with one query). Permission checks for pages and API start here.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor accessor, TillitDbContext db, TimeProvider clock)
{
    private IReadOnlyList<Grant>? _grants;

    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public Guid? UserId => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public Guid? PersonId => Guid.TryParse(Principal.FindFirstValue(TillitClaims.PersonId), out var id) ? id : null;

    public Guid? OrganisationId => Guid.TryParse(Principal.FindFirstValue(TillitClaims.OrganisationId), out var id) ? id : null;

    public string Name => Principal.FindFirstValue(ClaimTypes.GivenName) ?? Principal.Identity?.Name ?? string.Empty;

    public bool ViaApiToken => Principal.HasClaim(c => c.Type == TillitClaims.TokenId);

    public async Task<IReadOnlyList<Grant>> GrantsAsync(CancellationToken cancellationToken = default)
    {
        if (_grants is not null)
        {
            return _grants;
        }

        if (PersonId is not { } personId)
        {
            return _grants = [];
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        _grants = await db.RoleAssignments
            .AsNoTracking()
            .Where(a => a.PersonId == personId && a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today))
            .Select(a => new Grant(
                a.Role,
                a.ScopeKind,
                a.ScopeId,
                a.ScopeKind == ScopeKind.Unit ? db.Units.Where(u => u.Id == a.ScopeId).Select(u => u.Path).FirstOrDefault() : null))
            .ToListAsync(cancellationToken);
        return _grants;
    }

    public async Task<IReadOnlySet<Role>> RolesAsync(CancellationToken cancellationToken = default) =>
        (await GrantsAsync(cancellationToken)).Select(g => g.Role).ToHashSet();

    /// <summary>True when any active assignment grants the permission, in any scope.</summary>
    public async Task<bool> HasAsync(string permission, CancellationToken cancellationToken = default) =>
        (await GrantsAsync(cancellationToken)).Any(g => Permissions.Grants(g.Role, permission));

    /// <summary>True when the permission is granted for the whole organisation.</summary>
    public async Task<bool> HasOrganisationWideAsync(string permission, CancellationToken cancellationToken = default) =>
        (await GrantsAsync(cancellationToken)).Any(g => g.ScopeKind == ScopeKind.Organisation && Permissions.Grants(g.Role, permission));

    /// <summary>True when the permission covers the given unit (organisation scope, or a unit scope above it).</summary>
    public async Task<bool> HasForUnitAsync(string permission, string unitPath, CancellationToken cancellationToken = default) =>
        (await GrantsAsync(cancellationToken)).Any(g => Permissions.Grants(g.Role, permission)
            && (g.ScopeKind == ScopeKind.Organisation
                || (g.ScopeKind == ScopeKind.Unit && g.UnitPath is not null && unitPath.StartsWith(g.UnitPath, StringComparison.Ordinal))));

    /// <summary>
    /// True when the permission covers the information system: organisation scope, a unit scope above the
    /// system's unit, or a system scope naming the system (a system owner's appointment).
    /// </summary>
    public async Task<bool> HasForSystemAsync(string permission, Guid systemId, string? unitPath, CancellationToken cancellationToken = default) =>
        (await GrantsAsync(cancellationToken)).Any(g => Permissions.Grants(g.Role, permission)
            && (g.ScopeKind == ScopeKind.Organisation
                || (g.ScopeKind == ScopeKind.InformationSystem && g.ScopeId == systemId)
                || (g.ScopeKind == ScopeKind.Unit && g.UnitPath is not null && unitPath is not null && unitPath.StartsWith(g.UnitPath, StringComparison.Ordinal))));

    /// <summary>The systems the user holds the permission for by a system scope (their own systems).</summary>
    public async Task<IReadOnlyList<Guid>> SystemScopesAsync(string permission, CancellationToken cancellationToken = default) =>
        (await GrantsAsync(cancellationToken)).Where(g => g.ScopeKind == ScopeKind.InformationSystem && g.ScopeId is not null && Permissions.Grants(g.Role, permission)).Select(g => g.ScopeId!.Value).Distinct().ToList();

    /// <summary>
    /// The unit paths within which the permission holds, or null when it holds organisation-wide.
    /// An empty list means nowhere. Lists filter with this, so a manager sees their units only.
    /// </summary>
    public async Task<IReadOnlyList<string>?> UnitScopeAsync(string permission, CancellationToken cancellationToken = default)
    {
        var grants = (await GrantsAsync(cancellationToken)).Where(g => Permissions.Grants(g.Role, permission)).ToList();
        if (grants.Any(g => g.ScopeKind == ScopeKind.Organisation))
        {
            return null;
        }

        return grants.Where(g => g.UnitPath is not null).Select(g => g.UnitPath!).Distinct().ToList();
    }
}

public static class UnitScopeQueries
{
    /// <summary>Keeps the units within any of the scope paths; null scope means all.</summary>
    public static IQueryable<Unit> WithinScope(this IQueryable<Unit> units, IReadOnlyList<string>? scope)
    {
        if (scope is null)
        {
            return units;
        }

        if (scope.Count == 0)
        {
            return units.Where(_ => false);
        }

        // Scopes are few (a manager's units); an OR of prefix tests keeps it one query.
        var parameter = System.Linq.Expressions.Expression.Parameter(typeof(Unit), "u");
        System.Linq.Expressions.Expression? body = null;
        var path = System.Linq.Expressions.Expression.Property(parameter, nameof(Unit.Path));
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        foreach (var prefix in scope)
        {
            var test = System.Linq.Expressions.Expression.Call(path, startsWith, System.Linq.Expressions.Expression.Constant(prefix));
            body = body is null ? test : System.Linq.Expressions.Expression.OrElse(body, test);
        }

        return units.Where(System.Linq.Expressions.Expression.Lambda<Func<Unit, bool>>(body!, parameter));
    }
}
