using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Laws;
using Tillit.Web.Features.Shared;
using Tillit.Web.Features.Systems;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Laws;

/// <summary>Adds an entry to the legal register (/laws/new) or changes one (/laws/{id}/edit).</summary>
[RequirePermission(Permissions.LawsManage)]
public sealed class EditModel(SaveLaw save, LawQueries queries, SystemQueries systems, Data.TillitDbContext db, Infrastructure.OrganisationCache cache, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SaveLaw.Command Input { get; set; } = new(null, null, null, null, null, null, null, null, null, null, null, null);

    /// <summary>Finds the responsible person by name or e-mail.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public Guid? Id { get; private set; }

    public IReadOnlyList<SelectListItem> KindChoices { get; private set; } = [];

    public IReadOnlyList<SelectListItem> ComplianceChoices { get; private set; } = [];

    public IReadOnlyList<SelectListItem> PersonChoices { get; private set; } = [];

    public IReadOnlyList<SystemLink> SystemChoices { get; private set; } = [];

    /// <summary>Words of a system's name, to find systems beyond those the list offers.</summary>
    [BindProperty]
    public string? SystemSearch { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> UnitChoices { get; private set; } = [];

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

            var x = outcome.Value!;
            Input = new SaveLaw.Command(x.Reference, x.Kind, x.Title, x.TitleEn, x.Demands, x.DemandsEn, x.ResponsibleId, x.NextReview, x.Compliance, x.ComplianceComment, [.. x.Units.Select(u => u.Id)], [.. x.Systems.Select(s => s.Id)], x.Version);
        }
        else
        {
            Input = Input with { Compliance = ComplianceStatus.NotAssessed };
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

        var outcome = id is { } existing ? await save.UpdateAsync(existing, Input, cancellationToken) : await save.CreateAsync(Input, cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } refused)
        {
            await LoadChoicesAsync(cancellationToken);
            return refused;
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/laws/{outcome.Value}");
    }

    /// <summary>Shows the form again with the systems its search words find, keeping everything entered; saves nothing.</summary>
    public Task<IActionResult> OnPostFindSystemsAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        return this.ShowFoundSystemsAsync(id, existing => queries.GetAsync(existing, cancellationToken), () => LoadChoicesAsync(cancellationToken), l);
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        KindChoices = [new SelectListItem(l["Common.Choose"], string.Empty), .. Enum.GetValues<LegalKind>().Select(k => new SelectListItem(l["LegalKind." + k], k.ToString()))];
        ComplianceChoices = [.. Enum.GetValues<ComplianceStatus>().Select(c => new SelectListItem(l["ComplianceStatus." + c], c.ToString()))];
        PersonChoices = await Shared.PersonChoices.FindAsync(db, Q, Input.ResponsibleId, l["Common.NotGiven"], cancellationToken);
        SystemChoices = await systems.PickAsync(SystemSearch, Input.Systems, cancellationToken);
        var units = await Units.UnitQueries.CachedChoicesAsync(db, cache, null, cancellationToken);
        UnitChoices = [.. units.Select(u => (u.Id, new string('\u00a0', Math.Max(0, u.Depth) * 2) + u.Name))];
    }
}
