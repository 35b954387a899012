using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Goals;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Goals;

/// <summary>Changes a yearly goal and records its follow-up (/goals/{id}/edit).</summary>
[RequirePermission(Permissions.GoalsManage)]
public sealed class EditModel(GoalWork work, GoalFormQueries form, GoalQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public GoalForm Input { get; set; } = new(null, null, null, null, null, null, null, null);

    [BindProperty]
    public GoalWork.FollowUpCommand FollowUp { get; set; } = new(null, null, null);

    public YearlyGoalRow Goal { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> IndicatorChoices { get; private set; } = [];

    public IReadOnlyList<SelectListItem> StatusChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input = new GoalForm(Goal.LongTermGoalId, Goal.Year, Goal.Title, Goal.Target, await form.EmailAsync(Goal.OwnerId, cancellationToken), Goal.IndicatorKey, Goal.TargetValue, Goal.Version);
        FollowUp = new GoalWork.FollowUpCommand(Goal.Status, Goal.FollowUp, Goal.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ModelState.Remove("FollowUp.Status");
        var owner = await form.OwnerAsync(Input.OwnerEmail, cancellationToken);
        var outcome = await work.UpdateAsync(Id, new GoalWork.Command(Goal.LongTermGoalId, Goal.Year, Input.Title, Input.Target, owner, Input.IndicatorKey, Input.TargetValue, Input.Version), cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } refused)
        {
            GoalPages.MoveOwnerError(ModelState);
            FollowUp = new GoalWork.FollowUpCommand(Goal.Status, Goal.FollowUp, Goal.Version);
            return refused;
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/goals?year={Goal.Year}");
    }

    public async Task<IActionResult> OnPostFollowUpAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var outcome = await work.FollowUpAsync(Id, FollowUp, cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(FollowUp)) is { } refused)
        {
            Input = new GoalForm(Goal.LongTermGoalId, Goal.Year, Goal.Title, Goal.Target, await form.EmailAsync(Goal.OwnerId, cancellationToken), Goal.IndicatorKey, Goal.TargetValue, Goal.Version);
            return refused;
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/goals?year={Goal.Year}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(Id, cancellationToken) is not { } goal)
        {
            return false;
        }

        Goal = goal;
        IndicatorChoices = form.IndicatorChoices();
        StatusChoices = [.. Enum.GetValues<YearlyGoalStatus>().Select(s => new SelectListItem(l["Goal_Status_" + s], s.ToString()))];
        return true;
    }
}
