using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Tillit.Web.Features.Roles;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Delegations;

/// <summary>
/// The director records a delegation (/delegations/new): first a person is found by a search, then
/// /delegations/new?person={id} shows the form.
/// </summary>
[RequirePermission(Permissions.DelegationsManage)]
public sealed class NewModel(SaveDelegation save, DelegationQueries queries, RoleAssignmentQueries people, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SaveDelegation.Command Input { get; set; } = new(null, null, null, null, null);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public PersonChoice? Person { get; private set; }

    public IReadOnlyList<PersonChoice> Matches { get; private set; } = [];

    public IReadOnlyList<SelectListItem> KindChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "person")] Guid? person, CancellationToken cancellationToken)
    {
        if (person is { } id)
        {
            Person = await people.PersonChoiceAsync(id, cancellationToken);
            if (Person is null)
            {
                return NotFound();
            }

            Input = Input with { PersonId = id, ValidFrom = queries.Today };
            LoadChoices();
        }
        else
        {
            Matches = await people.PersonChoicesAsync(Q, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.PersonId is { } id)
        {
            Person = await people.PersonChoiceAsync(id, cancellationToken);
        }

        LoadChoices();
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await save.CreateAsync(Input, cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } refused)
        {
            return refused;
        }

        TempData["Flash"] = l["Delegations.Recorded"].Value;
        return Redirect("/delegations");
    }

    private void LoadChoices() =>
        KindChoices = [new SelectListItem(l["Common.Choose"], string.Empty), .. Enum.GetValues<DelegationKind>().Select(k => new SelectListItem(l["Delegation.Kind." + k], k.ToString()))];
}
