using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Infrastructure;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Documents;

/// <summary>What changed between two versions of a document (/documents/{id}/diff?from=1&amp;to=2), inline.</summary>
[RequirePermission(Permissions.DocumentsRead)]
public sealed class DiffModel(DocumentQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    public DocumentDetails Document { get; private set; } = default!;

    public VersionView? Older { get; private set; }

    public VersionView? Newer { get; private set; }

    public IReadOnlyList<DiffSegment> Segments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var details = await queries.GetAsync(id, cancellationToken);
        if (this.ToPageResult(details, l) is { } missing)
        {
            return missing;
        }

        Document = details.Value!;
        From ??= Document.Versions.Count > 1 ? Document.Versions[1].Number : null;
        To ??= Document.Versions.Count > 0 ? Document.Versions[0].Number : null;
        if (From is not { } from || To is not { } to)
        {
            return Page();
        }

        var outcome = await queries.CompareAsync(Document, from, to, cancellationToken);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            ModelState.AddModelError(string.Empty, l["Document.VersionUnknown"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        (_, Older, Newer) = outcome.Value;
        Segments = TextDiff.Compare(Older.Markdown, Newer.Markdown);
        return Page();
    }
}
