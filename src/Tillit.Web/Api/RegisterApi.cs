using Microsoft.Extensions.Localization;
using Tillit.Domain.Register;
using Tillit.Web.Features;
using Tillit.Web.Features.InformationSets;
using Tillit.Web.Features.Shared.Export;
using Tillit.Web.Features.Shared.Import;
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
            .WithDescription("The register of information systems, paged. Filter by name (q), unit (unit id), owner (person id), need (at least this level on some aspect) and gap (NoOwner, Unclassified, ImportantUnassessed, NoDataProcessingAgreement). The protection need (K-R-T-S) is given only to callers with classifications.read.");
        systems.MapGet("/export", ExportSystemsAsync).RequirePermission(Permissions.SystemsRead).WithName("ExportSystems")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").ProducesValidationProblem()
            .WithSummary("Export information systems (.xlsx or .csv)")
            .WithDescription("The whole list with the same filters and sort as the list (format=xlsx, the default, or csv: UTF-8 with BOM, semicolon separated). Text beginning with =, +, -, @, tab or carriage return is prefixed with an apostrophe. Recorded in the audit trail as one export event with the query and the row count.");
        systems.MapPost("/import", ImportSystemsAsync).RequirePermission(Permissions.SystemsManage).WithName("ImportSystems")
            .Produces<ImportResult<SystemImportField>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Import information systems from .xlsx or .csv")
            .WithDescription("multipart/form-data with file (.xlsx, or .csv in UTF-8 or Windows-1252, separated by ; , or tab; at most 20 MB and 50,000 rows) and optionally mapping, a JSON object from field (name, purpose, unit, form, important, hosting, lifecycle, supplier) to the column's header; without it the columns are guessed from Swedish and English header names. mode=validate (default) only checks; mode=commit writes, in one transaction, only when every row is valid, or with validOnly=true the valid rows. Row and column errors come back as a validation problem (errors keyed rows[N].Column, and importErrors listing row, column and message); nothing is written then. Needs systems.manage for the whole organisation.");
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
        sets.MapPost("/import", ImportSetsAsync).RequirePermission(Permissions.SystemsManage).WithName("ImportInformationSets")
            .Produces<ImportResult<SetImportField>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Import information sets from .xlsx or .csv")
            .WithDescription("As the systems import: multipart/form-data with file (.xlsx or .csv, at most 20 MB and 50,000 rows) and optionally mapping, a JSON object from field (name, description, unit, systems, personalData, sensitivePersonalData, secrecyReference, protectiveSecurity) to the column's header; without it the columns are guessed from Swedish and English header names. The unit and the systems that hold a set are named (several systems separated by ;); personalData takes the choice or yes/no. No classification is imported. mode=validate (default) only checks; mode=commit writes every set and its holdings, each with its create event in the audit trail, in one transaction, only when every row is valid, or with validOnly=true the valid rows. Row and column errors come back as a validation problem (errors keyed rows[N].Column, and importErrors); nothing is written then. Needs systems.manage for the whole organisation.");
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

    private static Task<IResult> ImportSystemsAsync(HttpRequest request, ImportSystems import, IStringLocalizer<SharedResource> l, string? mode, bool? validOnly, CancellationToken cancellationToken) =>
        ImportAsync<SystemImportField>(request, import.HandleAsync, l, mode, validOnly, cancellationToken);

    private static Task<IResult> ImportSetsAsync(HttpRequest request, ImportInformationSets import, IStringLocalizer<SharedResource> l, string? mode, bool? validOnly, CancellationToken cancellationToken) =>
        ImportAsync<SetImportField>(request, (table, mapping, commit, only, ct, _) => import.HandleAsync(table, mapping, commit, only, ct), l, mode, validOnly, cancellationToken);

    /// <summary>
    /// An import endpoint's steps whatever it imports: the mode, the file (present, within the size limit, a
    /// spreadsheet), the optional mapping from field name to header, then the handler; row and column errors as a
    /// validation problem (nothing written).
    /// </summary>
    private static async Task<IResult> ImportAsync<TField>(
        HttpRequest request,
        Func<SheetTable, IReadOnlyDictionary<TField, int>?, bool, bool, CancellationToken, IProgress<int>?, Task<Outcome<ImportResult<TField>>>> handle,
        IStringLocalizer<SharedResource> l,
        string? mode,
        bool? validOnly,
        CancellationToken cancellationToken)
        where TField : struct, Enum
    {
        if (mode is not (null or "validate" or "commit"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["mode"] = [l["Import.ModeUnknown"]] }, title: l["Validation.Title"]);
        }

        if (!request.HasFormContentType)
        {
            return FileRefused(l, "Import.NoFile");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (form.Files.GetFile("file") is not { } file)
        {
            return FileRefused(l, "Import.NoFile");
        }

        if (file.Length > SpreadsheetReader.MaxUploadBytes)
        {
            return FileRefused(l, "Import.TooLarge", SpreadsheetReader.MaxUploadBytes / (1024 * 1024));
        }

        SheetTable table;
        try
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            table = SpreadsheetReader.Read(buffer);
        }
        catch (SpreadsheetRefusedException refused)
        {
            return FileRefused(l, refused.Key, [.. refused.Arguments]);
        }

        Dictionary<TField, int>? mapping = null;
        if (form["mapping"].ToString() is { Length: > 0 } json)
        {
            mapping = [];
            try
            {
                foreach (var (field, header) in System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [])
                {
                    var column = table.Headers.ToList().FindIndex(h => string.Equals(h, header, StringComparison.OrdinalIgnoreCase));
                    if (!Enum.TryParse<TField>(field, ignoreCase: true, out var parsed) || column < 0)
                    {
                        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["mapping"] = [l["Import.MappingUnknown", field, header]] }, title: l["Validation.Title"]);
                    }

                    mapping[parsed] = column;
                }
            }
            catch (System.Text.Json.JsonException)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["mapping"] = [l["Import.MappingInvalid"]] }, title: l["Validation.Title"]);
            }
        }

        var outcome = await handle(table, mapping, mode == "commit", validOnly ?? false, cancellationToken, null);
        if (!outcome.IsOk)
        {
            return outcome.ToProblem(l);
        }

        var result = outcome.Value!;
        if (result.ErrorCount > 0 && !result.Written)
        {
            var errors = result.Errors.GroupBy(e => e.Row == 0 ? $"mapping.{e.Column}" : $"rows[{e.Row}].{e.Column}").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
            return TypedResults.ValidationProblem(errors, title: l["Import.HasErrors", result.ErrorCount], extensions: new Dictionary<string, object?>
            {
                ["rows"] = result.Rows,
                ["validRows"] = result.ValidRows,
                ["errorCount"] = result.ErrorCount,
                ["importErrors"] = result.Errors,
            });
        }

        return TypedResults.Ok(result);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem FileRefused(IStringLocalizer<SharedResource> l, string key, params object[] args) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [l[key, args]] }, title: l["Validation.Title"]);

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
