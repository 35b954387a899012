using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Infrastructure;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Documents;

/// <summary>
/// One version of a document as a readable page: a decided version for everyone (a superseded one
/// marked as such), a draft or a version for decision only for those who may see drafts (read
/// audited). Moves: send for decision, send back to draft.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class VersionModel(DocumentQueries queries, DocumentWork work, AcknowledgementWork acknowledgements, MarkdownRenderer markdown, IStringLocalizer<SharedResource> l) : PageModel
{
    public DocumentDetails Document { get; private set; } = default!;

    public VersionView Shown { get; private set; } = default!;

    public HtmlString Html { get; private set; } = HtmlString.Empty;

    /// <summary>When the reader confirmed this version, if they have.</summary>
    public DateTime? ConfirmedUtc { get; private set; }

    [BindProperty]
    public DocumentWork.MoveCommand Input { get; set; } = new(null);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid versionId, CancellationToken cancellationToken) =>
        await LoadAsync(id, versionId, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostSubmitAsync(Guid id, Guid versionId, CancellationToken cancellationToken) =>
        MoveAsync(id, versionId, work.SubmitAsync, "Document.Submitted", cancellationToken);

    /// <summary>The reader confirms that they have read this (current) version.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(Guid id, Guid versionId, CancellationToken cancellationToken)
    {
        var outcome = await acknowledgements.HandleAsync(id, versionId, cancellationToken);
        if (outcome.Kind is OutcomeKind.NotFound or OutcomeKind.Forbidden)
        {
            return this.ToPageResult(outcome, l)!;
        }

        // A version that stopped being current meanwhile: nothing is saved, the reader is told why.
        TempData["Flash"] = outcome.IsOk ? l["Acknowledgement.Done"].Value : l[outcome.Errors[0].MessageKey].Value;
        return Redirect($"/documents/{id}/versions/{versionId}");
    }

    public Task<IActionResult> OnPostReturnAsync(Guid id, Guid versionId, CancellationToken cancellationToken) =>
        MoveAsync(id, versionId, work.ReturnAsync, "Document.Returned", cancellationToken);

    private async Task<IActionResult> MoveAsync(
        Guid id, Guid versionId, Func<Guid, Guid, DocumentWork.MoveCommand, CancellationToken, Task<Outcome<Guid>>> move, string done, CancellationToken cancellationToken)
    {
        var outcome = await move(id, versionId, Input, cancellationToken);
        if (outcome.Kind is OutcomeKind.NotFound or OutcomeKind.Forbidden)
        {
            return this.ToPageResult(outcome, l)!;
        }

        if (outcome.IsOk)
        {
            TempData["Flash"] = l[done].Value;
            return Redirect($"/documents/{id}/versions/{versionId}");
        }

        if (await LoadAsync(id, versionId, cancellationToken) is { } refused)
        {
            return refused;
        }

        return this.ToPageResult(outcome, l, nameof(Input))!;
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid versionId, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetVersionAsync(id, versionId, cancellationToken);
        if (outcome.Kind is OutcomeKind.NotFound or OutcomeKind.Forbidden)
        {
            return outcome.Kind == OutcomeKind.NotFound ? NotFound() : Forbid();
        }

        (Document, Shown) = outcome.Value;
        Html = markdown.Render(Shown.Markdown, Document.Title);
        ConfirmedUtc = await queries.ConfirmedAsync(Shown.Id, cancellationToken);
        return null;
    }
}
