using Microsoft.Extensions.Localization;
using Tillit.Domain.Measures;
using Tillit.Domain.Register;
using Tillit.Domain.Requirements;
using Tillit.Web.Features;
using Tillit.Web.Features.Measures;
using Tillit.Web.Features.Requirements;
using Tillit.Web.Security;

namespace Tillit.Web.Api;

/// <summary>
/// /api/v1/requirements, a system's assessments and the action plan (/api/v1/measures): the same handlers and
/// checks as the pages.
/// </summary>
internal static class ActionPlanApi
{
    public static void MapActionPlanApi(this RouteGroupBuilder api)
    {
        var requirements = api.MapGroup("/requirements");
        requirements.MapGet("/", ListRequirementsAsync).RequirePermission(Permissions.SystemsRead).WithName("ListRequirements").SortableBy(RequirementQueries.Sorts)
            .Produces<PagedResponse<RequirementRow>>().ProducesValidationProblem()
            .WithSummary("List the requirement catalogue")
            .WithDescription("The organisation's security requirements, paged. Filter by code or title (q), area, aspect and active.");
        requirements.MapGet("/{id:guid}", GetRequirementAsync).RequirePermission(Permissions.SystemsRead).WithName("GetRequirement")
            .Produces<RequirementDetails>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get a requirement")
            .WithDescription("One requirement with its aspect, the level from which it applies and its ISO/IEC 27001 Annex A and NIS2 Art. 21(2) mapping.");
        requirements.MapPost("/", CreateRequirementAsync).RequirePermission(Permissions.RequirementsManage).WithName("CreateRequirement")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Add a requirement")
            .WithDescription("Needs requirements.manage (the security officer). fromLevel is 1-4; isoControls like \"A.5.15, A.8.5\"; nis2Areas letters a-j.");
        requirements.MapPut("/{id:guid}", UpdateRequirementAsync).RequirePermission(Permissions.RequirementsManage).WithName("UpdateRequirement")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Change a requirement")
            .WithDescription("Send the version you read: a changed record gives 409. isActive false keeps it but selects no system.");
        requirements.MapGet("/applicability", ApplicabilityAsync).RequirePermission(Permissions.AssessmentsRead).WithName("StatementOfApplicability").SortableBy(AssessmentQueries.ApplicabilitySorts)
            .Produces<PagedResponse<ApplicabilityRow>>().ProducesValidationProblem()
            .WithSummary("The organisation's statement of applicability")
            .WithDescription("Per requirement: the systems its level selects and how many of them have it met, partly met, not met, not applicable and not yet assessed. Recorded in the audit trail.");

        var systems = api.MapGroup("/systems");
        systems.MapGet("/{id:guid}/requirements", SystemRequirementsAsync).RequirePermission(Permissions.AssessmentsRead).WithName("ListSystemRequirements")
            .Produces<SystemAssessments>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A system's requirements and their assessment")
            .WithDescription("The requirements the system's protection need selects, each with its assessment (if any), and the counts per status. A protected read, recorded in the audit trail first.");
        systems.MapPut("/{id:guid}/requirements/{requirementId:guid}", AssessAsync).RequirePermission(Permissions.AssessmentsManage).WithName("AssessRequirement")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Assess a requirement for a system")
            .WithDescription("status (Met, PartlyMet, NotMet, NotApplicable) and how. The system's owner for their own systems, or the security officer. version: the assessment's version you read, null when there was none.");
        systems.MapPost("/{id:guid}/requirements/{requirementId:guid}/measures", MeasureFromGapAsync).RequirePermission(Permissions.AssessmentsManage).WithName("MeasureFromRequirementGap")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Make an assessed gap a measure")
            .WithDescription("A requirement assessed as not met or partly met becomes a measure in the action plan, linked to the requirement and the system, owned by the system's owner, due in 90 days. An open measure of the same gap is returned instead of a second.");

        var measures = api.MapGroup("/measures");
        measures.MapGet("/", ListMeasuresAsync).RequirePermission(Permissions.MeasuresRead).WithName("ListMeasures").SortableBy(MeasureQueries.Sorts)
            .Produces<PagedResponse<MeasureRow>>().ProducesValidationProblem()
            .WithSummary("The action plan")
            .WithDescription("Measures, paged. Filter by owner (person id), unit, system, status, state (Open, Done, Closed), overdue, origin and title (q). Recorded in the audit trail.");
        measures.MapGet("/{id:guid}", GetMeasureAsync).RequireAuthorization(Policies.SignedIn).WithName("GetMeasure")
            .Produces<MeasureDetails>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get a measure")
            .WithDescription("Needs measures.read, or to be the measure's owner. A protected read, recorded in the audit trail first.");
        measures.MapPost("/", CreateMeasureAsync).RequirePermission(Permissions.MeasuresManage).WithName("CreateMeasure")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Add a measure")
            .WithDescription("title, origin (RequirementGap, Classification, Risk, Incident, Exercise, Audit, Goal, Other) with originId, ownerId, dueDate, and optionally systemId and unitId.");
        measures.MapPut("/{id:guid}", UpdateMeasureAsync).RequirePermission(Permissions.MeasuresManage).WithName("UpdateMeasure")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Change a measure")
            .WithDescription("Title, description, system, unit, owner and due date of a measure not yet verified or cancelled. Send the version you read.");
        measures.MapPost("/{id:guid}/status", ChangeStatusAsync).RequireAuthorization(Policies.SignedIn).WithName("ChangeMeasureStatus")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Move a measure along its status")
            .WithDescription("action: Start, Complete (with evidence), Reopen, Verify, Cancel (with reason). The owner starts and completes; whoever manages the measure does all, but never verifies a measure they own. An illegal move is a 400 and changes nothing.");
    }

