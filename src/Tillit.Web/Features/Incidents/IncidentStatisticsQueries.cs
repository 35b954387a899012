using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Incidents;
using Tillit.Domain.Register;
using Tillit.Web.Infrastructure.Audit;

namespace Tillit.Web.Features.Incidents;

/// <summary>The period of the statistics: a calendar year, or the twelve months up to and including this one (UTC months).</summary>
public sealed record StatisticsPeriod(int? Year, DateTime FromUtc, DateTime ToUtc)
{
    public static StatisticsPeriod LastTwelveMonths(DateTime nowUtc)
    {
        var thisMonth = new DateTime(nowUtc.Year, nowUtc.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        return new StatisticsPeriod(null, thisMonth.AddMonths(-11), thisMonth.AddMonths(1));
    }

    public static StatisticsPeriod OfYear(int year) =>
        new(year, new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    /// <summary>The twelve months of the period, oldest first.</summary>
    public IReadOnlyList<(int Year, int Month)> Months =>
        [.. Enumerable.Range(0, 12).Select(n => FromUtc.AddMonths(n)).Select(d => (d.Year, d.Month))];
}

/// <summary>A count of events in a month of the period.</summary>
public sealed record MonthCount(int Year, int Month, int Count);

/// <summary>A count per category (null: not triaged yet).</summary>
public sealed record CategoryCount(IncidentCategory? Category, int Count);

/// <summary>A count per severity (null: not triaged yet).</summary>
public sealed record SeverityCount(ConsequenceLevel? Severity, int Count);

/// <summary>A count per reporter's unit (null: the reporter had no unit).</summary>
public sealed record UnitCount(Guid? UnitId, string? UnitName, int Count);

/// <summary>The legal deadlines of one kind in the period: sent in time, sent late or past due unsent, and still running.</summary>
public sealed record DeadlineCount(DeadlineKind Kind, int Met, int Missed, int Open)
{
    public int Total => Met + Missed + Open;
}

/// <summary>Closed incidents by days from report to closing.</summary>
public sealed record DurationBucket(string Key, int Count);

/// <summary>Time to handle: reported → closed, in days, for the incidents of the period that are closed.</summary>
public sealed record TimeToHandle(int Closed, double? MedianDays, double? AverageDays, IReadOnlyList<DurationBucket> Buckets);

/// <summary>
/// The statistics of the incidents the reader may see, reported in the period.
/// <see cref="SeesAll"/>: the reader sees every incident (policy violations included); otherwise the
/// figures cover only what the reader may see, and policy violations are not among them.
/// </summary>
public sealed record IncidentStatistics(
    StatisticsPeriod Period,
    bool SeesAll,
    int Total,
    IReadOnlyList<MonthCount> Months,
    IReadOnlyList<CategoryCount> Categories,
    IReadOnlyList<SeverityCount> Severities,
    IReadOnlyList<UnitCount> Units,
    TimeToHandle TimeToHandle,
    IReadOnlyList<DeadlineCount> Deadlines,
    int FirstYear);

/// <summary>
/// Incident statistics per month, category, severity and unit, time to handle and deadlines met, over
/// the incidents the reader may see (<see cref="IncidentAccess.VisibleAsync"/>: the security officer
/// and the director everything, a handler or the data protection officer only their own part, never
/// a policy violation). Counts are GROUP BY queries in the database, a fixed number of commands per
/// request whatever the number of incidents; only the time to handle reads two timestamps per closed
/// incident of the period (a median needs the distribution, see docs/incidents.md). The page view and
/// the export are each one audit event.
/// </summary>
public sealed class IncidentStatisticsQueries(TillitDbContext db, IncidentAccess access, AuditTrail audit, TimeProvider clock, Infrastructure.OrganisationCache cache)
{
    /// <summary>The days-to-close buckets: up to 1, 7, 30, 90 days, and longer.</summary>
    public static readonly IReadOnlyList<(string Key, double UpTo)> BucketLimits =
        [("1", 1), ("7", 7), ("30", 30), ("90", 90), ("more", double.MaxValue)];

    public static readonly IReadOnlyList<DeadlineKind> Kinds =
        [DeadlineKind.Imy, DeadlineKind.EarlyWarning, DeadlineKind.Notification, DeadlineKind.FinalReport];

    /// <summary>The earliest year that can be asked for.</summary>
    public const int MinYear = 2000;

    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    /// <summary>The statistics of the period; the read is audited (one list event) unless <paramref name="audited"/> is false (the export records its own event).</summary>
    public async Task<IncidentStatistics> GetAsync(StatisticsPeriod period, CancellationToken cancellationToken, bool audited = true)
    {
        ArgumentNullException.ThrowIfNull(period);
        var now = NowUtc;
        var seesAll = await access.SeesAllAsync(cancellationToken);

        // Whoever sees every incident sees the organisation's figures: computed once a minute at most (30,000
        // incidents of the largest municipality took a second a view), and at once after an incident is saved.
        var statistics = seesAll && db.CurrentOrganisationId is { } organisationId
            ? await cache.GetOrCreateAsync(
                [typeof(Incident), typeof(Domain.Organisations.Unit)],
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"incident-statistics|{period.FromUtc:O}|{period.ToUtc:O}"),
                organisationId,
                () => ComputeAsync(period, true, now, cancellationToken))
            : await ComputeAsync(period, seesAll, now, cancellationToken);
        if (audited)
        {
            await audit.RecordListAsync(IncidentQueries.RecordType, Describe(period), statistics.Total);
        }

        return statistics;
    }

    private async Task<IncidentStatistics> ComputeAsync(StatisticsPeriod period, bool seesAll, DateTime now, CancellationToken cancellationToken)
    {
        var visible = await access.VisibleAsync(cancellationToken);
        var from = period.FromUtc;
        var to = period.ToUtc;
        var inPeriod = visible.Where(i => i.ReportedUtc >= from && i.ReportedUtc < to);

        // Month, category and severity in one GROUP BY: one scan of the period, at most 12 × 11 × 6 rows.
        var rows = await inPeriod
            .GroupBy(i => new { i.ReportedUtc.Year, i.ReportedUtc.Month, i.Category, i.Severity })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Category, g.Key.Severity, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var months = period.Months
            .Select(m => new MonthCount(m.Year, m.Month, rows.Where(r => r.Year == m.Year && r.Month == m.Month).Sum(r => r.Count)))
            .ToList();
        var categories = Enum.GetValues<IncidentCategory>()
            .Where(c => seesAll || c != IncidentCategory.PolicyViolation)
            .Select(c => (IncidentCategory?)c)
            .Append(null)
            .Select(c => new CategoryCount(c, rows.Where(r => r.Category == c).Sum(r => r.Count)))
            .ToList();
        var severities = Enum.GetValues<ConsequenceLevel>()
            .Select(s => (ConsequenceLevel?)s)
            .Append(null)
            .Select(s => new SeverityCount(s, rows.Where(r => r.Severity == s).Sum(r => r.Count)))
            .ToList();

        var units = (await (from i in inPeriod
                            join u in db.Units on i.UnitId equals u.Id into us
                            from u in us.DefaultIfEmpty()
                            group i by new { i.UnitId, Name = u == null ? null : u.Name } into g
                            select new { g.Key.UnitId, g.Key.Name, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .Select(r => new UnitCount(r.UnitId, r.Name, r.Count))
            .OrderByDescending(r => r.Count).ThenBy(r => r.UnitName ?? "\uffff", StringComparer.CurrentCulture)
            .ToList();

        var timeToHandle = await TimeToHandleAsync(inPeriod, cancellationToken);
        var deadlines = await DeadlinesAsync(inPeriod, now, cancellationToken);
        var firstYear = await visible.Select(i => (int?)i.Year).MinAsync(cancellationToken) ?? now.Year;

        var total = months.Sum(m => m.Count);
        return new IncidentStatistics(period, seesAll, total, months, categories, severities, units, timeToHandle, deadlines, Math.Min(firstYear, now.Year));
    }

    /// <summary>The audit trail's description of the query.</summary>
    public static string Describe(StatisticsPeriod period) =>
        $"statistics;year={(period.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "last12")}";

    /// <summary>
    /// Days from report to closing of the period's closed incidents. The median needs the distribution
    /// and neither provider translates a date difference portably, so this one reads the two timestamps of
    /// each closed incident in the period (no entities, one command); everything else is counted in SQL.
    /// </summary>
    private static async Task<TimeToHandle> TimeToHandleAsync(IQueryable<Incident> inPeriod, CancellationToken cancellationToken)
    {
        var spans = await inPeriod
            .Where(i => i.Status == IncidentStatus.Closed && i.EndedUtc != null)
            .Select(i => new { i.ReportedUtc, EndedUtc = i.EndedUtc!.Value })
            .ToListAsync(cancellationToken);
        var days = spans.Select(s => Math.Max(0, (s.EndedUtc - s.ReportedUtc).TotalDays)).Order().ToList();
        var buckets = new int[BucketLimits.Count];
        foreach (var d in days)
        {
            var n = 0;
            while (d > BucketLimits[n].UpTo)
            {
                n++;
            }

            buckets[n]++;
        }

        double? median = days.Count == 0 ? null : days.Count % 2 == 1 ? days[days.Count / 2] : (days[(days.Count / 2) - 1] + days[days.Count / 2]) / 2;
        double? average = days.Count == 0 ? null : days.Average();
        return new TimeToHandle(days.Count, median, average, [.. BucketLimits.Select((b, n) => new DurationBucket(b.Key, buckets[n]))]);
    }

    /// <summary>
    /// Met, missed and open per clock, counted in SQL with the domain's rules (<see cref="Tillit.Domain.Incidents.Incident.Clocks"/>):
    /// due = awareness + 72 h (IMY, notification) or + 24 h (early warning); the final report one month
    /// after the notification was sent, or after its due time while unsent. Sent ≤ due is met; sent later,
    /// or unsent past due, missed; unsent before due, open.
    /// </summary>
    private static async Task<IReadOnlyList<DeadlineCount>> DeadlinesAsync(IQueryable<Incident> inPeriod, DateTime now, CancellationToken cancellationToken)
    {
        var due72Passed = now.AddHours(-72);
        var due24Passed = now.AddHours(-24);
        var row = await inPeriod
            .Where(i => i.IsPersonalDataBreach || i.IsSignificant)
            .GroupBy(i => 1)
            .Select(g => new
            {
                ImyMet = g.Count(i => i.IsPersonalDataBreach && i.ImySentUtc != null && i.ImySentUtc <= i.AwareUtc.AddHours(72)),
                ImyLate = g.Count(i => i.IsPersonalDataBreach && i.ImySentUtc != null && i.ImySentUtc > i.AwareUtc.AddHours(72)),
                ImyOverdue = g.Count(i => i.IsPersonalDataBreach && i.ImySentUtc == null && i.AwareUtc < due72Passed),
                ImyOpen = g.Count(i => i.IsPersonalDataBreach && i.ImySentUtc == null && i.AwareUtc >= due72Passed),
                WarningMet = g.Count(i => i.IsSignificant && i.EarlyWarningSentUtc != null && i.EarlyWarningSentUtc <= i.AwareUtc.AddHours(24)),
                WarningLate = g.Count(i => i.IsSignificant && i.EarlyWarningSentUtc != null && i.EarlyWarningSentUtc > i.AwareUtc.AddHours(24)),
                WarningOverdue = g.Count(i => i.IsSignificant && i.EarlyWarningSentUtc == null && i.AwareUtc < due24Passed),
                WarningOpen = g.Count(i => i.IsSignificant && i.EarlyWarningSentUtc == null && i.AwareUtc >= due24Passed),
                NoticeMet = g.Count(i => i.IsSignificant && i.NotificationSentUtc != null && i.NotificationSentUtc <= i.AwareUtc.AddHours(72)),
                NoticeLate = g.Count(i => i.IsSignificant && i.NotificationSentUtc != null && i.NotificationSentUtc > i.AwareUtc.AddHours(72)),
                NoticeOverdue = g.Count(i => i.IsSignificant && i.NotificationSentUtc == null && i.AwareUtc < due72Passed),
                NoticeOpen = g.Count(i => i.IsSignificant && i.NotificationSentUtc == null && i.AwareUtc >= due72Passed),
                FinalMet = g.Count(i => i.IsSignificant && i.FinalReportSentUtc != null && i.FinalReportSentUtc <= (i.NotificationSentUtc ?? i.AwareUtc.AddHours(72)).AddMonths(1)),
                FinalLate = g.Count(i => i.IsSignificant && i.FinalReportSentUtc != null && i.FinalReportSentUtc > (i.NotificationSentUtc ?? i.AwareUtc.AddHours(72)).AddMonths(1)),
                FinalOverdue = g.Count(i => i.IsSignificant && i.FinalReportSentUtc == null && (i.NotificationSentUtc ?? i.AwareUtc.AddHours(72)).AddMonths(1) < now),
                FinalOpen = g.Count(i => i.IsSignificant && i.FinalReportSentUtc == null && (i.NotificationSentUtc ?? i.AwareUtc.AddHours(72)).AddMonths(1) >= now),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return [.. Kinds.Select(k => new DeadlineCount(k, 0, 0, 0))];
        }

        return
        [
            new DeadlineCount(DeadlineKind.Imy, row.ImyMet, row.ImyLate + row.ImyOverdue, row.ImyOpen),
            new DeadlineCount(DeadlineKind.EarlyWarning, row.WarningMet, row.WarningLate + row.WarningOverdue, row.WarningOpen),
            new DeadlineCount(DeadlineKind.Notification, row.NoticeMet, row.NoticeLate + row.NoticeOverdue, row.NoticeOpen),
            new DeadlineCount(DeadlineKind.FinalReport, row.FinalMet, row.FinalLate + row.FinalOverdue, row.FinalOpen),
        ];
    }
}
