using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Documents;
using Tillit.Domain.Goals;
using Tillit.Domain.Measures;
using Tillit.Domain.Risks;
using Tillit.Web.Features.Goals;
using Tillit.Web.Features.Indicators;

namespace Tillit.Web.Features.Reports;

public sealed record YearlyReportRow(Guid Id, int Year, DateTime GeneratedUtc, string GeneratedByName, DateOnly? NotedOn, string? NotedBy, string? NotedReference);

/// <summary>The board's record of the report, when it has taken note.</summary>
public sealed record NoteRecord(string Body, DateOnly On, string Reference);

/// <summary>
/// Everything the yearly report shows. Only figures: counts per month of reported events, no incident or
/// risk detail, so the board may read it whole.
/// </summary>
/// <param name="Report">The kept report, or null when the year's report is not generated yet (the page then shows today's figures).</param>
/// <param name="RisksByBand">Risks of the approved analyses in force (not replaced by a later cycle), counted per band of their level after measures (the level before when no residual is set).</param>
public sealed record YearlyReportContent(int Year, YearlyReportRow? Report, string Proposals, int Version, IndicatorYear Indicators, IReadOnlyList<YearlyGoalRow> Goals, int MeasuresDone, int MeasuresOverdue, int DocumentsDecided, int ReviewsOverdue, IReadOnlyList<(RiskBand Band, int Count)> RisksByBand)
{
    /// <summary>"Låg 3, medel 5, hög 1, extremt hög 0" in the reader's language.</summary>
    public string RisksByBandText(Microsoft.Extensions.Localization.IStringLocalizer l) =>
        string.Join(", ", RisksByBand.Select(b => $"{l["RiskBand." + b.Band].Value} {b.Count}"));
}

/// <summary>The yearly reports and their content: a bounded number of queries (the indicators' and six more).</summary>
public sealed class YearlyReportQueries(TillitDbContext db, IndicatorQueries indicators, GoalQueries goals)
{
    public async Task<IReadOnlyList<YearlyReportRow>> ListAsync(CancellationToken cancellationToken) =>
        await (from r in db.YearlyReports.AsNoTracking()
               join p in db.People on r.GeneratedById equals p.Id
               orderby r.Year descending
               select new YearlyReportRow(r.Id, r.Year, r.GeneratedUtc, p.Name, r.NotedOn, r.NotedBy, r.NotedReference))
            .Take(100).ToListAsync(cancellationToken);

    public async Task<YearlyReportContent> ContentAsync(int year, CancellationToken cancellationToken)
    {
        var kept = await (from r in db.YearlyReports.AsNoTracking()
                          join p in db.People on r.GeneratedById equals p.Id
                          where r.Year == year
                          select new { Row = new YearlyReportRow(r.Id, r.Year, r.GeneratedUtc, p.Name, r.NotedOn, r.NotedBy, r.NotedReference), r.Proposals, r.Version })
            .FirstOrDefaultAsync(cancellationToken);
        var values = await indicators.ForYearAsync(year, cancellationToken, liveSnapshot: true);
        var yearly = await goals.YearlyAsync(year, cancellationToken);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var today = indicators.Today;
        var organisationId = db.CurrentOrganisationId ?? Guid.Empty;
        var figures = await db.Organisations.Where(o => o.Id == organisationId)
            .Select(o => new
            {
                Done = db.Measures.Count(m => m.DoneOn != null && m.DoneOn >= from && m.DoneOn <= to),
                Overdue = db.Measures.Count(m => (m.Status == MeasureStatus.Planned || m.Status == MeasureStatus.InProgress) && m.DueDate < today && m.DueDate <= to),
                Decided = db.DocumentVersions.Count(v => v.DecisionDate != null && v.DecisionDate >= from && v.DecisionDate <= to),
                ReviewsOverdue = db.Documents.Count(d => d.NextReview != null && d.NextReview < today),
            })
            .FirstOrDefaultAsync(cancellationToken);
        var bands = (await db.RiskSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken))?.Bands ?? RiskBands.Default;
        var levels = await db.Risks.AsNoTracking()
            .Where(r => db.RiskAnalyses.Any(a => a.Id == r.AnalysisId && a.Status == RiskAnalysisStatus.Approved && !db.RiskAnalyses.Any(n => n.PreviousAnalysisId == a.Id)))
            .GroupBy(r => r.ResidualLevel ?? r.Level)
            .Select(g => new { Level = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var risks = Enum.GetValues<RiskBand>().Select(b => (b, levels.Where(x => bands.BandOf(x.Level) == b).Sum(x => x.Count))).ToList();
        return new YearlyReportContent(year, kept?.Row, kept?.Proposals ?? string.Empty, kept?.Version ?? 0, values, yearly, figures?.Done ?? 0, figures?.Overdue ?? 0, figures?.Decided ?? 0, figures?.ReviewsOverdue ?? 0, risks);
    }
}
