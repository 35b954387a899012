using Microsoft.Extensions.Localization;
using Tillit.Domain.Risks;
using Tillit.Web.Features;
using Tillit.Web.Features.Risk;
using Tillit.Web.Security;

namespace Tillit.Web.Api;

/// <summary>/api/v1/risk-analyses, /api/v1/risks and /api/v1/threats: the same handlers and checks as the pages (issue 5).</summary>
internal static class RiskApi
{
    public static void MapRiskApi(this RouteGroupBuilder api)
    {
        var analyses = api.MapGroup("/risk-analyses");
        analyses.MapGet("/", ListAsync).RequirePermission(Permissions.RisksRead).WithName("ListRiskAnalyses").SortableBy(RiskQueries.Sorts)
            .Produces<PagedResponse<RiskAnalysisRow>>().ProducesValidationProblem()
            .WithSummary("List risk analyses")
            .WithDescription("The analyses the caller may read (their systems', or all with risks.read organisation-wide), paged. Filter by title (q), system, status and reviewNeeded. Recorded in the audit trail.");
        analyses.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.RisksRead).WithName("GetRiskAnalysis")
            .Produces<RiskAnalysisDetails>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get a risk analysis")
            .WithDescription("Scope, method, participants, status, its risks with levels and bands, and the inherent and residual heat map counts. A protected read, recorded in the audit trail first.");
        analyses.MapPost("/", CreateAsync).RequirePermission(Permissions.RisksManage).WithName("CreateRiskAnalysis")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Start a risk analysis")
            .WithDescription("title, scope (System or Process), systemIds, methodNote, participants, analysedOn, nextReviewOn (default: the organisation's maximum age). Needs risks.manage for every system.");
        analyses.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.RisksManage).WithName("UpdateRiskAnalysis")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Change a draft analysis")
            .WithDescription("The same fields as when starting it (the scope stays). Only a draft; send the version you read.");
        analyses.MapPost("/{id:guid}/status", StatusAsync).RequirePermission(Permissions.RisksManage).WithName("ChangeRiskAnalysisStatus")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Move an analysis along its status")
            .WithDescription("action: Submit (a draft with risks), Return (to draft), Approve (from review). An illegal move is a 400 and changes nothing.");
        analyses.MapPost("/{id:guid}/next-cycle", NextCycleAsync).RequirePermission(Permissions.RisksManage).WithName("StartNextRiskCycle")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Start the next cycle")
            .WithDescription("A new draft over the same systems with the risks copied to be assessed again; the old analysis is kept as history. Asking twice returns the same new analysis.");
        analyses.MapPost("/{id:guid}/risks", CreateRiskAsync).RequirePermission(Permissions.RisksManage).WithName("CreateRisk")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Add a risk to a draft analysis")
            .WithDescription("cause, event, effect (the consequence text), threatId, aspects (e.g. \"Confidentiality, Integrity\"), likelihood and consequence 1-4, treatment (Accept, Reduce, Avoid, Transfer), treatmentNote, residualLikelihood and residualConsequence 1-4 (both or neither), ownerId.");
        analyses.MapPut("/{id:guid}/risks/{riskId:guid}", UpdateRiskAsync).RequirePermission(Permissions.RisksManage).WithName("UpdateRisk")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Change a risk of a draft analysis")
            .WithDescription("The same fields as when adding it, with the version you read. A changed risk loses its acceptance.");
        analyses.MapPost("/{id:guid}/risks/{riskId:guid}/acceptance", AcceptAsync).RequirePermission(Permissions.RisksRead).WithName("AcceptRisk")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Accept a residual risk")
            .WithDescription("reason and the risk's version. The municipal director accepts any level; a system owner of a covered system up to the band the organisation's criteria allow (default medel). Anyone else, or beyond their authority: 403, nothing written.");
        analyses.MapPost("/{id:guid}/risks/{riskId:guid}/measures", MeasureAsync).RequirePermission(Permissions.RisksManage).WithName("MeasureFromRisk")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Send a risk to the action plan")
            .WithDescription("A measure with origin Risk linked to the risk and the analysis's system, owned by the risk owner, due in 90 days unless dueDate is given.");

        api.MapGet("/risks", RegisterAsync).RequirePermission(Permissions.RisksRead).WithName("RiskRegister").SortableBy(RiskQueries.RegisterSorts)
            .Produces<PagedResponse<RiskRegisterRow>>().ProducesValidationProblem()
            .WithSummary("The organisation's risk register")
            .WithDescription("Risks of the current analyses the caller may read, paged. Filter by event text (q), likelihood and consequence (with residual: the residual steps), band, treatment and analysis. Recorded in the audit trail.");
        api.MapGet("/threats", ThreatsAsync).RequirePermission(Permissions.RisksRead).WithName("ListThreats")
            .Produces<IReadOnlyList<ThreatRow>>()
            .WithSummary("The threat catalogue")
            .WithDescription("Every threat of the organisation's catalogue, Swedish and English, with its aspects and whether it is retired.");
    }

    private static async Task<IResult> ListAsync(RiskQueries queries, IStringLocalizer<SharedResource> l, string? q, Guid? system, RiskAnalysisStatus? status, bool? reviewNeeded, int? page, int? pageSize, string? sort, bool? desc, CancellationToken cancellationToken)
    {
        if (!RiskQueries.Sorts.IsAllowed(sort))
        {
            return PeopleApi.SortRefused(l, RiskQueries.Sorts.Names);
        }

        var outcome = await queries.ListAsync(new RiskAnalysisFilter(q, system, status, reviewNeeded ?? false), new ListParameters(page, pageSize, sort, desc).ToRequest(), cancellationToken);
        if (!outcome.IsOk)
        {
            return outcome.ToProblem(l);
        }

        var r = outcome.Value!;
        return TypedResults.Ok(new PagedResponse<RiskAnalysisRow>(r.Items, r.Total, r.Page, r.Size, r.Sort, r.Descending));
    }

    private static async Task<IResult> GetAsync(Guid id, RiskQueries queries, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        return outcome.IsOk ? TypedResults.Ok(outcome.Value) : outcome.ToProblem(l);
    }

    private static async Task<IResult> CreateAsync(SaveRiskAnalysis.Command body, SaveRiskAnalysis save, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await save.CreateAsync(body, cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/v1/risk-analyses/{outcome.Value}", new { id = outcome.Value }) : outcome.ToProblem(l);
    }

    private static async Task<IResult> UpdateAsync(Guid id, SaveRiskAnalysis.Command body, SaveRiskAnalysis save, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await save.UpdateAsync(id, body, cancellationToken);
        return outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem(l);
    }

    private static async Task<IResult> StatusAsync(Guid id, ChangeRiskAnalysisStatus.Command body, ChangeRiskAnalysisStatus change, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await change.HandleAsync(id, body, cancellationToken);
        return outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem(l);
    }

    private static async Task<IResult> NextCycleAsync(Guid id, StartNextRiskCycle next, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await next.HandleAsync(id, cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/v1/risk-analyses/{outcome.Value}", new { id = outcome.Value }) : outcome.ToProblem(l);
    }

    private static async Task<IResult> CreateRiskAsync(Guid id, SaveRisk.Command body, SaveRisk save, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await save.CreateAsync(id, body, cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/v1/risk-analyses/{id}/risks/{outcome.Value}", new { id = outcome.Value }) : outcome.ToProblem(l);
    }

    private static async Task<IResult> UpdateRiskAsync(Guid id, Guid riskId, SaveRisk.Command body, SaveRisk save, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await save.UpdateAsync(id, riskId, body, cancellationToken);
        return outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem(l);
    }

    private static async Task<IResult> AcceptAsync(Guid id, Guid riskId, AcceptRisk.Command body, AcceptRisk accept, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await accept.HandleAsync(id, riskId, body, cancellationToken);
        return outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem(l);
    }

    private static async Task<IResult> MeasureAsync(Guid id, Guid riskId, MeasureFromRisk.Command? body, MeasureFromRisk measure, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await measure.HandleAsync(id, riskId, body ?? new MeasureFromRisk.Command(null, null), cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/v1/measures/{outcome.Value}", new { id = outcome.Value }) : outcome.ToProblem(l);
    }

    private static async Task<IResult> RegisterAsync(RiskQueries queries, IStringLocalizer<SharedResource> l, string? q, int? likelihood, int? consequence, bool? residual, RiskBand? band, RiskTreatment? treatment, Guid? analysis, int? page, int? pageSize, string? sort, bool? desc, CancellationToken cancellationToken)
    {
        if (!RiskQueries.RegisterSorts.IsAllowed(sort))
        {
            return PeopleApi.SortRefused(l, RiskQueries.RegisterSorts.Names);
        }

        var outcome = await queries.RegisterAsync(new RiskRegisterFilter(q, likelihood, consequence, residual ?? false, band, treatment, analysis), new ListParameters(page, pageSize, sort, desc).ToRequest(), cancellationToken);
        if (!outcome.IsOk)
        {
            return outcome.ToProblem(l);
        }

        var r = outcome.Value!;
        return TypedResults.Ok(new PagedResponse<RiskRegisterRow>(r.Items, r.Total, r.Page, r.Size, r.Sort, r.Descending));
    }

    private static async Task<IResult> ThreatsAsync(ThreatQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.ListAsync(cancellationToken));
}
