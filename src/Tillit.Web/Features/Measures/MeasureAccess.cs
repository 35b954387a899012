using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Measures;

/// <summary>
/// Who may do what with a measure. Reading: measures.read (the whole plan), or being the measure's owner.
/// Changing: measures.manage for the organisation, or for the measure's system (a system owner's appointment
/// or a unit scope above the system). A measure without a system is managed organisation-wide only.
/// </summary>
public sealed class MeasureAccess(TillitDbContext db, CurrentUser user)
{
    public async Task<bool> MayReadAsync(Guid ownerId, CancellationToken cancellationToken) =>
        user.PersonId == ownerId || await user.HasAsync(Permissions.MeasuresRead, cancellationToken);

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
