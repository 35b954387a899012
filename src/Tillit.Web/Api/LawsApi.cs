using Microsoft.Extensions.Localization;
using Tillit.Domain.Laws;
using Tillit.Web.Features;
using Tillit.Web.Features.Laws;
using Tillit.Web.Security;

namespace Tillit.Web.Api;

/// <summary>/api/v1/laws: the legal register, with the same handlers and checks as the pages.</summary>
internal static class LawsApi
{
    public static void MapLawsApi(this RouteGroupBuilder api)
    {
        var laws = api.MapGroup("/laws");
        laws.MapGet("/", ListAsync).RequirePermission(Permissions.SystemsRead).WithName("ListLaws").SortableBy(LawQueries.Sorts)
            .Produces<PagedResponse<LawRow>>().ProducesValidationProblem()
            .WithSummary("List the legal register")
            .WithDescription("The laws, ordinances and regulations the organisation follows, paged. Filter by reference or title (q), kind, compliance, overdue=true (review date passed) and systemId.");
        laws.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.SystemsRead).WithName("GetLaw")
            .Produces<LawDetails>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get an entry of the legal register")
            .WithDescription("One rule with what it demands, the responsible person, next review, compliance and the units and systems it applies to.");
        laws.MapPost("/", CreateAsync).RequirePermission(Permissions.LawsManage).WithName("CreateLaw")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Add an entry to the legal register")
            .WithDescription("Needs laws.manage. reference is unique; nextReview needs responsibleId; complianceComment is required when compliance is PartlyCompliant or NotCompliant; units and systems are id lists.");
        laws.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.LawsManage).WithName("UpdateLaw")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Change an entry of the legal register")
            .WithDescription("Send the whole entry and the version you read: a changed record gives 409. The units and systems sent replace the earlier ones.");
    }

    private static async Task<IResult> ListAsync(
        LawQueries queries, IStringLocalizer<SharedResource> l, string? q, LegalKind? kind, ComplianceStatus? compliance, bool? overdue, Guid? systemId, int? page, int? pageSize, string? sort, bool? desc, CancellationToken cancellationToken)
    {
        if (!LawQueries.Sorts.IsAllowed(sort))
        {
            return PeopleApi.SortRefused(l, LawQueries.Sorts.Names);
        }

        var result = await queries.ListAsync(new LawFilter(q, kind, compliance, overdue == true, systemId), new ListParameters(page, pageSize, sort, desc).ToRequest(), cancellationToken);
        return TypedResults.Ok(new PagedResponse<LawRow>(result.Items, result.Total, result.Page, result.Size, result.Sort, result.Descending));
    }

    private static async Task<IResult> GetAsync(Guid id, LawQueries queries, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        return outcome.IsOk ? TypedResults.Ok(outcome.Value) : outcome.ToProblem(l);
    }

    private static async Task<IResult> CreateAsync(SaveLaw.Command body, SaveLaw save, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await save.CreateAsync(body, cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/v1/laws/{outcome.Value}", new { id = outcome.Value }) : outcome.ToProblem(l);
    }

    private static async Task<IResult> UpdateAsync(Guid id, SaveLaw.Command body, SaveLaw save, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await save.UpdateAsync(id, body, cancellationToken);
        return outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem(l);
    }
}
