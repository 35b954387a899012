using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Preparedness;
using Tillit.Web.Features.Shared;
using Tillit.Web.Features.Systems;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Exercises;

/// <summary>Plans an exercise (/exercises/new, ?system= preselects a system) or changes its plan (/exercises/{id}/edit).</summary>
[RequirePermission(Permissions.ContinuityManage)]
public sealed class EditModel(SaveExercise save, ExerciseQueries queries, SystemQueries systems, Data.TillitDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SaveExercise.Command Input { get; set; } = new(null, null, null, null, null, null);

    /// <summary>Finds the leader by name or e-mail.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>A system to preselect on a new exercise (from the continuity plan's page).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? System { get; set; }

    public Guid? Id { get; private set; }

    public IReadOnlyList<SelectListItem> KindChoices { get; private set; } = [];

    public IReadOnlyList<SelectListItem> PersonChoices { get; private set; } = [];

    public IReadOnlyList<SystemLink> SystemChoices { get; private set; } = [];

    /// <summary>Words of a system's name, to find systems beyond those the list offers.</summary>
    [BindProperty]
    public string? SystemSearch { get; set; }

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
            Input = new SaveExercise.Command(x.Title, x.Kind, x.Scenario, x.PlannedOn, x.LeaderId, [.. x.Systems.Select(s => s.Id)], x.Version);
        }
        else
        {
            Input = Input with { Kind = ExerciseKind.Tabletop, Systems = System is { } s ? [s] : [] };
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
        return Redirect($"/exercises/{outcome.Value}");
    }

    /// <summary>Shows the form again with the systems its search words find, keeping everything entered; saves nothing.</summary>
    public Task<IActionResult> OnPostFindSystemsAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        return this.ShowFoundSystemsAsync(id, existing => queries.GetAsync(existing, cancellationToken), () => LoadChoicesAsync(cancellationToken), l);
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        KindChoices = [.. Enum.GetValues<ExerciseKind>().Select(k => new SelectListItem(l["ExerciseKind." + k], k.ToString()))];
        PersonChoices = await Shared.PersonChoices.FindAsync(db, Q, Input.LeaderId, l["Common.NotGiven"], cancellationToken);
        SystemChoices = await systems.PickAsync(SystemSearch, Input.Systems, cancellationToken);
    }
}
