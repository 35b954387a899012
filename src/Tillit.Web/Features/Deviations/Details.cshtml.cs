using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Documents;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Deviations;

/// <summary>
/// One deviation (/deviations/{id}) with the move its reader may make next: the security officer
/// assesses a requested one, the director decides an assessed one, the unit withdraws an open one,
/// the security officer or the director ends an approved one.
/// </summary>
[RequirePermission(Permissions.DeviationsRead)]
public sealed class DetailsModel(DeviationQueries queries, DeviationWork work, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public DeviationWork.AssessCommand Assess { get; set; } = new(null, null, null);

    [BindProperty]
    public DeviationWork.DecideCommand Decide { get; set; } = new(null, null, null, null);

    [BindProperty]
    public int? Version { get; set; }

    public DeviationDetails Deviation { get; private set; } = default!;

    public bool MayAssess { get; private set; }

    public bool MayDecide { get; private set; }

    public bool MayWithdraw { get; private set; }

    public bool MayEnd { get; private set; }

    public IReadOnlyList<SelectListItem> RecommendChoices { get; private set; } = [];

    public IReadOnlyList<SelectListItem> DecisionChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostAssessAsync(Guid id, CancellationToken cancellationToken) =>
        MoveAsync(id, nameof(Assess), () => work.AssessAsync(id, Assess, cancellationToken), "Deviation.Assessed", cancellationToken);

    public Task<IActionResult> OnPostDecideAsync(Guid id, CancellationToken cancellationToken) =>
        MoveAsync(id, nameof(Decide), () => work.DecideAsync(id, Decide, cancellationToken), "Deviation.Decided", cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken cancellationToken) =>
        MoveAsync(id, string.Empty, () => work.WithdrawAsync(id, new DeviationWork.VersionCommand(Version), cancellationToken), "Deviation.Withdrawn", cancellationToken);

    public Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken cancellationToken) =>
        MoveAsync(id, string.Empty, () => work.EndAsync(id, new DeviationWork.VersionCommand(Version), cancellationToken), "Deviation.EndedFlash", cancellationToken);

    private async Task<IActionResult> MoveAsync(Guid id, string prefix, Func<Task<Outcome<Guid>>> move, string flash, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, cancellationToken) ?? Page();
        }

        var outcome = await move();
        if (this.ToPageResult(outcome, l, prefix) is { } refused)
        {
            return await LoadAsync(id, cancellationToken) ?? refused;
        }

        TempData["Flash"] = l[flash].Value;
        return Redirect($"/deviations/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Deviation = outcome.Value!;
        var officer = (await user.UnitScopeAsync(Permissions.DeviationsAssess, cancellationToken)) is null;
        var director = (await user.UnitScopeAsync(Permissions.DeviationsDecide, cancellationToken)) is null;
        var open = Deviation.Status is DeviationStatus.Requested or DeviationStatus.Assessed;
        MayAssess = officer && Deviation.Status == DeviationStatus.Requested;
        MayDecide = director && Deviation.Status == DeviationStatus.Assessed;
        MayWithdraw = open && await queries.CoversAsync(Permissions.DeviationsRequest, Deviation.UnitId, cancellationToken);
        MayEnd = (officer || director) && Deviation.Status == DeviationStatus.Approved;
        RecommendChoices = [new SelectListItem(l["Common.Choose"], string.Empty), new SelectListItem(l["Deviation.Recommends"], "true"), new SelectListItem(l["Deviation.AdvisesAgainst"], "false")];
        DecisionChoices = [new SelectListItem(l["Common.Choose"], string.Empty), new SelectListItem(l["Deviation.Approve"], "true"), new SelectListItem(l["Deviation.Reject"], "false")];
        return null;
    }
}
