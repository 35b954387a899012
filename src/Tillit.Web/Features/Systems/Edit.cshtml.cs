using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Register;
using Tillit.Web.Features.Shared;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Systems;

/// <summary>Registers a system (/systems/new) or changes one (/systems/{id}/edit).</summary>
[RequirePermission(Permissions.SystemsManage)]
public sealed class EditModel(SaveSystem save, SystemQueries queries, Data.TillitDbContext db, Infrastructure.OrganisationCache cache, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SaveSystem.Command Input { get; set; } = new(null, null, null, null, false, null, null, null, null, null);

    public Guid? Id { get; private set; }

    public IReadOnlyList<SelectListItem> UnitChoices { get; private set; } = [];

    public IReadOnlyList<SelectListItem> FormChoices { get; private set; } = [];

    public IReadOnlyList<SelectListItem> HostingChoices { get; private set; } = [];

    public IReadOnlyList<SelectListItem> LifecycleChoices { get; private set; } = [];

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

            var s = outcome.Value!;
            Input = new SaveSystem.Command(s.Name, s.Purpose, s.UnitId, s.Form, s.ImportantToOperations, s.Hosting, s.Lifecycle, s.Supplier, [.. s.DependsOn.Select(d => d.Id)], s.Version);
        }
        else
        {
            Input = Input with { Hosting = Hosting.OwnOperation, Lifecycle = Lifecycle.InUse };
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
        return Redirect($"/systems/{outcome.Value}");
    }

    /// <summary>Shows the form again with the systems its search words find, keeping everything entered; saves nothing.</summary>
    public Task<IActionResult> OnPostFindSystemsAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        return this.ShowFoundSystemsAsync(id, existing => queries.GetAsync(existing, cancellationToken), () => LoadChoicesAsync(cancellationToken), l);
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var units = await Units.UnitQueries.CachedChoicesAsync(db, cache, null, cancellationToken);
        UnitChoices = [new SelectListItem(l["Common.Choose"], string.Empty), .. units.Select(u => new SelectListItem(new string('\u00a0', Math.Max(0, u.Depth) * 2) + u.Name, u.Id.ToString()))];
        FormChoices = [new SelectListItem(l["Common.Choose"], string.Empty), .. Enum.GetValues<SystemForm>().Select(k => new SelectListItem(l["SystemForm." + k], k.ToString()))];
        HostingChoices = [.. Enum.GetValues<Hosting>().Select(k => new SelectListItem(l["Hosting." + k], k.ToString()))];
        LifecycleChoices = [.. Enum.GetValues<Lifecycle>().Select(k => new SelectListItem(l["Lifecycle." + k], k.ToString()))];
        SystemChoices = [.. (await queries.PickAsync(SystemSearch, Input.DependsOn, cancellationToken)).Where(s => s.Id != Id)];
    }
}
