using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Risks;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Risk;

/// <summary>
/// The organisation's risk rules (/risk/settings), for the security officer: the bands on the 1–16 scale, the
/// acceptance criteria and the maximum age of an analysis. The table shows how the saved bands sort every level.
/// </summary>
[RequirePermission(Permissions.RiskSettingsManage)]
public sealed class SettingsModel(RiskSettingsWork work, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Form(int? LowMax, int? MediumMax, int? HighMax, RiskBand? SystemOwnerMaxBand, int? MaxAgeMonths, int? Version);

    [BindProperty]
    public Form Input { get; set; } = new(null, null, null, null, null, null);

    /// <summary>The saved settings (or the defaults), for the table of levels per band.</summary>
    public RiskSettingsView Saved { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Saved = await work.CurrentAsync(cancellationToken);
        Input = new Form(Saved.LowMax, Saved.MediumMax, Saved.HighMax, Saved.SystemOwnerMaxBand, Saved.MaxAgeMonths, Saved.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Saved = await work.CurrentAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await work.UpdateAsync(new RiskSettingsWork.Command(Input.LowMax, Input.MediumMax, Input.HighMax, Input.SystemOwnerMaxBand, Input.MaxAgeMonths, Input.Version), cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } refused)
        {
            return refused;
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect("/risk/settings");
    }

    /// <summary>The levels 1–16 of a band under the saved settings, and those of them a risk can have.</summary>
    public (int Min, int Max, IReadOnlyList<int> Possible) LevelsOf(RiskBand band)
    {
        var (min, max) = RiskQueries.Range(new RiskBands(Saved.LowMax, Saved.MediumMax, Saved.HighMax), band);
        return (min, max, RiskSettingsWork.PossibleLevels.Where(x => x >= min && x <= max).ToList());
    }
}
