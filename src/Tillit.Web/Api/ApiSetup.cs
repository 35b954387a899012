using Microsoft.Extensions.Localization;
using Tillit.Web.Features;
using Tillit.Web.Features.Units;
using Tillit.Web.Security;

namespace Tillit.Web.Api;

/// <summary>
/// The JSON API under /api/v1. It authenticates by personal access token only (no cookie), so it
/// needs no CSRF token. Every endpoint names its permission; lists are paged and sorted by allow-listed columns.
/// </summary>
public static class ApiSetup
{
    public static void MapTillitApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Tillit");
        api.MapMeApi();
        api.MapUnitsApi();
        api.MapPeopleApi();
        api.MapRoleAssignmentsApi();
        api.MapAuditApi();
        api.MapRegisterApi();
        api.MapActionPlanApi();
        api.MapDocumentsApi();
        api.MapAcknowledgementsApi();
        api.MapDelegationsApi();
        api.MapDeviationsApi();
        api.MapIncidentsApi();

        // Legal register, agreements, continuity and training (issue 9).
        api.MapLawsApi();
        api.MapAgreementsApi();
        api.MapGoalsApi();
        api.MapRiskApi();
    }

    public static RouteHandlerBuilder RequirePermission(this RouteHandlerBuilder builder, string permission) =>
        builder.RequireAuthorization(Policies.For(permission));
}

/// <summary>Query parameters of every list endpoint.</summary>
public sealed record ListParameters(int? Page, int? PageSize, string? Sort, bool? Desc)
{
    public PageRequest ToRequest() => new(Page ?? 1, PageSize ?? PageRequest.DefaultSize, Sort, Desc ?? false);
}

public sealed record PagedResponse<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize, string Sort, bool Descending);

internal static class UnitsApi
{
    public static void MapUnitsApi(this RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units");
        units.MapGet("/", ListAsync).RequirePermission(Permissions.UnitsRead).WithName("ListUnits").SortableBy(UnitQueries.Sorts)
            .Produces<PagedResponse<UnitRow>>().ProducesValidationProblem()
            .WithSummary("List units")
            .WithDescription("The units within the caller's scope, paged. Filter by name (q) and kind.");
        units.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.UnitsRead).WithName("GetUnit")
            .Produces<UnitDetails>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get a unit")
            .WithDescription("One unit with its children and head count. 404 when it does not exist in the caller's organisation, 403 when outside the caller's scope.");
        units.MapPost("/", CreateAsync).RequirePermission(Permissions.UnitsManage).WithName("CreateUnit")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Create a unit")
            .WithDescription("Creates a unit under the given parent (or at the top). Field errors come back as a validation ProblemDetails.");
        units.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.UnitsManage).WithName("UpdateUnit")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Change a unit")
            .WithDescription("Renames or moves a unit. Send the version you read: a changed record gives 409 instead of overwriting.");
    }

    private static async Task<IResult> ListAsync(
        UnitQueries queries, IStringLocalizer<SharedResource> l, string? q, Domain.Organisations.UnitKind? kind, int? page, int? pageSize, string? sort, bool? desc, CancellationToken cancellationToken)
    {
        if (!UnitQueries.Sorts.IsAllowed(sort))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sort"] = [l["Validation.SortNotAllowed", string.Join(", ", UnitQueries.Sorts.Names)]] }, title: l["Validation.Title"]);
        }

        var request = new ListParameters(page, pageSize, sort, desc).ToRequest();
        var result = await queries.ListAsync(q, kind, request, cancellationToken);
        return TypedResults.Ok(new PagedResponse<UnitRow>(result.Items, result.Total, result.Page, result.Size, result.Sort, result.Descending));
    }

    private static async Task<IResult> GetAsync(Guid id, UnitQueries queries, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        return outcome.IsOk ? TypedResults.Ok(outcome.Value) : outcome.ToProblem(l);
    }

    private static async Task<IResult> CreateAsync(SaveUnit.Command body, SaveUnit save, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await save.CreateAsync(body, cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/v1/units/{outcome.Value}", new { id = outcome.Value }) : outcome.ToProblem(l);
    }

    private static async Task<IResult> UpdateAsync(Guid id, SaveUnit.Command body, SaveUnit save, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await save.UpdateAsync(id, body, cancellationToken);
        return outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem(l);
    }
}
