using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Documents;

/// <summary>
/// Revokes (upphäver) a document (/documents/{id}/revoke): the same authority that decides its type
/// (the board's secretary or the security officer entering a board decision, the director or a
/// delegate). The current version ends; the history stays readable.
/// </summary>
[RequirePermission(Permissions.DocumentsRead)]
public sealed class RevokeModel(DocumentQueries queries, DocumentWork work, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public DocumentWork.RevokeCommand Input { get; set; } = new(null, null);

    public DocumentDetails Document { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Input = new DocumentWork.RevokeCommand(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), Document.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await work.RevokeAsync(id, Input, cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } invalid)
        {
            return invalid;
        }

        TempData["Flash"] = l["Document.Revoked"].Value;
        return Redirect($"/documents/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Document = outcome.Value!;
        return Document.CanDecide ? null : Forbid();
    }
}
