using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Access;
using Tillit.Web.Security;

namespace Tillit.Web.Api;

public sealed record MeOrganisation(Guid Id, string Name, string Code);

public sealed record MeRole(Role Role, ScopeKind Scope, Guid? ScopeId, string? ScopeName);

/// <summary>Who the token belongs to, for a script to check before it does anything.</summary>
public sealed record MeResponse(Guid UserId, Guid PersonId, string Name, string Email, MeOrganisation Organisation, IReadOnlyList<MeRole> Roles, IReadOnlyList<string> Permissions);

internal static class MeApi
{
    public static void MapMeApi(this RouteGroupBuilder api) =>
        api.MapGet("/me", GetAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithName("GetMe")
            .Produces<MeResponse>()
            .WithSummary("Who am I")
            .WithDescription("The person the token belongs to, their organisation, their active role assignments with scope, and the permissions those roles grant (in some scope).");

    private static async Task<IResult> GetAsync(CurrentUser user, TillitDbContext db, CancellationToken cancellationToken)
    {
        if (user.PersonId is not { } personId || user.UserId is not { } userId)
        {
            return TypedResults.Unauthorized();
        }

        var me = await db.People.AsNoTracking()
            .Where(p => p.Id == personId)
            .Select(p => new
            {
                p.Name,
                p.Email,
                // Column by column: a subquery of several columns is a window over every organisation on SQLite.
                p.OrganisationId,
                OrganisationName = db.Organisations.IgnoreQueryFilters().Where(o => o.Id == p.OrganisationId).Select(o => o.Name).First(),
                OrganisationCode = db.Organisations.IgnoreQueryFilters().Where(o => o.Id == p.OrganisationId).Select(o => o.Code).First(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (me is null)
        {
            return TypedResults.Unauthorized();
        }

        var grants = await user.GrantsAsync(cancellationToken);
        var unitIds = grants.Where(g => g.ScopeKind == ScopeKind.Unit && g.ScopeId is not null).Select(g => g.ScopeId!.Value).Distinct().ToList();
        var unitNames = unitIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var roles = grants
            .Select(g => new MeRole(g.Role, g.ScopeKind, g.ScopeId, g.ScopeId is { } id && unitNames.TryGetValue(id, out var name) ? name : null))
            .ToList();
        var permissions = Security.Permissions.All.Where(p => grants.Any(g => Security.Permissions.Grants(g.Role, p))).ToList();
        return TypedResults.Ok(new MeResponse(userId, personId, me.Name, me.Email, new MeOrganisation(me.OrganisationId, me.OrganisationName, me.OrganisationCode), roles, permissions));
    }
}
