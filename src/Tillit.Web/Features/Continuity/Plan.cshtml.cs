using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Continuity;

/// <summary>
/// The continuity plan of a system (/continuity/systems/{id}): read by those with continuity.read for it, the read
/// in the trail; those who may write it get the form below, a new plan starting from the objectives suggested by the
/// system's availability level.
/// </summary>
[RequirePermission(Permissions.ContinuityRead)]
public sealed class PlanModel(ContinuityQueries queries, SaveContinuityPlan save, Data.TillitDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SaveContinuityPlan.Command Input { get; set; } = new(null, null, null, null, null, null, null, null);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public ContinuityPlanDetails Plan { get; private set; } = default!;

    public bool MayEdit { get; private set; }

    public IReadOnlyList<SelectListItem> PersonChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var p = Plan;
        var objectives = p.Objectives ?? p.Suggested;
        Input = new SaveContinuityPlan.Command(objectives.MaxDowntimeHours, objectives.RecoveryTimeHours, objectives.RecoveryPointHours, p.FallbackRoutines, p.Contacts, p.Dependencies, p.ResponsibleId, p.NextReview, p.Id is null ? null : p.Version);
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, cancellationToken) ?? await WithChoicesAsync(cancellationToken);
        }

        var outcome = await save.HandleAsync(id, Input, cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } refused)
        {
            return await LoadAsync(id, cancellationToken) is { } notFound ? notFound : await WithChoicesAsync(cancellationToken, refused);
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/continuity/systems/{id}");
    }

    private async Task<IActionResult> WithChoicesAsync(CancellationToken cancellationToken, IActionResult? result = null)
    {
        await LoadChoicesAsync(cancellationToken);
        return result ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.ForSystemAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Plan = outcome.Value!;
        MayEdit = await queries.MayAsync(Permissions.ContinuityManage, id, cancellationToken);
        return null;
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken) =>
        PersonChoices = await Shared.PersonChoices.FindAsync(db, Q, Input.ResponsibleId, l["Common.NotGiven"], cancellationToken);
}
