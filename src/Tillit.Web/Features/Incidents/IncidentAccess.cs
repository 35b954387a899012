using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Incidents;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Incidents;

/// <summary>
/// Who sees which incident (need to know): the security officer and the municipal director every one;
/// everyone else only what concerns them, and never a policy violation: the handler assigned to it, the
/// data protection officer those that are (or may be) personal data breaches, a system owner those on
/// the systems of their appointment. Reporters see their own reports only through /incidents/mine.
/// </summary>
public sealed class IncidentAccess(TillitDbContext db, CurrentUser user)
{
    /// <summary>The security officer: triages, assigns and dismisses every incident.</summary>
    public Task<bool> MayManageAsync(CancellationToken cancellationToken) => user.HasOrganisationWideAsync(Permissions.IncidentsManage, cancellationToken);

    /// <summary>The security officer and the director: every incident, policy violations included (statistics show all categories).</summary>
    public Task<bool> SeesAllAsync(CancellationToken cancellationToken) => user.HasOrganisationWideAsync(Permissions.IncidentsReadAll, cancellationToken);

    /// <summary>The incidents the reader may see.</summary>
    public async Task<IQueryable<Incident>> VisibleAsync(CancellationToken cancellationToken)
    {
        var incidents = db.Incidents.AsNoTracking();
        if (await user.HasOrganisationWideAsync(Permissions.IncidentsReadAll, cancellationToken))
        {
            return incidents;
        }

        if (!await user.HasAsync(Permissions.IncidentsHandle, cancellationToken) || user.PersonId is not { } me)
        {
            return incidents.Where(_ => false);
        }

        var breaches = await user.HasAsync(Permissions.IncidentsBreaches, cancellationToken);
        var systems = await user.SystemScopesAsync(Permissions.IncidentsHandle, cancellationToken);
        return incidents.Where(i => i.Category != IncidentCategory.PolicyViolation
            && (i.HandlerId == me
                || (breaches && (i.IsPersonalDataBreach || i.PersonalDataMaybe))
                || (systems.Count > 0 && db.IncidentSystems.Any(l => l.IncidentId == i.Id && systems.Contains(l.SystemId)))));
    }

    /// <summary>The security officer, or the handler assigned: they move the incident and keep its clocks.</summary>
    public async Task<bool> MayWorkAsync(Incident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return await MayManageAsync(cancellationToken)
            || (incident.HandlerId is { } handler && handler == user.PersonId && incident.Category != IncidentCategory.PolicyViolation);
    }

    /// <summary>People who may be assigned: those holding a role that takes part in incident handling.</summary>
    public IQueryable<Domain.Organisations.Person> Handlers(DateOnly today)
    {
        var roles = Domain.Access.Roles.All.Where(r => Permissions.Grants(r, Permissions.IncidentsHandle)).ToList();
        return db.People.AsNoTracking().Where(p => p.IsActive && db.RoleAssignments.Any(a => a.PersonId == p.Id && roles.Contains(a.Role)
            && a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today)));
    }
}
