using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Infrastructure;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Documents;

/// <summary>One governing document: the text of its current version, the decision behind it, its history.</summary>
[RequirePermission(Permissions.DocumentsRead)]
public sealed class DetailsModel(DocumentQueries queries, MarkdownRenderer markdown, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
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
}
