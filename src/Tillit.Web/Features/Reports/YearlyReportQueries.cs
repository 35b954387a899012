using System.Text.Json;
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

/// <summary>One kept version of a year's report, for the list of versions.</summary>
public sealed record YearlyReportVersionRow(int Number, DateTime GeneratedUtc, string GeneratedByName, bool IsNoted);

/// <summary>A generation job as the page and the API show it.</summary>
/// <param name="Failure">The resource key of the reason it failed.</param>
/// <param name="VersionNumber">The version it made, once done.</param>
public sealed record YearlyReportJobRow(Guid Id, int Year, ReportJobStatus Status, ReportJobStep Step, DateTime RequestedUtc, string RequestedByName, DateTime? FinishedUtc, string? Failure, int? VersionNumber);

/// <summary>A band and its number of risks.</summary>
public sealed record BandCount(RiskBand Band, int Count);

/// <summary>The follow-up figures of a year besides the indicators, as a version keeps them (JSON).</summary>
public sealed record YearlyReportFigures(IReadOnlyList<YearlyGoalRow> Goals, int MeasuresDone, int MeasuresOverdue, int DocumentsDecided, int ReviewsOverdue, IReadOnlyList<BandCount> Risks);

/// <summary>
/// Everything the yearly report shows. Only figures: counts per month of reported events, no incident or
/// risk detail, so the board may read it whole.
/// </summary>
/// <param name="Report">The kept report, or null when the year's report is not generated yet (the page then shows today's figures).</param>
/// <param name="Version">The number of the version shown (0: not generated, today's figures).</param>
/// <param name="RisksByBand">Risks of the approved analyses in force (not replaced by a later cycle), counted per band of their level after measures (the level before when no residual is set).</param>
/// <param name="Versions">Every kept version of the year, newest first.</param>
public sealed record YearlyReportContent(int Year, YearlyReportRow? Report, string Proposals, int Version, IndicatorYear Indicators, IReadOnlyList<YearlyGoalRow> Goals, int MeasuresDone, int MeasuresOverdue, int DocumentsDecided, int ReviewsOverdue, IReadOnlyList<(RiskBand Band, int Count)> RisksByBand, IReadOnlyList<YearlyReportVersionRow>? Versions = null)
{
    /// <summary>"Låg 3, medel 5, hög 1, extremt hög 0" in the reader's language.</summary>
    public string RisksByBandText(Microsoft.Extensions.Localization.IStringLocalizer l) =>
        string.Join(", ", RisksByBand.Select(b => $"{l["RiskBand." + b.Band].Value} {b.Count}"));
}

