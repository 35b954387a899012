using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Access;
using Tillit.Domain.Documents;
using Tillit.Domain.Incidents;
using Tillit.Domain.Measures;
using Tillit.Domain.Requirements;

namespace Tillit.Web.Features.Indicators;

public enum Trend
{
    /// <summary>No value for this year or the year before.</summary>
    None,
    Up,
    Down,
    Same,
}

/// <summary>A part of an indicator (a month, an aspect): its label key, value and count.</summary>
public sealed record IndicatorPart(string Label, decimal? Value, int Count);

/// <summary>A figure as measured or kept: value, and for a share its numerator and denominator.</summary>
public sealed record Measurement(string Key, decimal? Value, int? Numerator, int? Denominator, IReadOnlyList<IndicatorPart> Parts)
{
    public static Measurement Share(string key, int numerator, int denominator, IReadOnlyList<IndicatorPart>? parts = null) =>
        new(key, denominator == 0 ? null : Math.Round(100m * numerator / denominator, 1), numerator, denominator, parts ?? []);

    public static Measurement Count(string key, int count, IReadOnlyList<IndicatorPart>? parts = null) => new(key, count, null, null, parts ?? []);

    public static Measurement Missing(string key) => new(key, null, null, null, []);
}

/// <param name="Source">Live (computed now), Report (kept in that year's report), or None (no figure).</param>
public sealed record IndicatorValue(IndicatorDefinition Definition, Measurement Current, decimal? Previous, decimal? Target, Trend Trend, bool? Improved, bool? MeetsTarget, string Source);

public sealed record IndicatorYear(int Year, bool IsCurrentYear, IReadOnlyList<IndicatorValue> Indicators);

