using Microsoft.Extensions.Localization;
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
