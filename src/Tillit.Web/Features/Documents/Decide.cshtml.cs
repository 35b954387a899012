using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Documents;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Documents;

/// <summary>
/// Records the decision that makes a version current (/documents/{id}/versions/{versionId}/decide):
/// the board's decision entered from the minutes, or the director's (or a delegate's) own. Who may
/// follows the document's type; everyone else gets 403.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DecideModel(DocumentQueries queries, DocumentWork work, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public DocumentWork.DecideCommand Input { get; set; } = new(null, null, null, null, null, true, null);

    public DocumentDetails Document { get; private set; } = default!;

    public VersionView Shown { get; private set; } = default!;

    public DecisionAuthority Authority => DocumentAuthority.For(Document.Type);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid versionId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, versionId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Input = new DocumentWork.DecideCommand(
            Authority == DecisionAuthority.Board ? l["Authority.BoardName"].Value : l["Authority.DirectorName"].Value, today, null, null, today, true, Shown.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid versionId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, versionId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = ModelState.IsValid ? await work.DecideAsync(id, versionId, Input, cancellationToken) : null;
        if (outcome is null || this.ToPageResult(outcome, l, nameof(Input)) is { } invalid)
        {
            Response.StatusCode = outcome?.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Flash"] = l["Document.Decided"].Value;
        return Redirect($"/documents/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid versionId, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetVersionAsync(id, versionId, cancellationToken);
        if (outcome.Kind is OutcomeKind.NotFound or OutcomeKind.Forbidden)
        {
            return outcome.Kind == OutcomeKind.NotFound ? NotFound() : Forbid();
        }

        (Document, Shown) = outcome.Value;
        return Document.CanDecide ? null : Forbid();
    }
}
