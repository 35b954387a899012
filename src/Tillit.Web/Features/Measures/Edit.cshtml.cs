using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Measures;
using Tillit.Web.Features.Shared;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Measures;

/// <summary>Adds a measure to the action plan (/measures/new) or changes one (/measures/{id}/edit).</summary>
[RequirePermission(Permissions.MeasuresManage)]
public sealed class EditModel(CreateMeasure create, SaveMeasure save, MeasureQueries queries, Systems.SystemQueries systems, Data.TillitDbContext db, Infrastructure.OrganisationCache cache, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The form: the fields of a measure (origin only when adding one).</summary>
    public sealed record Form(string? Title, string? Description, Guid? SystemId, Guid? UnitId, Guid? OwnerId, DateOnly? DueDate, int? Version);

    [BindProperty]
    public Form Input { get; set; } = new(null, null, null, null, null, null, null);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public Guid? Id { get; private set; }

    public IReadOnlyList<SelectListItem> PersonChoices { get; private set; } = [];

    public IReadOnlyList<SelectListItem> SystemChoices { get; private set; } = [];

    /// <summary>Words of a system's name, to find systems beyond those the list offers.</summary>
    [BindProperty]
    public string? SystemSearch { get; set; }

    public IReadOnlyList<SelectListItem> UnitChoices { get; private set; } = [];

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

            var m = outcome.Value!;
            Input = new Form(m.Title, m.Description, m.SystemId, m.UnitId, m.OwnerId, m.DueDate, m.Version);
        }
        else
        {
            Input = Input with { DueDate = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(CreateMeasure.DefaultDueDays) };
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
            ? await save.UpdateAsync(existing, new SaveMeasure.Command(Input.Title, Input.Description, Input.SystemId, Input.UnitId, Input.OwnerId, Input.DueDate, Input.Version), cancellationToken)
            : await create.HandleAsync(new CreateMeasure.Command(Input.Title, Input.Description, MeasureOrigin.Other, null, Input.SystemId, Input.UnitId, Input.OwnerId, Input.DueDate), cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } refused)
        {
            await LoadChoicesAsync(cancellationToken);
            return refused;
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/measures/{outcome.Value}");
    }

    /// <summary>Shows the form again with the systems its search words find, keeping everything entered; saves nothing.</summary>
    public Task<IActionResult> OnPostFindSystemsAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        return this.ShowFoundSystemsAsync(id, existing => queries.GetAsync(existing, cancellationToken), () => LoadChoicesAsync(cancellationToken), l);
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        PersonChoices = await Shared.PersonChoices.FindAsync(db, Q, Input.OwnerId, l["Common.Choose"], cancellationToken);
        SystemChoices = [new SelectListItem(l["Common.None"], string.Empty), .. (await systems.PickAsync(SystemSearch, Input.SystemId is { } chosen ? [chosen] : null, cancellationToken)).Select(s => new SelectListItem(s.Name, s.Id.ToString()))];
        var units = await Units.UnitQueries.CachedChoicesAsync(db, cache, null, cancellationToken);
        UnitChoices = [new SelectListItem(l["Common.None"], string.Empty), .. units.Select(u => new SelectListItem(new string('\u00a0', Math.Max(0, u.Depth) * 2) + u.Name, u.Id.ToString()))];
    }
}
