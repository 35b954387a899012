using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Documents;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Deviations;

/// <summary>A unit asks for a deviation from a central document (/deviations/new).</summary>
[RequirePermission(Permissions.DeviationsRequest)]
public sealed class NewModel(DeviationWork work, DeviationQueries queries, Data.TillitDbContext db, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public DeviationWork.Command Input { get; set; } = new(null, null, null, null, null, null);

    public IReadOnlyList<SelectListItem> DocumentChoices { get; private set; } = [];

    public IReadOnlyList<SelectListItem> UnitChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Input = Input with { ExpiresOn = queries.Today.AddYears(1) };
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await work.CreateAsync(Input, cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } refused)
        {
            return refused;
        }

        TempData["Flash"] = l["Deviations.Requested"].Value;
        return Redirect($"/deviations/{outcome.Value}");
    }

    // Central documents with a current version, and the units the requester may ask for (capped lists).
    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.UnitId == null && d.Versions.Any(v => v.Status == DocumentStatus.Current))
            .OrderBy(d => d.Type).ThenBy(d => d.Title).Take(1000)
            .Select(d => new { d.Id, d.Title, d.Type })
            .ToListAsync(cancellationToken);
        DocumentChoices = [new SelectListItem(l["Common.Choose"], string.Empty), .. documents.Select(d => new SelectListItem($"{l["DocumentType." + d.Type]}: {d.Title}", d.Id.ToString()))];
        var units = await db.Units.AsNoTracking()
            .WithinScope(await user.UnitScopeAsync(Permissions.DeviationsRequest, cancellationToken))
            .OrderBy(u => u.Path).Take(1000)
            .Select(u => new { u.Id, u.Name, u.Path })
            .ToListAsync(cancellationToken);
        UnitChoices = [new SelectListItem(l["Common.Choose"], string.Empty), .. units.Select(u => new SelectListItem(new string('\u00a0', Math.Max(0, u.Path.Count(c => c == '/') - 2) * 2) + u.Name, u.Id.ToString()))];
    }
}
