using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Delegations;

/// <summary>Ends a delegation on a chosen last day (/delegations/{id}/end); it stays as history.</summary>
[RequirePermission(Permissions.DelegationsManage)]
public sealed class EndModel(SaveDelegation save, DelegationQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SaveDelegation.EndCommand Input { get; set; } = new(null, null);

    public DelegationRow Delegation { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        // Today, unless it already ended (then its last day) or has not begun (then its first day).
        var today = queries.Today;
        var lastDay = Delegation.ValidTo is { } to && to < today ? to : (Delegation.ValidFrom > today ? Delegation.ValidFrom : today);
        Input = new SaveDelegation.EndCommand(lastDay, Delegation.Version);
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

        var outcome = await save.EndAsync(id, Input, cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } invalid)
        {
            return invalid;
        }

        TempData["Flash"] = l["Delegations.EndedFlash"].Value;
        return Redirect("/delegations");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Delegation = outcome.Value!;
        return null;
    }
}
