using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Measures;
using Tillit.Domain.Register;
using Tillit.Domain.Requirements;
using Tillit.Web.Infrastructure;

namespace Tillit.Web.Features.Measures;

/// <summary>The action plan's gaps at a glance: important systems with requirements not yet assessed, overdue measures.</summary>
public sealed record ActionPlanGaps(int ImportantSystemsUnassessed, int OverdueMeasures);

/// <summary>
/// Counts the action plan's gaps for the start pages of the director and the security officer, in one query, kept
/// in the <see cref="OrganisationCache"/> until a system, requirement, assessment or measure is saved (or a
/// minute passes). Overdue is judged by the injected clock (the cache key carries the day).
/// </summary>
public sealed class ActionPlanGapQueries(TillitDbContext db, OrganisationCache cache, TimeProvider clock)
{
    private static readonly Type[] Sources = [typeof(InformationSystem), typeof(Requirement), typeof(RequirementAssessment), typeof(Measure)];

    public async Task<ActionPlanGaps> CountAsync(CancellationToken cancellationToken)
    {
        if (db.CurrentOrganisationId is not { } organisationId)
        {
            return new ActionPlanGaps(0, 0);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await cache.GetOrCreateAsync(Sources, "action-plan-gaps|" + today.DayNumber, organisationId, async () =>
        {
            var unassessed = Systems.SystemQueries.WithUnassessedRequirements(db, db.InformationSystems.Where(s => s.ImportantToOperations));
            var gaps = await db.Organisations
                .Where(o => o.Id == organisationId)
                .Select(o => new ActionPlanGaps(
                    unassessed.Count(),
                    db.Measures.Count(m => (m.Status == MeasureStatus.Planned || m.Status == MeasureStatus.InProgress) && m.DueDate < today)))
                .FirstOrDefaultAsync(cancellationToken);
            return gaps ?? new ActionPlanGaps(0, 0);
        });
    }
}
