using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Agreements;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Agreements;

/// <summary>
/// Who may read and change an agreement. Reading: agreements.read organisation-wide (security officer, data
/// protection officer, IT manager, director), or for a system the agreement covers (its system owner).
/// Changing: agreements.manage organisation-wide, or for every system the agreement covers, so a system owner
/// keeps the agreements of their own systems and cannot touch one that also covers another owner's system.
/// </summary>
public sealed class AgreementAccess(TillitDbContext db, CurrentUser user)
{
    /// <summary>The systems an agreement covers, with their unit paths (for the scope checks).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Path)>> SystemsOfAsync(Guid agreementId, CancellationToken cancellationToken) =>
        (await db.AgreementSystems.AsNoTracking().Where(x => x.AgreementId == agreementId)
            .Join(db.InformationSystems, x => x.SystemId, s => s.Id, (x, s) => new { s.Id, s.UnitId })
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { s.Id, u.Path })
            .ToListAsync(cancellationToken)).Select(x => (x.Id, x.Path)).ToList();

    public async Task<bool> MayReadAsync(IReadOnlyList<(Guid Id, string Path)> systems, CancellationToken cancellationToken)
    {
        if (await user.HasOrganisationWideAsync(Permissions.AgreementsRead, cancellationToken))
        {
            return true;
        }

        foreach (var (id, path) in systems)
        {
            if (await user.HasForSystemAsync(Permissions.AgreementsRead, id, path, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>May change an agreement covering these systems (or create one for them).</summary>
    public async Task<bool> MayManageAsync(IReadOnlyList<(Guid Id, string Path)> systems, CancellationToken cancellationToken)
    {
        if (await user.HasOrganisationWideAsync(Permissions.AgreementsManage, cancellationToken))
        {
            return true;
        }

        if (systems.Count == 0)
        {
            return false;
        }

        foreach (var (id, path) in systems)
        {
            if (!await user.HasForSystemAsync(Permissions.AgreementsManage, id, path, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The agreements the user may read, as a query (one SQL filter).</summary>
    public async Task<IQueryable<Agreement>> ReadableAsync(CancellationToken cancellationToken)
    {
        var agreements = db.Agreements.AsNoTracking();
        if (await user.HasOrganisationWideAsync(Permissions.AgreementsRead, cancellationToken))
        {
            return agreements;
        }

        var systems = await user.SystemScopesAsync(Permissions.AgreementsRead, cancellationToken);
        var paths = await user.UnitScopeAsync(Permissions.AgreementsRead, cancellationToken) ?? [];
        var units = db.Units.WithinScope(paths).Select(u => u.Id);
        var visibleSystems = db.InformationSystems.Where(s => systems.Contains(s.Id) || (paths.Count > 0 && units.Contains(s.UnitId))).Select(s => s.Id);
        return agreements.Where(a => db.AgreementSystems.Any(x => x.AgreementId == a.Id && visibleSystems.Contains(x.SystemId)));
    }

    /// <summary>The unit paths of the given systems (ids not in this organisation are left out).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Path)>> PathsOfAsync(IReadOnlyCollection<Guid> systemIds, CancellationToken cancellationToken) =>
        (await db.InformationSystems.AsNoTracking().Where(s => systemIds.Contains(s.Id))
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { s.Id, u.Path })
            .ToListAsync(cancellationToken)).Select(x => (x.Id, x.Path)).ToList();
}
