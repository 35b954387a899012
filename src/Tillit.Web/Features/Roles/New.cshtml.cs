using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Access;
using Tillit.Web.Features.Units;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Roles;

/// <summary>
/// Appoints a person to a role. Without a chosen person it first offers a search (works without
/// JavaScript and never lists the whole organisation); /roles/new?person={id} shows the form.
/// </summary>
[RequirePermission(Permissions.RolesAssign)]
public sealed class NewModel(SaveRoleAssignment save, RoleAssignmentQueries queries, UnitQueries units, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SaveRoleAssignment.Command Input { get; set; } = new(null, null, ScopeKind.Organisation, null, null, null, null);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public PersonChoice? Person { get; private set; }

    public IReadOnlyList<PersonChoice> Matches { get; private set; } = [];

    public IReadOnlyList<SelectListItem> RoleChoices { get; private set; } = [];

    public IReadOnlyList<SelectListItem> ScopeChoices { get; private set; } = [];

    public IReadOnlyList<SelectListItem> UnitChoices { get; private set; } = [];

    /// <summary>True when some roles are left out of the choice because the user may not appoint them.</summary>
    public bool SomeRolesWithheld { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "person")] Guid? person, CancellationToken cancellationToken)
    {
        if (person is { } id)
        {
            Person = await queries.PersonChoiceAsync(id, cancellationToken);
            if (Person is null)
            {
                return NotFound();
            }

            Input = Input with { PersonId = id, ValidFrom = queries.Today };
            await LoadChoicesAsync(cancellationToken);
        }
        else
        {
            Matches = await queries.PersonChoicesAsync(Q, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.PersonId is { } id)
        {
            Person = await queries.PersonChoiceAsync(id, cancellationToken);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        var outcome = await save.CreateAsync(Input, cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } refused)
        {
            await LoadChoicesAsync(cancellationToken);
            return refused;
        }

        TempData["Flash"] = l["Roles.Appointed"].Value;
        return Redirect($"/people/{Input.PersonId}");
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var held = await user.RolesAsync(cancellationToken);
        var appointable = Domain.Access.Roles.All.Where(r => Domain.Access.Roles.MayAppoint(held, r)).ToList();
        SomeRolesWithheld = appointable.Count < Domain.Access.Roles.All.Count;
        RoleChoices = [new SelectListItem(l["Common.Choose"], string.Empty), .. appointable.Select(r => new SelectListItem(l["Role." + r], r.ToString()))];
        ScopeChoices = [new SelectListItem(l["Scope.Organisation"], nameof(ScopeKind.Organisation)), new SelectListItem(l["Scope.Unit"], nameof(ScopeKind.Unit))];
        var all = await units.ChoicesAsync(cancellationToken);
        UnitChoices = [new SelectListItem(l["Common.None"], string.Empty), .. all.Select(u => new SelectListItem(new string('\u00a0', Math.Max(0, u.Depth) * 2) + u.Name, u.Id.ToString()))];
    }
}
