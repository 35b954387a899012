using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Roles;

/// <summary>Ends an appointment on a chosen last day (/roles/{id}/end); the record stays as history.</summary>
[RequirePermission(Permissions.RolesAssign)]
public sealed class EndModel(SaveRoleAssignment save, RoleAssignmentQueries queries, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SaveRoleAssignment.EndCommand Input { get; set; } = new(null, null);

    public AssignmentRow Assignment { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        // Today, unless it already ended (then its last day) or has not started (then its first day).
        var today = queries.Today;
        var lastDay = Assignment.ValidTo is { } to && to < today ? to : (Assignment.ValidFrom > today ? Assignment.ValidFrom : today);
        Input = new SaveRoleAssignment.EndCommand(lastDay, Assignment.Version);
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

        TempData["Flash"] = l["Roles.Ended"].Value;
        return Redirect($"/people/{Assignment.PersonId}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Assignment = outcome.Value!;
        if (!Domain.Access.Roles.MayAppoint(await user.RolesAsync(cancellationToken), Assignment.Role))
        {
            return Forbid();
        }

        return null;
    }
}
