using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Agreements;
using Tillit.Web.Features.Shared;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Agreements;

/// <summary>
/// Who may read and change an agreement (the rule of <see cref="LinkedSystemAccess"/>). Reading: agreements.read
/// organisation-wide (security officer, data protection officer, IT manager, director), or for a system the
/// agreement covers (its system owner). Changing: agreements.manage organisation-wide, or for every system the
/// agreement covers.
/// </summary>
public sealed class AgreementAccess(TillitDbContext db, LinkedSystemAccess linked)
{
    /// <summary>The systems an agreement covers, with their unit paths (for the scope checks).</summary>
    public Task<IReadOnlyList<(Guid Id, string Path)>> SystemsOfAsync(Guid agreementId, CancellationToken cancellationToken) =>
        linked.PathsOfAsync(db.AgreementSystems.Where(x => x.AgreementId == agreementId).Select(x => x.SystemId), cancellationToken);

    public Task<bool> MayReadAsync(IReadOnlyList<(Guid Id, string Path)> systems, CancellationToken cancellationToken) =>
        linked.MayAnyAsync(Permissions.AgreementsRead, systems, cancellationToken);

    /// <summary>May change an agreement covering these systems (or create one for them).</summary>
    public Task<bool> MayManageAsync(IReadOnlyList<(Guid Id, string Path)> systems, CancellationToken cancellationToken) =>
        linked.MayAllAsync(Permissions.AgreementsManage, systems, cancellationToken);

    /// <summary>The agreements the user may read, as a query (one SQL filter).</summary>
    public async Task<IQueryable<Agreement>> ReadableAsync(CancellationToken cancellationToken)
    {
        var agreements = db.Agreements.AsNoTracking();
        var visibleSystems = await linked.SystemsInScopeAsync(Permissions.AgreementsRead, cancellationToken);
        return visibleSystems is null ? agreements : agreements.Where(a => db.AgreementSystems.Any(x => x.AgreementId == a.Id && visibleSystems.Contains(x.SystemId)));
    }

    /// <summary>The unit paths of the given systems (ids not in this organisation are left out).</summary>
    public Task<IReadOnlyList<(Guid Id, string Path)>> PathsOfAsync(IReadOnlyCollection<Guid> systemIds, CancellationToken cancellationToken) =>
        linked.PathsOfAsync(systemIds, cancellationToken);
}
