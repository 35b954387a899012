using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Register;
using Tillit.Domain.Requirements;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Requirements;

/// <summary>Adds a requirement (/requirements/new) or changes one (/requirements/{id}/edit): the security officer.</summary>
[RequirePermission(Permissions.RequirementsManage)]
public sealed class EditModel(SaveRequirement save, RequirementQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SaveRequirement.Command Input { get; set; } = new(null, null, null, null, null, null, null, null, null);

    public Guid? Id { get; private set; }

    public IReadOnlyList<SelectListItem> AspectChoices { get; private set; } = [];

    public IReadOnlyList<SelectListItem> LevelChoices { get; private set; } = [];

    public IReadOnlyList<SelectListItem> AreaChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            var outcome = await queries.GetAsync(existing, cancellationToken);
            if (this.ToPageResult(outcome, l) is { } refused)
            {
                return refused;
            }

            var r = outcome.Value!;
            Input = new SaveRequirement.Command(r.Code, r.Title, r.TitleEn, r.Description, r.Aspect, r.FromLevel, r.Area, r.IsoControls, r.Nis2Areas, r.IsActive, r.Version);
        }

        LoadChoices();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        LoadChoices();
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = id is { } existing ? await save.UpdateAsync(existing, Input, cancellationToken) : await save.CreateAsync(Input, cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } refused)
        {
            return refused;
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/requirements/{outcome.Value}");
    }

    private void LoadChoices()
    {
        AspectChoices = [new SelectListItem(l["Common.Choose"], string.Empty), .. Enum.GetValues<Aspect>().Select(a => new SelectListItem(l["Aspect." + a], a.ToString()))];
        LevelChoices = [new SelectListItem(l["Common.Choose"], string.Empty), .. Enum.GetValues<ConsequenceLevel>().Where(v => v >= ConsequenceLevel.Moderate).Select(v => new SelectListItem($"{(int)v} {l["Level." + (int)v]}", v.ToString()))];
        AreaChoices = [new SelectListItem(l["Common.Choose"], string.Empty), .. Enum.GetValues<RequirementArea>().Select(a => new SelectListItem(l["RequirementArea." + a], a.ToString()))];
    }
}
