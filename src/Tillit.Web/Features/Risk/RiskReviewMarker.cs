using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Risks;
using Tillit.Web.Features.Shared;

namespace Tillit.Web.Features.Risk;

/// <summary>
/// Marks the current analysis of a system for review (a new incident on it, a raised classification): the newest
/// analysis covering the system that no later cycle replaced. A system without an analysis is already a gap, so
/// nothing is marked. Saved at once, with its audit event.
/// </summary>
public sealed class RiskReviewMarker(TillitDbContext db, TimeProvider clock) : ISystemRiskReviewMarker
{
    public async Task MarkForReviewAsync(Guid organisationId, Guid systemId, string reason, CancellationToken cancellationToken)
    {
        var analysis = await db.RiskAnalyses
            .Where(a => a.OrganisationId == organisationId
                && db.RiskAnalysisSystems.Any(x => x.AnalysisId == a.Id && x.SystemId == systemId)
                && !db.RiskAnalyses.Any(n => n.PreviousAnalysisId == a.Id))
            .OrderByDescending(a => a.AnalysedOn).ThenByDescending(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (analysis is null)
        {
            return;
        }

        analysis.MarkForReview(reason, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
    }
}