/// <summary>
/// Computes the indicators of the follow-up for a year, from the data, in a fixed number of queries whatever
/// its size (seven for the current year, see docs/goals.md). Snapshot indicators of past years come from that
/// year's yearly report; the trend compares with the year before. The incident and risk indicators name their
/// query methods plainly (<see cref="IncidentsReportedAsync"/>, <see cref="IncidentDeadlinesMetAsync"/>); the share
/// of important systems with a current risk analysis is part of <see cref="SnapshotAsync"/>.
/// </summary>
public sealed class IndicatorQueries(TillitDbContext db, Goals.GoalQueries goals, TimeProvider clock, Infrastructure.OrganisationCache cache)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every record type an indicator is computed from: a save of any of them in the organisation recomputes its cached years.</summary>
    private static readonly Type[] Sources =
    [
        typeof(Domain.Register.InformationSystem), typeof(RoleAssignment), typeof(Domain.Register.InformationSet), typeof(Domain.Register.Classification),
        typeof(GoverningDocument), typeof(DocumentVersion), typeof(Acknowledgement), typeof(Deviation), typeof(Domain.Organisations.Person),
        typeof(Domain.Risks.RiskAnalysis), typeof(Domain.Risks.RiskAnalysisSystem), typeof(Domain.Risks.RiskSettings),
        typeof(Requirement), typeof(RequirementAssessment), typeof(Measure), typeof(Incident),
        typeof(Domain.Goals.YearlyGoal), typeof(Domain.Goals.YearlyReport),
    ];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// A year's indicators as the start pages, the indicator page and the API show them: computed once and kept in the
    /// <see cref="Infrastructure.OrganisationCache"/> for the day until a record they come from is saved (another
    /// Tillit instance's saves show within its minute). On the large municipality the computation reads every
    /// person's acknowledgements, which costs far more than a page may.
    /// </summary>
    public async Task<IndicatorYear> CachedYearAsync(int year, CancellationToken cancellationToken)
    {
        if (db.CurrentOrganisationId is not { } organisationId)
        {
            return await ForYearAsync(year, cancellationToken);
        }

        var key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"indicators:{year}:{Today:yyyy-MM-dd}");
        return await cache.GetOrCreateAsync(Sources, key, organisationId, () => ForYearAsync(year, cancellationToken));
    }

    /// <param name="liveSnapshot">
    /// Use today's state for the year's snapshot indicators when no report of the year keeps them: the yearly
    /// report of a year just ended is written early the next year, from the state of the data at that moment.
    /// </param>
    /// <param name="ignoreKept">Today's state even when a report keeps the year's values (generating the report again).</param>
    /// <param name="version">The values a version of the year's report keeps: shown for every indicator of the year instead of today's.</param>
    public async Task<IndicatorYear> ForYearAsync(int year, CancellationToken cancellationToken, bool liveSnapshot = false, bool ignoreKept = false, IReadOnlyList<Measurement>? version = null)
    {
        var today = Today;
        var isCurrent = year == today.Year;
        var kept = await KeptAsync([year, year - 1], cancellationToken);
        if (ignoreKept)
        {
            kept.Remove(year);
        }

        var snapshot = version is not null ? version
            : kept.GetValueOrDefault(year) is { } keptYear && !isCurrent ? keptYear
            : isCurrent || liveSnapshot ? await SnapshotAsync(cancellationToken) : [];
        var previousSnapshot = kept.GetValueOrDefault(year - 1) ?? (year - 1 == today.Year ? await SnapshotAsync(cancellationToken) : []);
        var (measures, measuresBefore) = await MeasuresOnTimeAsync(year, cancellationToken);
        var (incidents, incidentsBefore) = await IncidentsReportedAsync(year, cancellationToken);
        var (deadlines, deadlinesBefore) = await IncidentDeadlinesMetAsync(year, cancellationToken);
        var dated = new Dictionary<string, (Measurement This, Measurement Before)>(StringComparer.Ordinal)
        {
            [IndicatorCatalogue.MeasuresOnTime] = (measures, measuresBefore),
            [IndicatorCatalogue.IncidentsReported] = (incidents, incidentsBefore),
            [IndicatorCatalogue.IncidentDeadlines] = (deadlines, deadlinesBefore),
        };
        var targets = await goals.IndicatorTargetsAsync(year, cancellationToken);

        var values = new List<IndicatorValue>();
        foreach (var d in IndicatorCatalogue.All)
        {
            Measurement current;
            decimal? previous;
            string source;
            if (d.WaitingFor is not null)
            {
                current = Measurement.Missing(d.Key);
                previous = null;
                source = "None";
            }
            else if (dated.TryGetValue(d.Key, out var pair))
            {
                var inVersion = version?.FirstOrDefault(m => m.Key == d.Key);
                current = inVersion ?? pair.This;
                previous = pair.Before.Value;
                source = inVersion is not null ? "Report" : "Live";
            }
            else
            {
                current = snapshot.FirstOrDefault(m => m.Key == d.Key) ?? Measurement.Missing(d.Key);
                previous = previousSnapshot.FirstOrDefault(m => m.Key == d.Key)?.Value;
                source = current.Value is null ? "None" : version is not null || (kept.ContainsKey(year) && !isCurrent) ? "Report" : "Live";
            }

            var target = targets.TryGetValue(d.Key, out var t) ? t : d.DefaultTarget;
            var trend = current.Value is { } v && previous is { } p ? (v > p ? Trend.Up : v < p ? Trend.Down : Trend.Same) : Trend.None;
            bool? improved = trend is Trend.None || d.HigherIsBetter is null ? null : trend == Trend.Same ? null : (trend == Trend.Up) == d.HigherIsBetter;
            bool? meets = current.Value is { } value && target is { } goal && d.HigherIsBetter is { } higher ? (higher ? value >= goal : value <= goal) : null;
            values.Add(new IndicatorValue(d, current, previous, target, trend, improved, meets, source));
        }

        return new IndicatorYear(year, isCurrent, values);
    }

    /// <summary>
    /// Today's values of the snapshot indicators, in two queries: the organisation row carries the counts as
    /// subqueries (each keeps its tenant filter), and the requirement assessments are counted per aspect.
    /// </summary>
    public async Task<IReadOnlyList<Measurement>> SnapshotAsync(CancellationToken cancellationToken)
    {
        if (db.CurrentOrganisationId is not { } organisationId)
        {
            return [];
        }

        var today = Today;
        var owners = db.RoleAssignments.Where(a => a.Role == Role.SystemOwner && a.ScopeKind == ScopeKind.InformationSystem
            && a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today));
        var currentRules = db.DocumentVersions.Where(v => v.Status == DocumentStatus.Current
            && db.Documents.Any(d => d.Id == v.DocumentId && d.UnitId == null && (d.Type == DocumentType.Policy || d.Type == DocumentType.Guideline)));
        // An important system's analysis is current when one covering it was approved within the organisation's
        // maximum age and none of its latest analyses is marked for review (the same rule as the risk gaps).
        var maxAge = await db.RiskSettings.AsNoTracking().Select(r => (int?)r.MaxAgeMonths).FirstOrDefaultAsync(cancellationToken)
            ?? Domain.Risks.RiskSettings.DefaultFor(organisationId).MaxAgeMonths;
        var riskCutoff = today.AddMonths(-maxAge);
        var important = db.InformationSystems.Where(s => s.ImportantToOperations && s.Lifecycle != Domain.Register.Lifecycle.Retired);
        var counts = await db.Organisations
            .Where(o => o.Id == organisationId)
            .Select(o => new
            {
                Systems = db.InformationSystems.Count(),
                Owned = db.InformationSystems.Count(s => owners.Any(a => a.ScopeId == s.Id)),
                Sets = db.InformationSets.Count(),
                Classified = db.InformationSets.Count(s => db.Classifications.Any(c => c.SetId == s.Id && c.IsCurrent && c.ValidUntil >= today)),
                Rules = currentRules.Count(),
                Staff = db.People.Count(p => p.IsActive),
                Confirmed = db.People.Count(p => p.IsActive && currentRules.All(v => db.Acknowledgements.Any(a => a.PersonId == p.Id && a.VersionId == v.Id))),
                Important = important.Count(),
                RiskCurrent = important.Count(s =>
                    db.RiskAnalysisSystems.Any(x => x.SystemId == s.Id && db.RiskAnalyses.Any(a => a.Id == x.AnalysisId && a.Status == Domain.Risks.RiskAnalysisStatus.Approved && a.ApprovedOn >= riskCutoff))
                    && !db.RiskAnalysisSystems.Any(x => x.SystemId == s.Id && db.RiskAnalyses.Any(a => a.Id == x.AnalysisId && a.ReviewNeeded && !db.RiskAnalyses.Any(n => n.PreviousAnalysisId == a.Id)))),
                Deviations = db.Deviations.Count(d => d.Status == DeviationStatus.Requested || d.Status == DeviationStatus.Assessed || d.Status == DeviationStatus.Approved),
            })
            .FirstAsync(cancellationToken);

        var requirements = await RequirementsMetAsync(cancellationToken);
        return
        [
            Measurement.Share(IndicatorCatalogue.SystemsWithOwner, counts.Owned, counts.Systems),
            Measurement.Share(IndicatorCatalogue.SetsClassified, counts.Classified, counts.Sets),
            Measurement.Share(IndicatorCatalogue.RiskAnalyses, counts.RiskCurrent, counts.Important),
            counts.Rules == 0 ? Measurement.Missing(IndicatorCatalogue.StaffConfirmed) : Measurement.Share(IndicatorCatalogue.StaffConfirmed, counts.Confirmed, counts.Staff),
            requirements,
            Measurement.Count(IndicatorCatalogue.OpenDeviations, counts.Deviations),
        ];
    }

    /// <summary>
    /// Share of assessed requirements that are met (not applicable left out), overall and per aspect of the
    /// requirement: one grouped query.
    /// </summary>
    public async Task<Measurement> RequirementsMetAsync(CancellationToken cancellationToken)
    {
        var rows = await (from a in db.RequirementAssessments.AsNoTracking()
                          join r in db.Requirements on a.RequirementId equals r.Id
                          where a.Status != AssessmentStatus.NotApplicable && r.IsActive
                          group a by new { r.Aspect, Met = a.Status == AssessmentStatus.Met } into g
                          select new { g.Key.Aspect, g.Key.Met, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var parts = Enum.GetValues<Domain.Register.Aspect>().Select(aspect =>
        {
            var all = rows.Where(r => r.Aspect == aspect).Sum(r => r.Count);
            var met = rows.Where(r => r.Aspect == aspect && r.Met).Sum(r => r.Count);
            return new IndicatorPart("Indicator_Aspect_" + aspect, all == 0 ? null : Math.Round(100m * met / all, 1), all);
        }).ToList();
        return Measurement.Share(IndicatorCatalogue.RequirementsMet, rows.Where(r => r.Met).Sum(r => r.Count), rows.Sum(r => r.Count), parts);
    }

    /// <summary>
    /// Share of the measures due in the year (up to yesterday, for the current year) that were done by their due
    /// date; cancelled ones are left out. For the year and the one before, in one query.
    /// </summary>
    public async Task<(Measurement Year, Measurement Before)> MeasuresOnTimeAsync(int year, CancellationToken cancellationToken)
    {
        var today = Today;
        var from = new DateOnly(year - 1, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var rows = await db.Measures.AsNoTracking()
            .Where(m => m.DueDate >= from && m.DueDate <= to && m.DueDate < today && m.Status != MeasureStatus.Cancelled)
            .GroupBy(m => new { m.DueDate.Year, OnTime = m.DoneOn != null && m.DoneOn <= m.DueDate })
            .Select(g => new { g.Key.Year, g.Key.OnTime, Count = g.Count() })
            .ToListAsync(cancellationToken);
        Measurement For(int y) => Measurement.Share(IndicatorCatalogue.MeasuresOnTime, rows.Where(r => r.Year == y && r.OnTime).Sum(r => r.Count), rows.Where(r => r.Year == y).Sum(r => r.Count));
        return (For(year), For(year - 1));
    }

    /// <summary>Events reported in the year, per month (by the incident's numbering year), and the year before's total: one query.</summary>
    public async Task<(Measurement Year, Measurement Before)> IncidentsReportedAsync(int year, CancellationToken cancellationToken)
    {
        var rows = await db.Incidents.AsNoTracking()
            .Where(i => i.Year == year || i.Year == year - 1)
            .GroupBy(i => new { i.Year, i.ReportedUtc.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var months = Enumerable.Range(1, 12).Select(m => new IndicatorPart("Indicator_Month_" + m, null, rows.Where(r => r.Year == year && r.Month == m).Sum(r => r.Count))).ToList();
        return (Measurement.Count(IndicatorCatalogue.IncidentsReported, months.Sum(m => m.Count), months),
                Measurement.Count(IndicatorCatalogue.IncidentsReported, rows.Where(r => r.Year == year - 1).Sum(r => r.Count)));
    }

    /// <summary>
    /// Share of the legal reporting deadlines (IMY 72 h; the Cybersecurity Act's 24 h, 72 h and one month) of the
    /// year's personal data breaches and significant incidents that were met: a deadline counts once it is sent
    /// or past. Reads only the flagged incidents of the two years (few), one query; the clocks are the domain's.
    /// Until incident handling marks breaches and significant incidents there is usually nothing to count.
    /// </summary>
    public async Task<(Measurement Year, Measurement Before)> IncidentDeadlinesMetAsync(int year, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var flagged = await db.Incidents.AsNoTracking()
            .Where(i => (i.Year == year || i.Year == year - 1) && (i.IsPersonalDataBreach || i.IsSignificant))
            .Take(10_000)
            .ToListAsync(cancellationToken);
        Measurement For(int y)
        {
            var clocks = flagged.Where(i => i.Year == y).SelectMany(i => i.Clocks()).Where(c => c.SentUtc is not null || c.DueUtc < now).ToList();
            return Measurement.Share(IndicatorCatalogue.IncidentDeadlines, clocks.Count(c => c.SentUtc <= c.DueUtc), clocks.Count);
        }

        return (For(year), For(year - 1));
    }

    /// <summary>The snapshot to keep in a yearly report, as JSON.</summary>
    public static string Serialise(IEnumerable<IndicatorValue> values) =>
        JsonSerializer.Serialize(values.Select(v => v.Current).ToList(), Json);

    /// <summary>The values a version of a report keeps (its JSON snapshot).</summary>
    public static IReadOnlyList<Measurement> Deserialise(string snapshot) =>
        JsonSerializer.Deserialize<List<Measurement>>(snapshot, Json) ?? [];

    private async Task<Dictionary<int, IReadOnlyList<Measurement>>> KeptAsync(int[] years, CancellationToken cancellationToken)
    {
        var reports = await db.YearlyReports.AsNoTracking().Where(r => years.Contains(r.Year) && r.LatestNumber > 0).Select(r => new { r.Year, r.Snapshot }).ToListAsync(cancellationToken);
        return reports.ToDictionary(r => r.Year, r => (IReadOnlyList<Measurement>)(JsonSerializer.Deserialize<List<Measurement>>(r.Snapshot, Json) ?? []));
    }
}