/// <summary>The yearly reports and their content: a bounded number of queries (the indicators' and six more).</summary>
public sealed class YearlyReportQueries(TillitDbContext db, IndicatorQueries indicators, GoalQueries goals)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<YearlyReportRow>> ListAsync(CancellationToken cancellationToken) =>
        await (from r in db.YearlyReports.AsNoTracking()
               join p in db.People on r.GeneratedById equals p.Id
               where r.LatestNumber > 0
               orderby r.Year descending
               select new YearlyReportRow(r.Id, r.Year, r.GeneratedUtc, p.Name, r.NotedOn, r.NotedBy, r.NotedReference))
            .Take(100).ToListAsync(cancellationToken);

    /// <summary>
    /// A year's report: the version asked for, else the one in force (noted, or the latest), from what that version
    /// keeps; before the first generation, today's figures. Null when the version asked for does not exist.
    /// </summary>
    public async Task<YearlyReportContent?> ContentAsync(int year, CancellationToken cancellationToken, int? versionNumber = null)
    {
        var report = await db.YearlyReports.AsNoTracking().Where(r => r.Year == year && r.LatestNumber > 0)
            .Select(r => new { r.Id, r.NotedOn, r.NotedBy, r.NotedReference, r.NotedVersion, r.LatestNumber })
            .FirstOrDefaultAsync(cancellationToken);
        if (report is null)
        {
            if (versionNumber is not null)
            {
                return null;
            }

            var live = await FiguresAsync(year, cancellationToken);
            var values = await indicators.ForYearAsync(year, cancellationToken, liveSnapshot: true);
            return Content(year, null, string.Empty, 0, values, live, []);
        }

        var wanted = versionNumber ?? report.NotedVersion ?? report.LatestNumber;
        var versions = await (from v in db.YearlyReportVersions.AsNoTracking()
                              join p in db.People on v.GeneratedById equals p.Id
                              where v.ReportId == report.Id
                              orderby v.Number descending
                              select new { v.Number, v.GeneratedUtc, p.Name })
            .ToListAsync(cancellationToken);
        var kept = await db.YearlyReportVersions.AsNoTracking().Where(v => v.ReportId == report.Id && v.Number == wanted)
            .Select(v => new { v.Proposals, v.Snapshot, v.Figures, v.GeneratedUtc }).FirstOrDefaultAsync(cancellationToken);
        if (kept is null)
        {
            return null;
        }

        var shown = versions.First(v => v.Number == wanted);
        var row = new YearlyReportRow(report.Id, year, kept.GeneratedUtc, shown.Name, report.NotedOn, report.NotedBy, report.NotedReference);
        var figures = JsonSerializer.Deserialize<YearlyReportFigures>(kept.Figures, Json) ?? throw new InvalidOperationException("A version without its figures.");
        var indicatorValues = await indicators.ForYearAsync(year, cancellationToken, version: IndicatorQueries.Deserialise(kept.Snapshot));
        var list = versions.Select(v => new YearlyReportVersionRow(v.Number, v.GeneratedUtc, v.Name, v.Number == report.NotedVersion)).ToList();
        return Content(year, row, kept.Proposals, wanted, indicatorValues, figures, list);
    }

    public async Task<YearlyReportJobRow?> JobAsync(Guid id, CancellationToken cancellationToken) =>
        await Jobs(db.YearlyReportJobs.Where(j => j.Id == id)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The year's job waiting or running, if any (the year's page points to it).</summary>
    public async Task<YearlyReportJobRow?> ActiveJobAsync(int year, CancellationToken cancellationToken) =>
        await Jobs(db.YearlyReportJobs.Where(j => j.Year == year && (j.Status == ReportJobStatus.Queued || j.Status == ReportJobStatus.Running))).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Today's goals and follow-up figures of the year: what a generation keeps (five queries).</summary>
    public async Task<YearlyReportFigures> FiguresAsync(int year, CancellationToken cancellationToken, Func<ReportJobStep, Task>? progress = null)
    {
        progress ??= _ => Task.CompletedTask;
        await progress(ReportJobStep.Goals);
        var yearly = await goals.YearlyAsync(year, cancellationToken);
        await progress(ReportJobStep.MeasuresAndDocuments);
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
        await progress(ReportJobStep.Risks);
        var bands = (await db.RiskSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken))?.Bands ?? RiskBands.Default;
        var levels = await db.Risks.AsNoTracking()
            .Where(r => db.RiskAnalyses.Any(a => a.Id == r.AnalysisId && a.Status == RiskAnalysisStatus.Approved && !db.RiskAnalyses.Any(n => n.PreviousAnalysisId == a.Id)))
            .GroupBy(r => r.ResidualLevel ?? r.Level)
            .Select(g => new { Level = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var risks = Enum.GetValues<RiskBand>().Select(b => new BandCount(b, levels.Where(x => bands.BandOf(x.Level) == b).Sum(x => x.Count))).ToList();
        return new YearlyReportFigures(yearly, figures?.Done ?? 0, figures?.Overdue ?? 0, figures?.Decided ?? 0, figures?.ReviewsOverdue ?? 0, risks);
    }

    // Filtered before the projection: EF does not translate a filter on a record built by its constructor.
    private IQueryable<YearlyReportJobRow> Jobs(IQueryable<YearlyReportJob> jobs) =>
        from j in jobs.AsNoTracking()
        join p in db.People on j.RequestedById equals p.Id
        orderby j.RequestedUtc descending
        select new YearlyReportJobRow(j.Id, j.Year, j.Status, j.Step, j.RequestedUtc, p.Name, j.FinishedUtc, j.Failure, j.VersionNumber);

    public static string Serialise(YearlyReportFigures figures) => JsonSerializer.Serialize(figures, Json);

    private static YearlyReportContent Content(int year, YearlyReportRow? row, string proposals, int version, IndicatorYear values, YearlyReportFigures f, IReadOnlyList<YearlyReportVersionRow> versions) =>
        new(year, row, proposals, version, values, f.Goals, f.MeasuresDone, f.MeasuresOverdue, f.DocumentsDecided, f.ReviewsOverdue, f.Risks.Select(b => (b.Band, b.Count)).ToList(), versions);
}
