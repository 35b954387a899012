using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Incidents;
using Tillit.Domain.Measures;
using Tillit.Domain.Register;
using Tillit.Web.Infrastructure.Audit;

namespace Tillit.Web.Features.Incidents;

/// <summary>One row of the handling list.</summary>
public sealed record IncidentRow(Guid Id, string Reference, string Summary, IncidentStatus Status, IncidentCategory? Category, ConsequenceLevel? Severity, DateTime ReportedUtc, string? HandlerName, bool IsPersonalDataBreach, bool IsSignificant);

/// <summary>A named record linked to an incident.</summary>
public sealed record IncidentLink(Guid Id, string Name);

/// <summary>One deadline clock as shown: due, time left, sent when and by whom, met or not.</summary>
public sealed record ClockView(DeadlineKind Kind, DateTime StartUtc, DateTime DueUtc, DateTime? SentUtc, string? SentByName, double HoursLeft, bool? Met);

/// <summary>One timeline entry with its author's name.</summary>
public sealed record EntryView(DateTime AtUtc, string? AuthorName, EntryKind Kind, string? Text, IncidentStatus? FromStatus, IncidentStatus? ToStatus);

/// <summary>A measure in the action plan that came of the incident.</summary>
public sealed record IncidentMeasure(Guid Id, string Title, MeasureStatus Status, DateOnly DueDate);

/// <summary>An incident as its handlers see it.</summary>
public sealed record IncidentDetails(
    Guid Id,
    string Reference,
    string? Title,
    string Description,
    DateTime OccurredUtc,
    DateTime ReportedUtc,
    DateTime AwareUtc,
    string? ReporterName,
    string? UnitName,
    bool PersonalDataMaybe,
    IncidentStatus Status,
    IncidentCategory? Category,
    ConsequenceLevel? Severity,
    AffectedAspects Aspects,
    Guid? HandlerId,
    string? HandlerName,
    string? Lessons,
    MeasuresDecision? MeasuresDecision,
    string? MeasuresText,
    string? DismissReason,
    DateTime? EndedUtc,
    bool IsPersonalDataBreach,
    BreachDetails Breach,
    bool IsSignificant,
    int Version,
    IReadOnlyList<IncidentLink> Systems,
    IReadOnlyList<IncidentLink> Sets,
    IReadOnlyList<ClockView> Clocks,
    IReadOnlyList<EntryView> Entries,
    IReadOnlyList<IncidentMeasure> Measures);

/// <summary>Filters of the handling list.</summary>
public sealed record IncidentFilter(IncidentStatus? Status, IncidentCategory? Category, ConsequenceLevel? Severity, bool OpenOnly);

