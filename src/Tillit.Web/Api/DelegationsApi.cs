using Microsoft.Extensions.Localization;
using Tillit.Web.Features;
using Tillit.Web.Features.Delegations;
using Tillit.Web.Security;

namespace Tillit.Web.Api;

/// <summary>/api/v1/delegations: the same handlers and checks as the pages.</summary>
internal static class DelegationsApi
{
    public static void MapDelegationsApi(this RouteGroupBuilder api)
    {
        var delegations = api.MapGroup("/delegations");
        delegations.MapGet("/", ListAsync).RequirePermission(Permissions.DelegationsRead).WithName("ListDelegations")
            .Produces<IReadOnlyList<DelegationRow>>()
            .WithSummary("List delegations")
            .WithDescription("Who appoints system owners (AppointSystemOwners), decides guidelines, instructions, action plans and routines (DecideForDirector) or enters the board's decisions (EnterBoardDecisions) in the municipal director's place: current and upcoming first, then ended ones (at most 500 of each table).");
        delegations.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.DelegationsRead).WithName("GetDelegation")
            .Produces<DelegationRow>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get a delegation")
            .WithDescription("One delegation. 404 when it is not in the caller's organisation.");
        delegations.MapPost("/", CreateAsync).RequirePermission(Permissions.DelegationsManage).WithName("CreateDelegation")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Record a delegation")
            .WithDescription("Only the municipal director. kind, personId, decisionReference (required), validFrom (default today) and validTo (open-ended when left out). The caller is recorded as the one who delegated. A delegation of the same kind to the same person for overlapping days is refused.");
        delegations.MapPost("/{id:guid}/end", EndAsync).RequirePermission(Permissions.DelegationsManage).WithName("EndDelegation")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("End a delegation")
            .WithDescription("Sets the last day; the record stays as history. Send the version you read: a changed record gives 409.");
    }

    private static async Task<IResult> ListAsync(DelegationQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.ListAsync(cancellationToken));

    private static async Task<IResult> GetAsync(Guid id, DelegationQueries queries, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        return outcome.IsOk ? TypedResults.Ok(outcome.Value) : outcome.ToProblem(l);
    }

    private static async Task<IResult> CreateAsync(SaveDelegation.Command body, SaveDelegation save, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await save.CreateAsync(body, cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/v1/delegations/{outcome.Value}", new { id = outcome.Value }) : outcome.ToProblem(l);
    }

    private static async Task<IResult> EndAsync(Guid id, SaveDelegation.EndCommand body, SaveDelegation save, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await save.EndAsync(id, body, cancellationToken);
        return outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem(l);
    }
}
