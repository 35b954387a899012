using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Documents;

/// <summary>
/// Changes a document's details and its draft (/documents/{id}/edit); with no draft open, saving
/// starts a new version from the current text. Writers and the document's owner (checked per record).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class EditModel(DocumentWork work, DocumentQueries queries, DocumentChoices choices, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public DocumentWork.DraftCommand Input { get; set; } = new(null, null, null, null, null, null, null, null, null);

    public DocumentDetails Document { get; private set; } = default!;

    public DocumentChoices.Lists Choices { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Document = outcome.Value!;
        if (!Document.CanWrite)
        {
            return Forbid();
        }

        // The text to edit: the open draft (a protected read) or, for a new version, the current text.
        var text = Document.Current?.Markdown;
        Guid? versionId = null;
        int? versionVersion = null;
        if (Document.Open is { } open)
        {
            if (open.Status != Domain.Documents.DocumentStatus.Draft)
            {
                TempData["Flash"] = l["Document.ForDecisionNoEdit"].Value;
                return Redirect($"/documents/{id}/versions/{open.Id}");
            }

            var draft = await queries.GetVersionAsync(id, open.Id, cancellationToken);
            text = draft.Value.Version.Markdown;
            versionId = open.Id;
            versionVersion = draft.Value.Version.Version;
        }

        Input = new DocumentWork.DraftCommand(Document.Title, Document.OwnerEmail, Document.ParentId, Document.UnitId, Document.ReviewIntervalMonths, text, Document.Version, versionId, versionVersion);
        Choices = await choices.LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var details = await queries.GetAsync(id, cancellationToken);
        if (this.ToPageResult(details, l) is { } missing)
        {
            return missing;
        }

        Document = details.Value!;
        var outcome = ModelState.IsValid ? await work.UpdateAsync(id, Input, cancellationToken) : null;
        if (outcome is null || this.ToPageResult(outcome, l, nameof(Input)) is { } refused)
        {
            if (outcome?.Kind is OutcomeKind.Forbidden or OutcomeKind.NotFound)
            {
                return this.ToPageResult(outcome, l)!;
            }

            Response.StatusCode = outcome?.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            Choices = await choices.LoadAsync(id, cancellationToken);
            return Page();
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/documents/{id}/versions/{outcome.Value}");
    }
}
