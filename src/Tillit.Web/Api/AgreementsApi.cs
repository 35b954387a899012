using Microsoft.Extensions.Localization;
using Tillit.Web.Features;
using Tillit.Web.Features.Agreements;
using Tillit.Web.Security;

namespace Tillit.Web.Api;

/// <summary>/api/v1/agreements: the agreement register, with the same handlers, scope and audit as the pages.</summary>
internal static class AgreementsApi
{
    public static void MapAgreementsApi(this RouteGroupBuilder api)
    {
        var agreements = api.MapGroup("/agreements");
        agreements.MapGet("/", ListAsync).RequirePermission(Permissions.AgreementsRead).WithName("ListAgreements").SortableBy(AgreementQueries.Sorts)
            .Produces<PagedResponse<AgreementRow>>().ProducesValidationProblem()
            .WithSummary("List the agreement register")
            .WithDescription("The agreements the caller may read (all, or those covering the caller's systems), paged; the list is in the audit trail. Filter by supplier, title or reference (q), view (NoticeSoon, EndingSoon, Ended, WithoutDataProcessing, TransferOutsideEea) and systemId.");
        agreements.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.AgreementsRead).WithName("GetAgreement")
            .Produces<AgreementDetails>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get an agreement")
            .WithDescription("One agreement with its period, notice date, data processing agreement, transfers outside the EU/EEA, security requirements, responsible person and the systems it covers. The read is recorded in the audit trail before it is sent.");
        agreements.MapPost("/", CreateAsync).RequirePermission(Permissions.AgreementsManage).WithName("CreateAgreement")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Register an agreement")
            .WithDescription("Needs agreements.manage (organisation-wide, or for every system listed). supplier and title are required; endsOn not before startsOn; noticeBy not after endsOn; a notice or end date needs responsibleId; transferBasis is required when transferOutsideEea is Yes.");
        agreements.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.AgreementsManage).WithName("UpdateAgreement")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Change an agreement")
            .WithDescription("Send the whole agreement and the version you read: a changed record gives 409. The systems sent replace the earlier ones.");
    }

    private static async Task<IResult> ListAsync(
        AgreementQueries queries, IStringLocalizer<SharedResource> l, string? q, AgreementView? view, Guid? systemId, int? page, int? pageSize, string? sort, bool? desc, CancellationToken cancellationToken)
    {
        if (!AgreementQueries.Sorts.IsAllowed(sort))
        {
            return PeopleApi.SortRefused(l, AgreementQueries.Sorts.Names);
        }

        var result = await queries.ListAsync(new AgreementFilter(q, view, systemId), new ListParameters(page, pageSize, sort, desc).ToRequest(), cancellationToken);
        return TypedResults.Ok(new PagedResponse<AgreementRow>(result.Items, result.Total, result.Page, result.Size, result.Sort, result.Descending));
    }

    private static async Task<IResult> GetAsync(Guid id, AgreementQueries queries, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        return outcome.IsOk ? TypedResults.Ok(outcome.Value) : outcome.ToProblem(l);
    }

    private static async Task<IResult> CreateAsync(SaveAgreement.Command body, SaveAgreement save, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await save.CreateAsync(body, cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/v1/agreements/{outcome.Value}", new { id = outcome.Value }) : outcome.ToProblem(l);
    }

    private static async Task<IResult> UpdateAsync(Guid id, SaveAgreement.Command body, SaveAgreement save, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await save.UpdateAsync(id, body, cancellationToken);
        return outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem(l);
    }
}
