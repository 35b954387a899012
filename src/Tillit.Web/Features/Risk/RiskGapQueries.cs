using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Register;
using Tillit.Domain.Risks;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Risk;

/// <summary>Why an important system is a gap: no approved analysis, an approved one older than allowed, or one marked for review.</summary>
public enum RiskGapKind
{
    Missing = 0,
    Overdue = 1,
    Review = 2,
}

public sealed record RiskGap(Guid SystemId, string SystemName, RiskGapKind Kind, Guid? AnalysisId);

/// <summary>The gaps of the start page card: the first few and how many in all.</summary>
public sealed record RiskGaps(IReadOnlyList<RiskGap> First, int Total);

/// <summary>A system's risk analysis state, for its page.</summary>
public sealed record SystemRiskState(Guid? CurrentAnalysisId, string? CurrentTitle, RiskAnalysisStatus? CurrentStatus, DateOnly? ApprovedOn, RiskGapKind? Gap);

/// <summary>
/// Important systems without an approved risk analysis no older than the organisation's maximum age (default 12
/// months, judged by the injected clock), or whose current analysis is marked for review. Two bounded queries.
/// </summary>
public sealed class RiskGapQueries(TillitDbContext db, RiskAccess access, CurrentUser user, Infrastructure.OrganisationCache cache)
{
    public const int CardSize = 5;

    private static readonly Type[] Sources = [typeof(InformationSystem), typeof(RiskAnalysis), typeof(RiskAnalysisSystem), typeof(RiskSettings)];

    /// <summary>The gaps among the systems the user may read risk analyses of; null when they may read none.</summary>
    public async Task<RiskGaps?> ForCardAsync(CancellationToken cancellationToken)
    {
        if (!await user.HasAsync(Permissions.RisksRead, cancellationToken))
        {
            return null;
        }

        var systems = db.InformationSystems.AsNoTracking().Where(s => s.ImportantToOperations && s.Lifecycle != Lifecycle.Retired);
        if (await user.HasOrganisationWideAsync(Permissions.RisksRead, cancellationToken) && db.CurrentOrganisationId is { } organisationId)
        {
            // The whole organisation's card is the same for every reader: kept for the day until an analysis, a
            // system or the settings are saved.
            return await cache.GetOrCreateAsync(Sources, "risk-gaps-card|" + access.Today.DayNumber, organisationId, () => CardAsync(systems, cancellationToken));
        }

        var own = await user.SystemScopesAsync(Permissions.RisksRead, cancellationToken);
        return await CardAsync(systems.Where(s => own.Contains(s.Id)), cancellationToken);
    }

    private async Task<RiskGaps> CardAsync(IQueryable<InformationSystem> systems, CancellationToken cancellationToken)
    {
        var gaps = GapsOf(systems, await CutoffAsync(cancellationToken));
        var total = await gaps.CountAsync(cancellationToken);
        var first = await gaps.OrderBy(g => g.Name).Take(CardSize).ToListAsync(cancellationToken);
        return new RiskGaps(first.Select(ToGap).ToList(), total);
    }

    /// <summary>The state of one system (any system; a gap only if it is important), in one query.</summary>
    public async Task<SystemRiskState> ForSystemAsync(Guid systemId, CancellationToken cancellationToken)
    {
        var cutoff = await CutoffAsync(cancellationToken);
        var analyses = db.RiskAnalysisSystems.Where(x => x.SystemId == systemId).Join(db.RiskAnalyses, x => x.AnalysisId, a => a.Id, (x, a) => a);
        var latest = analyses.Where(a => !db.RiskAnalyses.Any(n => n.PreviousAnalysisId == a.Id)).OrderByDescending(a => a.AnalysedOn).ThenByDescending(a => a.Id);

        // One subquery per column: a multi-column FirstOrDefault inside a projection numbers rows with a window (decision 35).
        var row = await db.InformationSystems.AsNoTracking().Where(s => s.Id == systemId)
            .Select(s => new
            {
                Important = s.ImportantToOperations && s.Lifecycle != Lifecycle.Retired,
                CurrentId = latest.Select(a => (Guid?)a.Id).FirstOrDefault(),
                CurrentTitle = latest.Select(a => a.Title).FirstOrDefault(),
                CurrentStatus = latest.Select(a => (RiskAnalysisStatus?)a.Status).FirstOrDefault(),
                ApprovedOn = analyses.Where(a => a.Status == RiskAnalysisStatus.Approved).Max(a => a.ApprovedOn),
                ReviewId = analyses.Where(a => a.ReviewNeeded && !db.RiskAnalyses.Any(n => n.PreviousAnalysisId == a.Id)).Select(a => (Guid?)a.Id).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return new SystemRiskState(null, null, null, null, null);
        }

        RiskGapKind? gap = !row.Important ? null
            : row.ApprovedOn is null ? RiskGapKind.Missing
            : row.ReviewId is not null ? RiskGapKind.Review
            : row.ApprovedOn < cutoff ? RiskGapKind.Overdue
            : null;
        return new SystemRiskState(row.CurrentId, row.CurrentTitle, row.CurrentStatus, row.ApprovedOn, gap);
    }

    private async Task<DateOnly> CutoffAsync(CancellationToken cancellationToken) =>
        access.Today.AddMonths(-(await access.SettingsForReadingAsync(cancellationToken)).MaxAgeMonths);

    private IQueryable<GapRow> GapsOf(IQueryable<InformationSystem> systems, DateOnly cutoff) =>
        systems.Select(s => new GapRow
        {
            Id = s.Id,
            Name = s.Name,
            ApprovedOn = db.RiskAnalysisSystems.Where(x => x.SystemId == s.Id)
                .Join(db.RiskAnalyses.Where(a => a.Status == RiskAnalysisStatus.Approved), x => x.AnalysisId, a => a.Id, (x, a) => a.ApprovedOn).Max(),
            ReviewId = db.RiskAnalysisSystems.Where(x => x.SystemId == s.Id)
                .Join(db.RiskAnalyses.Where(a => a.ReviewNeeded && !db.RiskAnalyses.Any(n => n.PreviousAnalysisId == a.Id)), x => x.AnalysisId, a => a.Id, (x, a) => (Guid?)a.Id).FirstOrDefault(),
        })
        .Where(g => g.ApprovedOn == null || g.ApprovedOn < cutoff || g.ReviewId != null);

    private static RiskGap ToGap(GapRow g) =>
        new(g.Id, g.Name, g.ApprovedOn is null ? RiskGapKind.Missing : g.ReviewId is not null ? RiskGapKind.Review : RiskGapKind.Overdue, g.ReviewId);

    private sealed class GapRow
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = string.Empty;

        public DateOnly? ApprovedOn { get; init; }

        public Guid? ReviewId { get; init; }
    }
}
