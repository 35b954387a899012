using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Register;

namespace Tillit.Web.Features.Systems;

/// <summary>
/// Keeps each system's stored protection need equal to the highest level per aspect over the current
/// classifications of the sets it holds (<see cref="ProtectionNeed.HighestOf"/>). Handlers call it after
/// saving a change to classifications or to where sets are held, in the same transaction.
/// </summary>
public sealed class ProtectionNeedQueries(TillitDbContext db)
{
    public async Task RecomputeAsync(IReadOnlyCollection<Guid> systemIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(systemIds);
        if (systemIds.Count == 0)
        {
            return;
        }

        var ids = systemIds.Distinct().ToList();
        var systems = await db.InformationSystems.Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken);
        var levels = await db.InformationSetSystems
            .Where(h => ids.Contains(h.SystemId))
            .Join(db.Classifications.Where(c => c.IsCurrent), h => h.SetId, c => c.SetId, (h, c) => new { h.SystemId, c.Confidentiality, c.Integrity, c.Availability, c.Traceability })
            .ToListAsync(cancellationToken);
        var bySystem = levels.ToLookup(l => l.SystemId, l => new ProtectionNeed(l.Confidentiality, l.Integrity, l.Availability, l.Traceability));
        foreach (var system in systems)
        {
            var need = ProtectionNeed.HighestOf(bySystem[system.Id]);
            if (need != system.ProtectionNeed)
            {
                system.SetProtectionNeed(need);
            }
        }
    }
}
