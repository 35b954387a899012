using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Continuity;

/// <summary>The crisis organisation (/continuity/crisis-organisation): its roles, holders, deputies and how to reach them; the security officer adds roles.</summary>
[RequirePermission(Permissions.ContinuityRead)]
public sealed class CrisisModel(ContinuityQueries queries, SaveCrisisRole save, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SaveCrisisRole.Command Input { get; set; } = new(null, null, null, null);

    public IReadOnlyList<CrisisRoleRow> Roles { get; private set; } = [];

    public bool MayEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(cancellationToken) ?? Page();
        }

        var outcome = await save.HandleAsync(Input, cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } refused)
        {
            return await LoadAsync(cancellationToken) ?? refused;
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect("/continuity/crisis-organisation");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        // The crisis organisation is the whole organisation's: only organisation-wide readers see it.
        if (!await queries.MayReadAllAsync(cancellationToken))
        {
            return Forbid();
        }

        Roles = await queries.CrisisRolesAsync(cancellationToken);
        MayEdit = await queries.MayManageAllAsync(cancellationToken);
        return null;
    }
}
