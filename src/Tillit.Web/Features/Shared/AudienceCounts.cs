using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Access;

namespace Tillit.Web.Features.Shared;

/// <summary>One role of an audience: the campaign or course it belongs to, and the role it names.</summary>
public sealed class AudienceRole
{
    public Guid OwnerId { get; init; }

    public Role? Role { get; init; }
}

/// <summary>
/// How many people an audience reaches in each unit: every active person of a unit for an audience of units, the
/// active holders of the named roles for an audience of roles. Acknowledgement campaigns and training courses count
/// their coverage the same way, each query once for the whole organisation whatever the number of units.
/// </summary>
public static class AudienceCounts
{
    /// <summary>Active people per unit.</summary>
    public static Task<Dictionary<Guid, int>> ActivePeopleAsync(TillitDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.People.AsNoTracking().Where(p => p.IsActive).GroupBy(p => p.UnitId)
            .Select(g => new { UnitId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.UnitId, x => x.Count, cancellationToken);
    }

    /// <summary>
    /// The active people per (audience owner, unit) who hold one of the owner's roles on the day; a person holding
    /// several of them counts once.
    /// </summary>
    public static async Task<Dictionary<(Guid OwnerId, Guid UnitId), int>> RoleHoldersAsync(TillitDbContext db, IQueryable<AudienceRole> roles, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await db.RoleAssignments.AsNoTracking()
                .Where(a => a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today))
                .Join(roles.Where(r => r.Role != null), a => a.Role, r => r.Role, (a, r) => new { r.OwnerId, a.PersonId })
                .Join(db.People.Where(p => p.IsActive), x => x.PersonId, p => p.Id, (x, p) => new { x.OwnerId, p.UnitId, x.PersonId })
                .Distinct()
                .GroupBy(x => new { x.OwnerId, x.UnitId })
                .Select(g => new { g.Key.OwnerId, g.Key.UnitId, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(x => (x.OwnerId, x.UnitId), x => x.Count);
    }
}
