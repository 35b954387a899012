using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Goals;

/// <summary>The long-term goals with one year's goals under them (/goals?year=); the security officer starts a year from the last one.</summary>
[RequirePermission(Permissions.GoalsRead)]
public sealed class IndexModel(GoalQueries queries, GoalWork work, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public GoalsOverview Overview { get; private set; } = default!;

    public bool MayManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Copies the shown year's goals into the next year.</summary>
    public async Task<IActionResult> OnPostCopyAsync(CancellationToken cancellationToken)
    {
        if (!await user.HasAsync(Permissions.GoalsManage, cancellationToken))
        {
            return Forbid();
        }

        var outcome = await work.CopyYearAsync(new GoalWork.CopyCommand(Year), cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            await LoadAsync(cancellationToken);
            return refused;
        }

        TempData["Flash"] = l["Goal_Copied", outcome.Value, Year!.Value + 1].Value;
        return Redirect($"/goals?year={Year + 1}");
    }

    /// <summary>Lays down the policy's ten long-term goals when there are none.</summary>
    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        if (!await user.HasAsync(Permissions.GoalsManage, cancellationToken))
        {
            return Forbid();
        }

        var outcome = await work.AddStartingGoalsAsync(cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            await LoadAsync(cancellationToken);
            return refused;
        }

        TempData["Flash"] = l["Goal_Started"].Value;
        return Redirect("/goals");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Overview = await queries.OverviewAsync(Year, cancellationToken);
        Year = Overview.Year;
        MayManage = await user.HasAsync(Permissions.GoalsManage, cancellationToken);
    }
}
