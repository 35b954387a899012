using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Organisations;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Units;

/// <summary>Creates a unit (/units/new) or edits one (/units/{id}/edit).</summary>
[RequirePermission(Permissions.UnitsManage)]
public sealed class EditModel(SaveUnit save, UnitQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SaveUnit.Command Input { get; set; } = new(null, null, null, null);

    public Guid? Id { get; private set; }

    public IReadOnlyList<SelectListItem> ParentChoices { get; private set; } = [];

    public IReadOnlyList<SelectListItem> KindChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            var outcome = await queries.FindAsync(existing, cancellationToken);
            if (this.ToPageResult(outcome, l) is { } refused)
            {
                return refused;
            }

            var u = outcome.Value!;
            Input = new SaveUnit.Command(u.Name, u.Kind, u.ParentId, u.Version);
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
        return Redirect($"/units/{outcome.Value}");
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var units = await queries.ChoicesAsync(cancellationToken);
        ParentChoices = [new SelectListItem(l["Common.None"], string.Empty), .. units.Where(u => u.Id != Id).Select(u => new SelectListItem(new string('\u00a0', Math.Max(0, u.Depth) * 2) + u.Name, u.Id.ToString()))];
        KindChoices = [new SelectListItem(l["Common.Choose"], string.Empty), .. Enum.GetValues<UnitKind>().Select(k => new SelectListItem(l["UnitKind." + k], k.ToString()))];
    }
}
