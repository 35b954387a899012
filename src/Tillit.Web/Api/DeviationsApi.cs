using Microsoft.Extensions.Localization;
using Tillit.Domain.Documents;
using Tillit.Web.Features;
using Tillit.Web.Features.Deviations;
using Tillit.Web.Security;

namespace Tillit.Web.Api;

/// <summary>/api/v1/deviations: the same handlers and checks as the pages.</summary>
internal static class DeviationsApi
{
    public static void MapDeviationsApi(this RouteGroupBuilder api)
    {
        var deviations = api.MapGroup("/deviations");
        deviations.MapGet("/", ListAsync).RequirePermission(Permissions.DeviationsRead).WithName("ListDeviations")
            .WithMetadata(new SortableBy(DeviationQueries.SortNames, DeviationQueries.SortNames[0]))
            .Produces<PagedResponse<DeviationRow>>().ProducesValidationProblem()
            .WithSummary("List deviations")
            .WithDescription("Deviations (avsteg) from central governing documents within the caller's scope (a manager: their units), paged. Filter by status, or expired=true for approved deviations past their expiry (a gap). Each call is recorded in the audit trail.");
        deviations.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.DeviationsRead).WithName("GetDeviation")
            .Produces<DeviationDetails>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get a deviation")
            .WithDescription("One deviation with its assessment and decision. 404 when it is not in the caller's organisation or scope. The read is recorded in the audit trail before the answer is sent.");
        deviations.MapPost("/", CreateAsync).RequirePermission(Permissions.DeviationsRequest).WithName("RequestDeviation")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Ask for a deviation")
            .WithDescription("documentId (a central document with a current version), unitId (within the caller's scope, 403 otherwise), requirement, reason, compensatingMeasures (optional) and expiresOn (after today, at most three years ahead).");
        deviations.MapPost("/{id:guid}/assess", AssessAsync).RequirePermission(Permissions.DeviationsAssess).WithName("AssessDeviation")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Assess a deviation")
            .WithDescription("The security officer: recommend (true or false) and assessment, with the version read. Only a requested deviation can be assessed.");
        deviations.MapPost("/{id:guid}/decide", DecideAsync).RequirePermission(Permissions.DeviationsDecide).WithName("DecideDeviation")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Decide a deviation")
            .WithDescription("The municipal director: approve (true or false), decisionReference and an optional comment, with the version read. Only an assessed deviation can be decided.");
        deviations.MapPost("/{id:guid}/withdraw", WithdrawAsync).RequirePermission(Permissions.DeviationsRequest).WithName("WithdrawDeviation")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Withdraw a deviation request")
            .WithDescription("Whoever may ask for the unit takes back a request that is not yet decided.");
        deviations.MapPost("/{id:guid}/end", EndAsync).RequirePermission(Permissions.DeviationsRead).WithName("EndDeviation")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("End an approved deviation")
            .WithDescription("The security officer or the municipal director records that the unit follows the rule again (403 for others).");
    }

    private static async Task<IResult> ListAsync(DeviationQueries queries, IStringLocalizer<SharedResource> l, DeviationStatus? status, bool? expired, int? page, int? pageSize, string? sort, bool? desc, CancellationToken cancellationToken)
    {
        if (!DeviationQueries.IsAllowedSort(sort))
        {
            return PeopleApi.SortRefused(l, DeviationQueries.SortNames);
        }

        var result = await queries.ListAsync(new DeviationFilter(status, expired == true), new ListParameters(page, pageSize, sort, desc).ToRequest(), cancellationToken);
        return TypedResults.Ok(new PagedResponse<DeviationRow>(result.Items, result.Total, result.Page, result.Size, result.Sort, result.Descending));
    }

    private static async Task<IResult> GetAsync(Guid id, DeviationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        return outcome.IsOk ? TypedResults.Ok(outcome.Value) : outcome.ToProblem(l);
    }

    private static async Task<IResult> CreateAsync(DeviationWork.Command body, DeviationWork work, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await work.CreateAsync(body, cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/v1/deviations/{outcome.Value}", new { id = outcome.Value }) : outcome.ToProblem(l);
    }

    private static async Task<IResult> AssessAsync(Guid id, DeviationWork.AssessCommand body, DeviationWork work, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken) =>
        Done(await work.AssessAsync(id, body, cancellationToken), l);

    private static async Task<IResult> DecideAsync(Guid id, DeviationWork.DecideCommand body, DeviationWork work, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken) =>
        Done(await work.DecideAsync(id, body, cancellationToken), l);

    private static async Task<IResult> WithdrawAsync(Guid id, DeviationWork.VersionCommand body, DeviationWork work, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken) =>
        Done(await work.WithdrawAsync(id, body, cancellationToken), l);

    private static async Task<IResult> EndAsync(Guid id, DeviationWork.VersionCommand body, DeviationWork work, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken) =>
        Done(await work.EndAsync(id, body, cancellationToken), l);

    private static IResult Done(Outcome<Guid> outcome, IStringLocalizer<SharedResource> l) =>
        outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem(l);
}
