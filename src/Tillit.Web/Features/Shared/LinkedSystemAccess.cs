using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Register;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Shared;

/// <summary>
/// The scope rule of a record that belongs to the information systems it is linked to (an agreement covers systems,
/// an exercise tries their plans): an organisation-wide holder of the permission reaches every such record; anyone
/// else reaches one through a linked system in their scope — reading needs one such system, changing needs all of
/// them, so a system owner cannot change a record that also concerns another owner's system.
/// </summary>
public sealed class LinkedSystemAccess(TillitDbContext db, CurrentUser user)
{
    /// <summary>The given systems with their unit paths (ids outside this organisation are left out).</summary>
    public Task<IReadOnlyList<(Guid Id, string Path)>> PathsOfAsync(IReadOnlyCollection<Guid> systemIds, CancellationToken cancellationToken) =>
        PathsAsync(db.InformationSystems.AsNoTracking().Where(s => systemIds.Contains(s.Id)), cancellationToken);

    /// <summary>The systems whose ids the query yields (the links of one record), with their unit paths.</summary>
    public Task<IReadOnlyList<(Guid Id, string Path)>> PathsOfAsync(IQueryable<Guid> systemIds, CancellationToken cancellationToken) =>
        PathsAsync(db.InformationSystems.AsNoTracking().Where(s => systemIds.Contains(s.Id)), cancellationToken);

    /// <summary>Holds the permission organisation-wide, or for at least one of the systems.</summary>
    public async Task<bool> MayAnyAsync(string permission, IReadOnlyList<(Guid Id, string Path)> systems, CancellationToken cancellationToken)
    {
        if (await user.HasOrganisationWideAsync(permission, cancellationToken))
        {
            return true;
        }

        foreach (var (id, path) in systems)
        {
            if (await user.HasForSystemAsync(permission, id, path, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Holds the permission organisation-wide, or for every one of the systems (and there is at least one).</summary>
    public async Task<bool> MayAllAsync(string permission, IReadOnlyList<(Guid Id, string Path)> systems, CancellationToken cancellationToken)
    {
        if (await user.HasOrganisationWideAsync(permission, cancellationToken))
        {
            return true;
        }

        if (systems.Count == 0)
        {
            return false;
        }

        foreach (var (id, path) in systems)
        {
            if (!await user.HasForSystemAsync(permission, id, path, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The ids of the systems in the user's scope for the permission, as a query; null when the user holds it organisation-wide.</summary>
    public async Task<IQueryable<Guid>?> SystemsInScopeAsync(string permission, CancellationToken cancellationToken)
    {
        if (await user.HasOrganisationWideAsync(permission, cancellationToken))
        {
            return null;
        }

        var systems = await user.SystemScopesAsync(permission, cancellationToken);
        var paths = await user.UnitScopeAsync(permission, cancellationToken) ?? [];
        var units = db.Units.WithinScope(paths).Select(u => u.Id);
        return db.InformationSystems.Where(s => systems.Contains(s.Id) || (paths.Count > 0 && units.Contains(s.UnitId))).Select(s => s.Id);
    }

    private async Task<IReadOnlyList<(Guid Id, string Path)>> PathsAsync(IQueryable<InformationSystem> systems, CancellationToken cancellationToken) =>
        (await systems.Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { s.Id, u.Path }).ToListAsync(cancellationToken))
            .Select(x => (x.Id, x.Path)).ToList();
}