    private static async Task<IResult> ListRequirementsAsync(
        RequirementQueries queries, IStringLocalizer<SharedResource> l, string? q, RequirementArea? area, Aspect? aspect, bool? active, int? page, int? pageSize, string? sort, bool? desc, CancellationToken cancellationToken)
    {
        if (!RequirementQueries.Sorts.IsAllowed(sort))
        {
            return PeopleApi.SortRefused(l, RequirementQueries.Sorts.Names);
        }

        var result = await queries.ListAsync(new RequirementFilter(q, area, aspect, active), new ListParameters(page, pageSize, sort, desc).ToRequest(), cancellationToken);
        return TypedResults.Ok(new PagedResponse<RequirementRow>(result.Items, result.Total, result.Page, result.Size, result.Sort, result.Descending));
    }

    private static async Task<IResult> GetRequirementAsync(Guid id, RequirementQueries queries, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        return outcome.IsOk ? TypedResults.Ok(outcome.Value) : outcome.ToProblem(l);
    }

    private static async Task<IResult> CreateRequirementAsync(SaveRequirement.Command body, SaveRequirement save, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await save.CreateAsync(body, cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/v1/requirements/{outcome.Value}", new { id = outcome.Value }) : outcome.ToProblem(l);
    }

    private static async Task<IResult> UpdateRequirementAsync(Guid id, SaveRequirement.Command body, SaveRequirement save, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await save.UpdateAsync(id, body, cancellationToken);
        return outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem(l);
    }

    private static async Task<IResult> ApplicabilityAsync(
        AssessmentQueries queries, IStringLocalizer<SharedResource> l, string? q, RequirementArea? area, Aspect? aspect, int? page, int? pageSize, string? sort, bool? desc, CancellationToken cancellationToken)
    {
        if (!AssessmentQueries.ApplicabilitySorts.IsAllowed(sort))
        {
            return PeopleApi.SortRefused(l, AssessmentQueries.ApplicabilitySorts.Names);
        }

        var outcome = await queries.ApplicabilityAsync(new RequirementFilter(q, area, aspect), new ListParameters(page, pageSize, sort, desc).ToRequest(), cancellationToken);
        if (!outcome.IsOk)
        {
            return outcome.ToProblem(l);
        }

        var result = outcome.Value!;
        return TypedResults.Ok(new PagedResponse<ApplicabilityRow>(result.Items, result.Total, result.Page, result.Size, result.Sort, result.Descending));
    }

    private static async Task<IResult> SystemRequirementsAsync(Guid id, AssessmentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await queries.ForSystemAsync(id, cancellationToken);
        return outcome.IsOk ? TypedResults.Ok(outcome.Value) : outcome.ToProblem(l);
    }

    private static async Task<IResult> AssessAsync(Guid id, Guid requirementId, AssessRequirement.Command body, AssessRequirement assess, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await assess.HandleAsync(id, requirementId, body, cancellationToken);
        return outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem(l);
    }

    private static async Task<IResult> MeasureFromGapAsync(Guid id, Guid requirementId, CreateMeasure create, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await create.FromAssessmentAsync(id, requirementId, cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/v1/measures/{outcome.Value}", new { id = outcome.Value }) : outcome.ToProblem(l);
    }

    private static async Task<IResult> ListMeasuresAsync(
        MeasureQueries queries,
        IStringLocalizer<SharedResource> l,
        string? q,
        Guid? owner,
        Guid? unit,
        Guid? system,
        MeasureStatus? status,
        MeasureState? state,
        bool? overdue,
        MeasureOrigin? origin,
        int? page,
        int? pageSize,
        string? sort,
        bool? desc,
        CancellationToken cancellationToken)
    {
        if (!MeasureQueries.Sorts.IsAllowed(sort))
        {
            return PeopleApi.SortRefused(l, MeasureQueries.Sorts.Names);
        }

        var outcome = await queries.ListAsync(new MeasureFilter(q, owner, unit, system, status, state, overdue ?? false, origin), new ListParameters(page, pageSize, sort, desc).ToRequest(), cancellationToken);
        if (!outcome.IsOk)
        {
            return outcome.ToProblem(l);
        }

        var result = outcome.Value!;
        return TypedResults.Ok(new PagedResponse<MeasureRow>(result.Items, result.Total, result.Page, result.Size, result.Sort, result.Descending));
    }

    private static async Task<IResult> GetMeasureAsync(Guid id, MeasureQueries queries, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        return outcome.IsOk ? TypedResults.Ok(outcome.Value) : outcome.ToProblem(l);
    }

    private static async Task<IResult> CreateMeasureAsync(CreateMeasure.Command body, CreateMeasure create, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await create.HandleAsync(body, cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/v1/measures/{outcome.Value}", new { id = outcome.Value }) : outcome.ToProblem(l);
    }

    private static async Task<IResult> UpdateMeasureAsync(Guid id, SaveMeasure.Command body, SaveMeasure save, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await save.UpdateAsync(id, body, cancellationToken);
        return outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem(l);
    }

    private static async Task<IResult> ChangeStatusAsync(Guid id, ChangeMeasureStatus.Command body, ChangeMeasureStatus change, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await change.HandleAsync(id, body, cancellationToken);
        return outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem(l);
    }
}
