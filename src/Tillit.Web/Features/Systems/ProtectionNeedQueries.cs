using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Register;

namespace Tillit.Web.Features.Systems;

/// <summary>
/// Keeps each system's stored protection need equal to the highest level per aspect over the current
/// classifications of the sets it holds (<see cref="ProtectionNeed.HighestOf"/>). Handlers call it after
/// saving a change to classifications or to where sets are held, in the same transaction. A need raised on
/// any aspect marks the system's risk analysis for review.
/// </summary>
public sealed class ProtectionNeedQueries(TillitDbContext db, Shared.ISystemRiskReviewMarker riskReview)
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
        var raised = new List<(Guid Id, string Need)>();
        foreach (var system in systems)
        {
            var need = ProtectionNeed.HighestOf(bySystem[system.Id]);
            if (need != system.ProtectionNeed)
            {
                if (need is { } n && system.ProtectionNeed is { } old
                    && (n.Confidentiality > old.Confidentiality || n.Integrity > old.Integrity || n.Availability > old.Availability || n.Traceability > old.Traceability))
                {
                    raised.Add((system.Id, $"{old} → {n}"));
                }

                system.SetProtectionNeed(need);
            }
        }

        foreach (var (id, change) in raised)
        {
            await riskReview.MarkForReviewAsync(systems[0].OrganisationId, id, $"Skyddsbehovet höjt {change}", cancellationToken);
        }
    }
}
