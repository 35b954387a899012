using Microsoft.Extensions.Localization;
using Tillit.Web.Features;
using Tillit.Web.Features.Documents;
using Tillit.Web.Security;

namespace Tillit.Web.Api;

/// <summary>Confirmations and campaigns over the API: the same handlers and scope rules as the pages.</summary>
internal static class AcknowledgementsApi
{
    public static void MapAcknowledgementsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me/documents-to-read", ToReadAsync).RequireAuthorization(Policies.SignedIn).WithName("ListMyDocumentsToRead")
            .Produces<IReadOnlyList<ToRead>>()
            .WithSummary("Documents I must read")
            .WithDescription("The current documents the caller is asked to confirm by an open campaign and has not yet confirmed, earliest last day first.");
        api.MapPost("/documents/{id:guid}/versions/{versionId:guid}/acknowledge", AcknowledgeAsync).RequireAuthorization(Policies.SignedIn).WithName("AcknowledgeDocumentVersion")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Confirm having read a version")
            .WithDescription("The caller confirms a current version. Confirming again changes nothing; a version that is not current is refused.");
        api.MapPost("/documents/{id:guid}/campaigns", CreateAsync).RequirePermission(Permissions.DocumentsCampaigns).WithName("CreateAcknowledgementCampaign")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Ask an audience to confirm the current version")
            .WithDescription("audienceKind Everyone, Units (unitIds, sub-units included) or Roles (roles), and the last day (dueDate, after today). A new major version later closes the round and starts the next one with the same audience.");

        var campaigns = api.MapGroup("/acknowledgement-campaigns");
        campaigns.MapGet("/", ListAsync).RequirePermission(Permissions.DocumentsCoverage).WithName("ListAcknowledgementCampaigns")
            .Produces<PagedResponse<CampaignRow>>()
            .WithSummary("List campaigns")
            .WithDescription("Campaigns newest first; open ones only unless all=true.");
        campaigns.MapGet("/{id:guid}/coverage", CoverageAsync).RequirePermission(Permissions.DocumentsCoverage).WithName("GetAcknowledgementCoverage")
            .Produces<Coverage>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Coverage of a campaign")
            .WithDescription("Per unit: people in the audience and how many confirmed. The whole organisation for the security officer and the director; a manager's units for a manager.");
        campaigns.MapGet("/{id:guid}/people", PeopleAsync).RequirePermission(Permissions.DocumentsCoverage).WithName("ListAcknowledgementPeople")
            .Produces<PagedResponse<CoveragePerson>>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Who has and has not confirmed")
            .WithDescription("The people of the audience within the caller's scope, paged by name; filter confirmed=true|false and unit. The list is recorded in the audit trail.");
    }

    private static async Task<IResult> ToReadAsync(AcknowledgementQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.ToReadAsync(cancellationToken));

    private static async Task<IResult> AcknowledgeAsync(Guid id, Guid versionId, AcknowledgementWork work, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await work.HandleAsync(id, versionId, cancellationToken);
        return outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem(l);
    }

    private static async Task<IResult> CreateAsync(Guid id, AcknowledgementWork.CampaignCommand body, AcknowledgementWork work, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await work.CreateAsync(id, body, cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/v1/acknowledgement-campaigns/{outcome.Value}/coverage", new { id = outcome.Value }) : outcome.ToProblem(l);
    }

    private static async Task<IResult> ListAsync(AcknowledgementQueries queries, bool? all, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var result = await queries.CampaignsAsync(all != true, new ListParameters(page, pageSize, null, null).ToRequest(), cancellationToken);
        return TypedResults.Ok(new PagedResponse<CampaignRow>(result.Items, result.Total, result.Page, result.Size, result.Sort, result.Descending));
    }

    private static async Task<IResult> CoverageAsync(Guid id, AcknowledgementQueries queries, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await queries.CoverageAsync(id, cancellationToken);
        return outcome.IsOk ? TypedResults.Ok(outcome.Value) : outcome.ToProblem(l);
    }

    private static async Task<IResult> PeopleAsync(
        Guid id, AcknowledgementQueries queries, IStringLocalizer<SharedResource> l, bool? confirmed, Guid? unit, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var outcome = await queries.PeopleAsync(id, confirmed, unit, new ListParameters(page, pageSize, null, null).ToRequest(), cancellationToken);
        if (!outcome.IsOk)
        {
            return outcome.ToProblem(l);
        }

        var r = outcome.Value!;
        return TypedResults.Ok(new PagedResponse<CoveragePerson>(r.Items, r.Total, r.Page, r.Size, r.Sort, r.Descending));
    }
}
