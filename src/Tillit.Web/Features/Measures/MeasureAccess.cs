using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Measures;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Measures;

/// <summary>
/// Who may do what with a measure. Reading: measures.read within its scope (organisation-wide: the whole plan; a
/// manager's unit scope: measures of those units and of their systems; a system owner's system scope: measures of
/// those systems), or being the measure's owner.
/// Changing: measures.manage for the organisation, or for the measure's system (a system owner's appointment
/// or a unit scope above the system). A measure without a system is managed organisation-wide only.
/// </summary>
public sealed class MeasureAccess(TillitDbContext db, CurrentUser user)
{
    public async Task<bool> MayReadAsync(Guid measureId, CancellationToken cancellationToken) =>
        await (await ReadableAsync(cancellationToken)).AnyAsync(m => m.Id == measureId, cancellationToken);

    /// <summary>The measures the user may read, as one filter that lists and counts keep.</summary>
    public async Task<IQueryable<Measure>> ReadableAsync(CancellationToken cancellationToken)
    {
        var measures = db.Measures.AsNoTracking();
        var paths = await user.UnitScopeAsync(Permissions.MeasuresRead, cancellationToken);
        if (paths is null)
        {
            return measures;
        }

        var me = user.PersonId ?? Guid.Empty;
        var systems = await user.SystemScopesAsync(Permissions.MeasuresRead, cancellationToken);
        var units = db.Units.WithinScope(paths).Select(u => u.Id);
        return measures.Where(m => m.OwnerId == me
            || (m.UnitId != null && units.Contains(m.UnitId.Value))
            || (m.SystemId != null && (systems.Contains(m.SystemId.Value) || db.InformationSystems.Any(s => s.Id == m.SystemId && units.Contains(s.UnitId)))));
    }

    public async Task<bool> MayManageAsync(Guid? systemId, CancellationToken cancellationToken)
    {
        if (await user.HasOrganisationWideAsync(Permissions.MeasuresManage, cancellationToken))
        {
            return true;
        }

        if (systemId is not { } id || !await user.HasAsync(Permissions.MeasuresManage, cancellationToken))
        {
            return false;
        }

        var path = await db.InformationSystems.AsNoTracking().Where(s => s.Id == id)
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => u.Path)
            .FirstOrDefaultAsync(cancellationToken);
        return path is not null && await user.HasForSystemAsync(Permissions.MeasuresManage, id, path, cancellationToken);
    }
}
