using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Measures;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Measures;

/// <summary>
/// A measure (/measures/{id}): what, where from, who, by when, evidence and verification, and the buttons that move
/// it along. Open to measures.read and to the measure's owner (the query decides; 403 for everyone else).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DetailsModel(MeasureQueries queries, MeasureAccess access, ChangeMeasureStatus change, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ChangeMeasureStatus.Command Input { get; set; } = new(null, null, null, null);

    public MeasureDetails Measure { get; private set; } = default!;

    public bool Manages { get; private set; }

    public bool Owns { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await change.HandleAsync(id, Input, cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } invalid)
        {
            return invalid;
        }

        TempData["Flash"] = l["Measure.StatusChanged"].Value;
        return Redirect($"/measures/{id}");
    }

    /// <summary>The moves this reader may make from the measure's status.</summary>
    public IEnumerable<MeasureAction> Moves()
    {
        var s = Measure.Status;
        if ((Manages || Owns) && s == MeasureStatus.Planned)
        {
            yield return MeasureAction.Start;
        }

        if ((Manages || Owns) && s is MeasureStatus.Planned or MeasureStatus.InProgress)
        {
            yield return MeasureAction.Complete;
        }

        if (Manages && s == MeasureStatus.Done)
        {
            yield return MeasureAction.Reopen;
            if (!Owns)
            {
                yield return MeasureAction.Verify;
            }
        }

        if (Manages && s is not MeasureStatus.Verified and not MeasureStatus.Cancelled)
        {
            yield return MeasureAction.Cancel;
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Measure = outcome.Value!;
        Manages = await access.MayManageAsync(Measure.SystemId, cancellationToken);
        Owns = user.PersonId == Measure.OwnerId;
        return null;
    }
}
