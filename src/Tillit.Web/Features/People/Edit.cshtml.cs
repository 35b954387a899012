using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Tillit.Web.Features.Units;
using Tillit.Web.Security;

namespace Tillit.Web.Features.People;

/// <summary>Creates a person (/people/new) or edits one (/people/{id}/edit).</summary>
[RequirePermission(Permissions.PeopleManage)]
public sealed class EditModel(SavePerson save, PeopleQueries queries, UnitQueries units, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SavePerson.Command Input { get; set; } = new(null, null, null, null, null, null);

    public Guid? Id { get; private set; }

    public bool HasAccount { get; private set; }

    public IReadOnlyList<SelectListItem> UnitChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, [FromQuery(Name = "unit")] Guid? unit, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            var outcome = await queries.GetAsync(existing, cancellationToken);
            if (this.ToPageResult(outcome, l) is { } refused)
            {
                return refused;
            }

            var p = outcome.Value!;
            if (!await user.HasForUnitAsync(Permissions.PeopleManage, p.UnitPath, cancellationToken))
            {
                return Forbid();
            }

            Input = new SavePerson.Command(p.Name, p.Email, p.Title, p.Phone, p.UnitId, p.Version);
            HasAccount = p.Account.Exists;
        }
        else
        {
            Input = Input with { UnitId = unit };
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        var outcome = id is { } existing
            ? await save.UpdateAsync(existing, Input, cancellationToken)
            : await save.CreateAsync(Input, cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } refused)
        {
            await LoadChoicesAsync(cancellationToken);
            return refused;
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/people/{outcome.Value}");
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var all = await units.ChoicesAsync(cancellationToken);
        UnitChoices = [new SelectListItem(l["Common.Choose"], string.Empty), .. all.Select(u => new SelectListItem(new string('\u00a0', Math.Max(0, u.Depth) * 2) + u.Name, u.Id.ToString()))];
    }
}
