using Microsoft.Extensions.Localization;
using Tillit.Domain.Register;
using Tillit.Web.Features;
using Tillit.Web.Features.InformationSets;
using Tillit.Web.Features.Shared.Export;
using Tillit.Web.Features.Systems;
using Tillit.Web.Security;

namespace Tillit.Web.Api;

/// <summary>/api/v1/systems and /api/v1/information-sets: the register, with the same handlers and checks as the pages.</summary>
internal static class RegisterApi
{
    public static void MapRegisterApi(this RouteGroupBuilder api)
    {
        var systems = api.MapGroup("/systems");
        systems.MapGet("/", ListSystemsAsync).RequirePermission(Permissions.SystemsRead).WithName("ListSystems").SortableBy(SystemQueries.Sorts)
            .Produces<PagedResponse<SystemRow>>().ProducesValidationProblem()
            .WithSummary("List information systems")
            .WithDescription("The register of information systems, paged. Filter by name (q), unit (unit id), owner (person id), need (at least this level on some aspect) and gap (NoOwner, Unclassified). The protection need (K-R-T-S) is given only to callers with classifications.read.");
        systems.MapGet("/export", ExportSystemsAsync).RequirePermission(Permissions.SystemsRead).WithName("ExportSystems")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").ProducesValidationProblem()
            .WithSummary("Export information systems (.xlsx or .csv)")
            .WithDescription("The whole list with the same filters and sort as the list (format=xlsx, the default, or csv: UTF-8 with BOM, semicolon separated). Text beginning with =, +, -, @, tab or carriage return is prefixed with an apostrophe. Recorded in the audit trail as one export event with the query and the row count.");
        systems.MapGet("/{id:guid}", GetSystemAsync).RequirePermission(Permissions.SystemsRead).WithName("GetSystem")
            .Produces<SystemDetails>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get an information system")
            .WithDescription("One system with its owner and the history of owner appointments, its dependencies, the sets it holds and (with classifications.read) its protection need.");
        systems.MapPost("/", CreateSystemAsync).RequirePermission(Permissions.SystemsManage).WithName("CreateSystem")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Register an information system")
            .WithDescription("Needs systems.manage for the whole organisation. dependsOn lists the ids of the systems it depends on.");
        systems.MapPut("/{id:guid}", UpdateSystemAsync).RequirePermission(Permissions.SystemsManage).WithName("UpdateSystem")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Change an information system")
            .WithDescription("Needs systems.manage covering the system (its owner has it). dependsOn replaces the list. Send the version you read: a changed record gives 409.");
        systems.MapPost("/{id:guid}/owner", AppointOwnerAsync).RequirePermission(Permissions.SystemsRead).WithName("AppointSystemOwner")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Appoint the owner of a system")
            .WithDescription("Only the municipal director or a person the director has delegated it to (403 otherwise). Records the decision reference and the first day (default today); the current owner's appointment ends the day before and stays as history.");

        var sets = api.MapGroup("/information-sets");
        sets.MapGet("/", ListSetsAsync).RequirePermission(Permissions.SystemsRead).WithName("ListInformationSets").SortableBy(InformationSetQueries.Sorts)
            .Produces<PagedResponse<SetRow>>().ProducesValidationProblem()
            .WithSummary("List information sets")
            .WithDescription("The register of information sets, paged. Filter by name (q), owning unit (unit), a system that holds it (system) and, with classifications.read, state (Never, Valid, Stale). Classification columns are empty without classifications.read; with it, the list is recorded in the audit trail.");
        sets.MapGet("/export", ExportSetsAsync).RequirePermission(Permissions.SystemsRead).WithName("ExportInformationSets")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").ProducesValidationProblem()
            .WithSummary("Export information sets (.xlsx or .csv)")
            .WithDescription("The whole list with the same filters and sort as the list (format=xlsx or csv). Classification columns only with classifications.read. Recorded in the audit trail as one export event.");
        sets.MapGet("/{id:guid}", GetSetAsync).RequirePermission(Permissions.SystemsRead).WithName("GetInformationSet")
            .Produces<SetDetails>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get an information set")
            .WithDescription("One set with the systems that hold it and, with classifications.read, its current classification and history (the read is recorded in the audit trail first).");
        sets.MapPost("/", CreateSetAsync).RequirePermission(Permissions.SystemsManage).WithName("CreateInformationSet")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Register an information set")
            .WithDescription("Needs systems.manage for the whole organisation. systems lists the ids of the systems that hold it.");
        sets.MapPut("/{id:guid}", UpdateSetAsync).RequirePermission(Permissions.SystemsManage).WithName("UpdateInformationSet")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Change an information set")
            .WithDescription("Needs systems.manage for the organisation or for a system that holds the set. systems replaces the list; the protection need of the systems concerned is recomputed. Send the version you read.");
        sets.MapPost("/{id:guid}/classifications", ClassifyAsync).RequirePermission(Permissions.ClassificationsManage).WithName("ClassifyInformationSet")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Classify an information set")
            .WithDescription("A level 0-4 and a motivation for each aspect, participants, the date (default today) and valid-until (default the organisation's months, 12). The signed-in system owner approves it; only the owner of a system that holds the set may. currentId names the current classification you saw (null for none): another one recorded meanwhile gives 409.");
    }

