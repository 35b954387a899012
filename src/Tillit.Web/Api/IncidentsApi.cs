using Microsoft.Extensions.Localization;
using Tillit.Domain.Incidents;
using Tillit.Domain.Register;
using Tillit.Web.Features;
using Tillit.Web.Features.Incidents;
using Tillit.Web.Security;

namespace Tillit.Web.Api;

/// <summary>/api/v1/incidents: report an event and read one's own reports, through the same handler as the pages.</summary>
internal static class IncidentsApi
{
    public static void MapIncidentsApi(this RouteGroupBuilder api)
    {
        var incidents = api.MapGroup("/incidents");
        incidents.MapPost("/", ReportAsync).RequireAuthorization(Policies.SignedIn).WithName("ReportIncident")
            .Produces<ReportIncident.Receipt>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Report an event")
            .WithDescription("Any signed-in person. description is required; occurredAt (ISO 8601 with offset) defaults to now; systemId names the information system if known; personalDataMaybe when personal data may be involved. Answers with the id and the reference number (H-year-number).");
        incidents.MapGet("/mine", MineAsync).RequireAuthorization(Policies.SignedIn).WithName("ListMyIncidents")
            .Produces<PagedResponse<MyReport>>()
            .WithSummary("List my reports")
            .WithDescription("The caller's own reports with their status, newest first, paged. Nothing of the handling is shown. The list is recorded in the audit trail.");

        // Handling (need to know: see docs/incidents.md). 404 for an incident the caller may not see.
        incidents.MapGet("/", ListAsync).RequirePermission(Permissions.IncidentsHandle).WithName("ListIncidents")
            .WithMetadata(new SortableBy(IncidentHandlingQueries.SortNames, IncidentHandlingQueries.SortNames[0]))
            .Produces<PagedResponse<IncidentRow>>().ProducesValidationProblem()
            .WithSummary("List incidents for handling")
            .WithDescription("The incidents the caller may see: all for the security officer and the municipal director; otherwise those assigned to the caller, personal data breaches for the data protection officer, those on a system owner's systems; policy violations only for the security officer and the director. Filter by status, category, severity, open=true. Newest first by default. Recorded in the audit trail.");
        incidents.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.IncidentsHandle).WithName("GetIncident")
            .Produces<IncidentDetails>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get an incident")
            .WithDescription("One incident with its systems, sets, deadline clocks (time left, when sent and by whom), timeline and measures. The read is recorded in the audit trail before the answer is sent.");
        Change(incidents, "/{id:guid}/triage", "TriageIncident", "Triage an incident", "The security officer: category, severity (Negligible … VerySerious), aspects, title, systemIds and setIds, with the version read. Each newly linked system's risk analysis is marked for review.", (Guid id, IncidentWork.TriageCommand body, IncidentWork w, CancellationToken ct) => w.TriageAsync(id, body, ct));
        Change(incidents, "/{id:guid}/assign", "AssignIncident", "Assign a handler", "The security officer: handlerId (a person who takes part in incident handling) or null, with the version read.", (Guid id, IncidentWork.AssignCommand body, IncidentWork w, CancellationToken ct) => w.AssignAsync(id, body, ct));
        Change(incidents, "/{id:guid}/status", "MoveIncident", "Move an incident on", "The security officer or the assigned handler: to = UnderInvestigation (needs the triage), Measures, or Closed (needs lessons and a decision on measures). Illegal moves are refused with 400.", (Guid id, IncidentWork.MoveCommand body, IncidentWork w, CancellationToken ct) => w.MoveAsync(id, body, ct));
        Change(incidents, "/{id:guid}/dismiss", "DismissIncident", "Dismiss an incident", "The security officer: reason, with the version read. Only a reported incident or one under investigation.", (Guid id, IncidentWork.DismissCommand body, IncidentWork w, CancellationToken ct) => w.DismissAsync(id, body, ct));
        Change(incidents, "/{id:guid}/entries", "AddIncidentEntry", "Add a timeline entry", "The security officer or the assigned handler: text.", (Guid id, IncidentWork.NoteCommand body, IncidentWork w, CancellationToken ct) => w.NoteAsync(id, body, ct));
        Change(incidents, "/{id:guid}/conclusion", "ConcludeIncident", "Record lessons and the decision on measures", "lessons, decision (NoneNeeded or Decided) and measuresText (needed with Decided), with the version read.", (Guid id, IncidentWork.ConclusionCommand body, IncidentWork w, CancellationToken ct) => w.ConcludeAsync(id, body, ct));
        Change(incidents, "/{id:guid}/awareness", "SetIncidentAwareness", "Set when the organisation became aware", "awareAt (ISO 8601 with offset): the deadline clocks run from here.", (Guid id, IncidentWork.AwarenessCommand body, IncidentWork w, CancellationToken ct) => w.AwarenessAsync(id, body, ct));
        Change(incidents, "/{id:guid}/breach", "MarkPersonalDataBreach", "Mark a personal data breach", "breach (true starts the 72-hour clock to IMY) with IMY's fields: dataCategories, subjectCategories, affectedCount, consequences, measures, subjectsInformed.", (Guid id, IncidentWork.BreachCommand body, IncidentWork w, CancellationToken ct) => w.BreachAsync(id, body, ct));
        Change(incidents, "/{id:guid}/significant", "MarkSignificantIncident", "Mark a significant incident", "significant (true starts the Cybersecurity Act's 24-hour early warning, 72-hour notification and one-month final report clocks).", (Guid id, IncidentWork.SignificantCommand body, IncidentWork w, CancellationToken ct) => w.SignificantAsync(id, body, ct));
        Change(incidents, "/{id:guid}/reports", "RecordIncidentReportSent", "Record that a report was sent", "kind (Imy, EarlyWarning, Notification, FinalReport) and sentAt (default now); records who. Once per clock.", (Guid id, IncidentWork.SentCommand body, IncidentWork w, CancellationToken ct) => w.SentAsync(id, body, ct));
        incidents.MapPost("/{id:guid}/measures", AddMeasureAsync).RequirePermission(Permissions.IncidentsHandle).WithName("AddIncidentMeasure")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Put a measure in the action plan")
            .WithDescription("title, description, ownerId, dueDate and systemId (optional): a measure whose origin is the incident. Needs the right to manage measures.");
    }

    private static void Change<TBody>(RouteGroupBuilder group, string pattern, string name, string summary, string description, Func<Guid, TBody, IncidentWork, CancellationToken, Task<Outcome<Guid>>> change) =>
        group.MapPost(pattern, async (Guid id, TBody body, IncidentWork work, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken) =>
            {
                var outcome = await change(id, body, work, cancellationToken);
                return outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem(l);
            })
            .RequirePermission(Permissions.IncidentsHandle).WithName(name)
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary(summary).WithDescription(description);

    private static async Task<IResult> ListAsync(IncidentHandlingQueries queries, IStringLocalizer<SharedResource> l, IncidentStatus? status, IncidentCategory? category, ConsequenceLevel? severity, bool? open, int? page, int? pageSize, string? sort, bool? desc, CancellationToken cancellationToken)
    {
        if (!IncidentHandlingQueries.IsAllowedSort(sort))
        {
            return PeopleApi.SortRefused(l, IncidentHandlingQueries.SortNames);
        }

        var result = await queries.ListAsync(new IncidentFilter(status, category, severity, open == true), new ListParameters(page, pageSize, sort, desc).ToRequest(), cancellationToken);
        return TypedResults.Ok(new PagedResponse<IncidentRow>(result.Items, result.Total, result.Page, result.Size, result.Sort, result.Descending));
    }

    private static async Task<IResult> GetAsync(Guid id, IncidentHandlingQueries queries, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        return outcome.IsOk ? TypedResults.Ok(outcome.Value) : outcome.ToProblem(l);
    }

    private static async Task<IResult> AddMeasureAsync(Guid id, IncidentWork.MeasureCommand body, IncidentWork work, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await work.AddMeasureAsync(id, body, cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/v1/measures/{outcome.Value}", new { id = outcome.Value }) : outcome.ToProblem(l);
    }

    private static async Task<IResult> ReportAsync(ReportIncident.Command body, ReportIncident report, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await report.CreateAsync(body, cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/v1/incidents/mine", outcome.Value) : outcome.ToProblem(l);
    }

    private static async Task<IResult> MineAsync(IncidentQueries queries, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var result = await queries.MineAsync(new ListParameters(page, pageSize, null, null).ToRequest(), cancellationToken);
        return TypedResults.Ok(new PagedResponse<MyReport>(result.Items, result.Total, result.Page, result.Size, result.Sort, result.Descending));
    }
}
