using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Infrastructure;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Documents;

/// <summary>One governing document: the text of its current version, the decision behind it, its history.</summary>
[RequirePermission(Permissions.DocumentsRead)]
public sealed class DetailsModel(DocumentQueries queries, DocumentWork work, MarkdownRenderer markdown, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public int? Version { get; set; }

    public DocumentDetails Document { get; private set; } = default!;

    public HtmlString Html { get; private set; } = HtmlString.Empty;

    public DateOnly Today { get; private set; }

    public DateTime? ConfirmedUtc { get; private set; }

    public bool CanAskForConfirmation { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Document = outcome.Value!;
        Html = markdown.Render(Document.Current?.Markdown, Document.Title);
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        ConfirmedUtc = Document.Current is { } current ? await queries.ConfirmedAsync(current.Id, cancellationToken) : null;
        CanAskForConfirmation = await user.HasOrganisationWideAsync(Permissions.DocumentsCampaigns, cancellationToken);
        return Page();
    }

    /// <summary>The owner records the review: the next review date moves a full interval on.</summary>
    public async Task<IActionResult> OnPostReviewedAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await work.MarkReviewedAsync(id, new DocumentWork.MoveCommand(Version), cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            // A refused move (a conflict, a rule) shows the page again with the message; 404 and 403 stay as they are.
            return refused is PageResult ? await OnGetAsync(id, cancellationToken) : refused;
        }

        TempData["Flash"] = l["Document.Reviewed"].Value;
        return Redirect($"/documents/{id}");
    }
}