    private static async Task<IResult> ListSystemsAsync(
        SystemQueries queries, IStringLocalizer<SharedResource> l, string? q, Guid? unit, Guid? owner, ConsequenceLevel? need, SystemGap? gap, int? page, int? pageSize, string? sort, bool? desc, CancellationToken cancellationToken)
    {
        if (!SystemQueries.Sorts.IsAllowed(sort))
        {
            return PeopleApi.SortRefused(l, SystemQueries.Sorts.Names);
        }

        var result = await queries.ListAsync(new SystemFilter(q, unit, owner, need, gap), new ListParameters(page, pageSize, sort, desc).ToRequest(), cancellationToken);
        return TypedResults.Ok(new PagedResponse<SystemRow>(result.Items, result.Total, result.Page, result.Size, result.Sort, result.Descending));
    }

    private static async Task<IResult> ExportSystemsAsync(
        RegisterExportQueries exports, IStringLocalizer<SharedResource> l, string? q, Guid? unit, Guid? owner, ConsequenceLevel? need, SystemGap? gap, string? sort, bool? desc, string? format, CancellationToken cancellationToken)
    {
        if (!SystemQueries.Sorts.IsAllowed(sort))
        {
            return PeopleApi.SortRefused(l, SystemQueries.Sorts.Names);
        }

        if (!TableExport.TryParseFormat(format, out var parsed))
        {
            return FormatRefused(l);
        }

        var file = await exports.SystemsAsync(new SystemFilter(q, unit, owner, need, gap), sort, desc ?? false, parsed, cancellationToken);
        return TypedResults.Stream(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<IResult> ExportSetsAsync(
        RegisterExportQueries exports, IStringLocalizer<SharedResource> l, string? q, Guid? unit, Guid? system, ClassificationState? state, string? sort, bool? desc, string? format, CancellationToken cancellationToken)
    {
        if (!InformationSetQueries.Sorts.IsAllowed(sort))
        {
            return PeopleApi.SortRefused(l, InformationSetQueries.Sorts.Names);
        }

        if (!TableExport.TryParseFormat(format, out var parsed))
        {
            return FormatRefused(l);
        }

        var file = await exports.SetsAsync(new SetFilter(q, unit, system, state), sort, desc ?? false, parsed, cancellationToken);
        return TypedResults.Stream(file.Content, file.ContentType, file.FileName);
    }

    internal static IResult FormatRefused(IStringLocalizer<SharedResource> l) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [l["Export.FormatUnknown"]] }, title: l["Validation.Title"]);

    private static async Task<IResult> GetSystemAsync(Guid id, SystemQueries queries, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        return outcome.IsOk ? TypedResults.Ok(outcome.Value) : outcome.ToProblem(l);
    }

    private static async Task<IResult> CreateSystemAsync(SaveSystem.Command body, SaveSystem save, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await save.CreateAsync(body, cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/v1/systems/{outcome.Value}", new { id = outcome.Value }) : outcome.ToProblem(l);
    }

    private static async Task<IResult> UpdateSystemAsync(Guid id, SaveSystem.Command body, SaveSystem save, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await save.UpdateAsync(id, body, cancellationToken);
        return outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem(l);
    }

    private static async Task<IResult> AppointOwnerAsync(Guid id, AppointSystemOwner.Command body, AppointSystemOwner appoint, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await appoint.HandleAsync(id, body, cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/v1/role-assignments/{outcome.Value}", new { id = outcome.Value }) : outcome.ToProblem(l);
    }

    private static async Task<IResult> ListSetsAsync(
        InformationSetQueries queries, IStringLocalizer<SharedResource> l, string? q, Guid? unit, Guid? system, ClassificationState? state, int? page, int? pageSize, string? sort, bool? desc, CancellationToken cancellationToken)
    {
        if (!InformationSetQueries.Sorts.IsAllowed(sort))
        {
            return PeopleApi.SortRefused(l, InformationSetQueries.Sorts.Names);
        }

        var result = await queries.ListAsync(new SetFilter(q, unit, system, state), new ListParameters(page, pageSize, sort, desc).ToRequest(), cancellationToken);
        return TypedResults.Ok(new PagedResponse<SetRow>(result.Items, result.Total, result.Page, result.Size, result.Sort, result.Descending));
    }

    private static async Task<IResult> GetSetAsync(Guid id, InformationSetQueries queries, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        return outcome.IsOk ? TypedResults.Ok(outcome.Value) : outcome.ToProblem(l);
    }

    private static async Task<IResult> CreateSetAsync(SaveInformationSet.Command body, SaveInformationSet save, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await save.CreateAsync(body, cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/v1/information-sets/{outcome.Value}", new { id = outcome.Value }) : outcome.ToProblem(l);
    }

    private static async Task<IResult> UpdateSetAsync(Guid id, SaveInformationSet.Command body, SaveInformationSet save, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await save.UpdateAsync(id, body, cancellationToken);
        return outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem(l);
    }

    private static async Task<IResult> ClassifyAsync(Guid id, ClassifySet.Command body, ClassifySet classify, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await classify.HandleAsync(id, body, cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/v1/information-sets/{id}", new { id = outcome.Value }) : outcome.ToProblem(l);
    }
}
