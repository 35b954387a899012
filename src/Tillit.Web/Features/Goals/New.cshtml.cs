using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Goals;

/// <summary>A new yearly goal under a long-term goal (/goals/new?year=).</summary>
[RequirePermission(Permissions.GoalsManage)]
public sealed class NewModel(GoalWork work, GoalFormQueries form, GoalQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public GoalForm Input { get; set; } = new(null, null, null, null, null, null, null, null);

    public IReadOnlyList<SelectListItem> LongTermChoices { get; private set; } = [];

    public IReadOnlyList<SelectListItem> IndicatorChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        Input = Input with { Year = year ?? queries.CurrentYear };
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var owner = await form.OwnerAsync(Input.OwnerEmail, cancellationToken);
        var outcome = await work.CreateAsync(new GoalWork.Command(Input.LongTermGoalId, Input.Year, Input.Title, Input.Target, owner, Input.IndicatorKey, Input.TargetValue), cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } refused)
        {
            GoalPages.MoveOwnerError(ModelState);
            return refused;
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/goals?year={Input.Year}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        LongTermChoices = await form.LongTermChoicesAsync(cancellationToken);
        IndicatorChoices = form.IndicatorChoices();
    }
}

internal static class GoalPages
{
    /// <summary>The handler names the owner by id; the form asks for an e-mail address, so the message goes there.</summary>
    public static void MoveOwnerError(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state)
    {
        var key = "Input." + nameof(GoalWork.Command.OwnerId);
        if (state.TryGetValue(key, out var entry))
        {
            foreach (var error in entry.Errors)
            {
                state.AddModelError("Input." + nameof(GoalForm.OwnerEmail), error.ErrorMessage);
            }

            state.Remove(key);
        }
    }
}
