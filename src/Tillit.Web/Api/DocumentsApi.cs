using Microsoft.Extensions.Localization;
using Tillit.Domain.Documents;
using Tillit.Web.Features;
using Tillit.Web.Features.Documents;
using Tillit.Web.Infrastructure;
using Tillit.Web.Security;

namespace Tillit.Web.Api;

/// <summary>/api/v1/documents: the library, versions, drafts and decisions; the same handlers and checks as the pages.</summary>
internal static class DocumentsApi
{
    public sealed record VersionResponse(Guid DocumentId, string Title, DocumentType Type, VersionView Version);

    public sealed record DiffResponse(int From, int To, IReadOnlyList<DiffSegment> Segments);

    public static void MapDocumentsApi(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/documents");
        documents.MapGet("/", ListAsync).RequirePermission(Permissions.DocumentsRead).WithName("ListDocuments").SortableBy(DocumentQueries.Sorts)
            .Produces<PagedResponse<DocumentRow>>().ProducesValidationProblem()
            .WithSummary("List current governing documents")
            .WithDescription("The library: documents with a current version, paged. Search by title (q), filter by type and unit (unit id; includes its sub-units).");
        documents.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.DocumentsRead).WithName("GetDocument")
            .Produces<DocumentDetails>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get a governing document")
            .WithDescription("The document with its current version's text and decision record and its version history. Drafts appear in the history only for those who may read drafts; their text is never part of this answer.");
        documents.MapGet("/{id:guid}/versions/{versionId:guid}", GetVersionAsync).RequirePermission(Permissions.DocumentsRead).WithName("GetDocumentVersion")
            .Produces<VersionResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Get one version with its text")
            .WithDescription("Decided versions (current, superseded, revoked) for everyone. A draft or a version for decision only for writers, draft readers and those who may decide the type (403 otherwise); each such read is recorded in the audit trail.");
        documents.MapGet("/{id:guid}/versions/{versionId:guid}/pdf", GetPdfAsync).RequirePermission(Permissions.DocumentsRead).WithName("GetDocumentVersionPdf")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Get one version as PDF")
            .WithDescription("The version as a tagged PDF (title, decision record, text), with the same access and read audit as the version itself.");
        documents.MapGet("/{id:guid}/diff", DiffAsync).RequirePermission(Permissions.DocumentsRead).WithName("DiffDocumentVersions")
            .Produces<DiffResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Compare two versions")
            .WithDescription("Added, removed and unchanged runs of text between version numbers from and to.");
        documents.MapPost("/", CreateAsync).RequirePermission(Permissions.DocumentsWrite).WithName("CreateDocument")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Create a governing document")
            .WithDescription("Creates a document with its first draft: type, title, owner (e-mail of a person), parent, unit (local documents must sit under a central parent), review interval in months, Markdown text.");
        documents.MapPut("/{id:guid}/draft", SaveDraftAsync).RequireAuthorization(Policies.SignedIn).WithName("SaveDocumentDraft")
            .Produces<Guid>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Save the draft")
            .WithDescription("Changes the document's details and its open draft; with no draft open, starts a new version. Writers and the document's owner. Send the document's version, and the draft's id and version when one is open: a change by someone else gives 409.");
        documents.MapPost("/{id:guid}/versions/{versionId:guid}/submit", SubmitAsync).RequireAuthorization(Policies.SignedIn).WithName("SubmitDocumentVersion")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Send a draft for decision")
            .WithDescription("Moves a draft to 'för beslut'. Any other move is refused with a field error.");
        documents.MapPost("/{id:guid}/versions/{versionId:guid}/decide", DecideAsync).RequireAuthorization(Policies.SignedIn).WithName("DecideDocumentVersion")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Record the decision that makes a version current")
            .WithDescription("Policy and program: the board's decision, entered by the security officer or a recorded board secretary (paragraph required). Guideline, instruction, action plan, routine: the municipal director or a recorded delegate. Anyone else gets 403. The previous current version becomes superseded; a major change starts a new acknowledgement round.");
    }

    private static async Task<IResult> ListAsync(
        DocumentQueries queries, IStringLocalizer<SharedResource> l, string? q, DocumentType? type, Guid? unit, int? page, int? pageSize, string? sort, bool? desc, CancellationToken cancellationToken)
    {
        if (!DocumentQueries.Sorts.IsAllowed(sort))
        {
            return PeopleApi.SortRefused(l, DocumentQueries.Sorts.Names);
        }

        var result = await queries.ListAsync(q, type, unit, new ListParameters(page, pageSize, sort, desc).ToRequest(), cancellationToken);
        return TypedResults.Ok(new PagedResponse<DocumentRow>(result.Items, result.Total, result.Page, result.Size, result.Sort, result.Descending));
    }

    private static async Task<IResult> GetAsync(Guid id, DocumentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        return outcome.IsOk ? TypedResults.Ok(outcome.Value) : outcome.ToProblem(l);
    }

    private static async Task<IResult> GetVersionAsync(Guid id, Guid versionId, DocumentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetVersionAsync(id, versionId, cancellationToken);
        return outcome.IsOk
            ? TypedResults.Ok(new VersionResponse(outcome.Value.Document.Id, outcome.Value.Document.Title, outcome.Value.Document.Type, outcome.Value.Version))
            : outcome.ToProblem(l);
    }

    private static async Task<IResult> GetPdfAsync(Guid id, Guid versionId, DocumentPdfQueries pdfs, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await pdfs.GetAsync(id, versionId, cancellationToken);
        return outcome.IsOk ? TypedResults.File(outcome.Value!.Content, "application/pdf", outcome.Value.FileName) : outcome.ToProblem(l);
    }

    private static async Task<IResult> DiffAsync(Guid id, int? from, int? to, DocumentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var document = await queries.GetAsync(id, cancellationToken);
        if (!document.IsOk)
        {
            return document.ToProblem(l);
        }

        if (from is null || to is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [from is null ? "from" : "to"] = [l["Validation.Required"]] }, title: l["Validation.Title"]);
        }

        var outcome = await queries.CompareAsync(id, from.Value, to.Value, cancellationToken);
        return outcome.IsOk
            ? TypedResults.Ok(new DiffResponse(from.Value, to.Value, TextDiff.Compare(outcome.Value.From.Markdown, outcome.Value.To.Markdown)))
            : outcome.ToProblem(l);
    }

    private static async Task<IResult> CreateAsync(DocumentWork.CreateCommand body, DocumentWork work, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await work.CreateAsync(body, cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/v1/documents/{outcome.Value}", new { id = outcome.Value }) : outcome.ToProblem(l);
    }

    private static async Task<IResult> SaveDraftAsync(Guid id, DocumentWork.DraftCommand body, DocumentWork work, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await work.UpdateAsync(id, body, cancellationToken);
        return outcome.IsOk ? TypedResults.Ok(new { versionId = outcome.Value }) : outcome.ToProblem(l);
    }

    private static async Task<IResult> SubmitAsync(Guid id, Guid versionId, DocumentWork.MoveCommand body, DocumentWork work, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await work.SubmitAsync(id, versionId, body, cancellationToken);
        return outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem(l);
    }

    private static async Task<IResult> DecideAsync(Guid id, Guid versionId, DocumentWork.DecideCommand body, DocumentWork work, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await work.DecideAsync(id, versionId, body, cancellationToken);
        return outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem(l);
    }
}