/// <summary>
/// Reads incidents for handling within what the reader may see (<see cref="IncidentAccess"/>). Every
/// list and every read is in the audit trail before the data goes out.
/// </summary>
public sealed class IncidentHandlingQueries(TillitDbContext db, IncidentAccess access, AuditTrail audit, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> SortNames = ["reported", "status", "severity", "category"];

    private static readonly SortColumns<Incident> Sorts = new SortColumns<Incident>("reported")
        .Add("reported", i => i.ReportedUtc)
        .Add("status", i => i.Status)
        .Add("severity", i => i.Severity)
        .Add("category", i => i.Category);

    public static bool IsAllowedSort(string? sort) => Sorts.IsAllowed(sort);

    public async Task<Paged<IncidentRow>> ListAsync(IncidentFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        var query = await access.VisibleAsync(cancellationToken);
        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        if (filter.OpenOnly)
        {
            query = query.Where(i => i.Status != IncidentStatus.Closed && i.Status != IncidentStatus.Dismissed);
        }

        if (filter.Category is { } category)
        {
            query = query.Where(i => i.Category == category);
        }

        if (filter.Severity is { } severity)
        {
            query = query.Where(i => i.Severity == severity);
        }

        // Newest first unless asked otherwise.
        var request = page.Sort is null ? page with { Descending = true } : page;
        var result = await Sorts.PageAsync(
            query,
            request,
            i => new IncidentRow(
                i.Id,
                Incident.FormatReference(i.Year, i.Number),
                Summarise(i.Title, i.Description),
                i.Status,
                i.Category,
                i.Severity,
                i.ReportedUtc,
                db.People.Where(p => p.Id == i.HandlerId).Select(p => p.Name).FirstOrDefault(),
                i.IsPersonalDataBreach,
                i.IsSignificant),
            i => i.Id,
            cancellationToken);
        await audit.RecordListAsync(IncidentQueries.RecordType, $"status={filter.Status};category={filter.Category};severity={filter.Severity};open={filter.OpenOnly};page={request.SafePage};sort={request.Sort}", result.Items.Count);
        return result;
    }

    /// <summary>The incident; NotFound when it is not in this organisation or not the reader's to see.</summary>
    public async Task<Outcome<IncidentDetails>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var incident = await (await access.VisibleAsync(cancellationToken)).Include(i => i.Entries).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return Outcome<IncidentDetails>.NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var systems = await db.IncidentSystems.AsNoTracking().Where(l => l.IncidentId == id)
            .Join(db.InformationSystems, l => l.SystemId, s => s.Id, (l, s) => s).OrderBy(s => s.Name).Select(s => new IncidentLink(s.Id, s.Name)).ToListAsync(cancellationToken);
        var sets = await db.IncidentSets.AsNoTracking().Where(l => l.IncidentId == id)
            .Join(db.InformationSets, l => l.SetId, s => s.Id, (l, s) => s).OrderBy(s => s.Name).Select(s => new IncidentLink(s.Id, s.Name)).ToListAsync(cancellationToken);
        var measures = await db.Measures.AsNoTracking().Where(m => m.Origin == MeasureOrigin.Incident && m.OriginId == id)
            .OrderBy(m => m.DueDate).Select(m => new IncidentMeasure(m.Id, m.Title, m.Status, m.DueDate)).ToListAsync(cancellationToken);
        var clocks = incident.Clocks();
        var personIds = incident.Entries.Select(e => e.AuthorId)
            .Concat(clocks.Where(c => c.SentById is not null).Select(c => c.SentById!.Value))
            .Append(incident.ReporterId)
            .Concat(incident.HandlerId is { } h ? [h] : [])
            .Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var unitName = incident.UnitId is { } unitId ? await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken) : null;
        string? Name(Guid? personId) => personId is { } p && names.TryGetValue(p, out var n) ? n : null;

        var details = new IncidentDetails(
            incident.Id,
            incident.Reference,
            incident.Title,
            incident.Description,
            incident.OccurredUtc,
            incident.ReportedUtc,
            incident.AwareUtc,
            Name(incident.ReporterId),
            unitName,
            incident.PersonalDataMaybe,
            incident.Status,
            incident.Category,
            incident.Severity,
            incident.Aspects,
            incident.HandlerId,
            Name(incident.HandlerId),
            incident.Lessons,
            incident.MeasuresDecision,
            incident.MeasuresText,
            incident.DismissReason,
            incident.EndedUtc,
            incident.IsPersonalDataBreach,
            new BreachDetails(incident.BreachDataCategories, incident.BreachSubjectCategories, incident.BreachAffectedCount, incident.BreachConsequences, incident.BreachMeasures, incident.BreachSubjectsInformed),
            incident.IsSignificant,
            incident.Version,
            systems,
            sets,
            clocks.Select(c => new ClockView(c.Kind, c.StartUtc, c.DueUtc, c.SentUtc, Name(c.SentById), Math.Round(c.Left(now).TotalHours, 1), c.Met(now))).ToList(),
            incident.Entries.OrderBy(e => e.AtUtc).Select(e => new EntryView(e.AtUtc, Name(e.AuthorId), e.Kind, e.Text, e.FromStatus, e.ToStatus)).ToList(),
            measures);

        // Recorded durably before the incident leaves the server.
        await audit.RecordReadAsync(IncidentQueries.RecordType, id);
        return Outcome<IncidentDetails>.Ok(details);
    }

    private static string Summarise(string? title, string description) =>
        title ?? (description.Length > 120 ? string.Concat(description.AsSpan(0, 120), "…") : description);
}
