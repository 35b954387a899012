using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Systems;

/// <summary>
/// Appoints the owner of a system (/systems/{id}/owner): the municipal director or a delegate. The
/// person is found by a search first (50,000 people do not fit a choice list).
/// </summary>
[RequirePermission(Permissions.SystemsRead)]
public sealed class OwnerModel(AppointSystemOwner appoint, SystemQueries queries, Data.TillitDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public AppointSystemOwner.Command Input { get; set; } = new(null, null, null);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public SystemDetails System { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> PersonChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!await appoint.MayAppointAsync(cancellationToken))
        {
            return Forbid();
        }

        await LoadPeopleAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        var outcome = await appoint.HandleAsync(id, Input, cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } refused)
        {
            await LoadPeopleAsync(cancellationToken);
            return refused;
        }

        TempData["Flash"] = l["Systems.OwnerAppointed"].Value;
        return Redirect($"/systems/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        System = outcome.Value!;
        return null;
    }

    private async Task LoadPeopleAsync(CancellationToken cancellationToken)
    {
        var people = db.People.AsNoTracking().Where(p => p.IsActive);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            // By prefix of first name, surname or e-mail through the indexed keys: 50,000 people are not read.
            people = People.PersonSearch.StartingWith(people, db.CurrentOrganisationId ?? Guid.Empty, Q);
        }
        else if (Input.PersonId is { } chosen)
        {
            people = people.Where(p => p.Id == chosen);
        }
        else
        {
            people = people.Where(_ => false);
        }

        var found = await people.OrderBy(p => p.Name).Take(50).Select(p => new { p.Id, p.Name, p.Email }).ToListAsync(cancellationToken);
        PersonChoices = [new SelectListItem(l["Common.Choose"], string.Empty), .. found.Select(p => new SelectListItem($"{p.Name} ({p.Email})", p.Id.ToString()))];
    }
}
