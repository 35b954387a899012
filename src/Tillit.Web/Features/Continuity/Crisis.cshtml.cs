using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Continuity;

/// <summary>
/// The crisis organisation (/continuity/crisis-organisation): its roles, holders, deputies and how to reach them; the
/// security officer adds roles, changes one (?edit={id} fills the form) and removes one (handler "remove").
/// </summary>
[RequirePermission(Permissions.ContinuityRead)]
public sealed class CrisisModel(ContinuityQueries queries, SaveCrisisRole save, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SaveCrisisRole.Command Input { get; set; } = new(null, null, null, null);

    /// <summary>The role whose details fill the form.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Edit { get; set; }

    /// <summary>The role to remove, and its version as shown.</summary>
    [BindProperty]
    public Guid? RemoveId { get; set; }

    [BindProperty]
    public int? RemoveVersion { get; set; }

    public IReadOnlyList<CrisisRoleRow> Roles { get; private set; } = [];

    public bool MayEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Edit is { } id && MayEdit && Roles.FirstOrDefault(r => r.Id == id) is { } role)
        {
            Input = new SaveCrisisRole.Command(role.Title, role.Holder, role.Deputy, role.Reach, role.Id, role.Version);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        var outcome = await save.RemoveAsync(RemoveId, RemoveVersion, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return await LoadAsync(cancellationToken) ?? refused;
        }

        TempData["Flash"] = l["Crisis.Removed"].Value;
        return Redirect("/continuity/crisis-organisation");
    }

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
