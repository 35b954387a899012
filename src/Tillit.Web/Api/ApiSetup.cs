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
        api.MapUnitsApi();
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
        units.MapGet("/", ListAsync).RequirePermission(Permissions.UnitsRead).WithName("ListUnits");
        units.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.UnitsRead).WithName("GetUnit");
        units.MapPost("/", CreateAsync).RequirePermission(Permissions.UnitsManage).WithName("CreateUnit");
        units.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.UnitsManage).WithName("UpdateUnit");
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
