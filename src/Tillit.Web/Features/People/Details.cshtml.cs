using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Access;
using Tillit.Web.Security;

namespace Tillit.Web.Features.People;

/// <summary>
/// A person's details, appointments and account. Any signed-in user may open their own page; the
/// per-record check in <see cref="PeopleQueries.GetAsync"/> decides for everyone else.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DetailsModel(PeopleQueries queries, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    public PersonDetails Person { get; private set; } = default!;

    public bool CanManage { get; private set; }

    public bool CanManageAccount { get; private set; }

    public bool CanSeeRoles { get; private set; }

    /// <summary>The roles the user may appoint (and so end); empty when they appoint nobody.</summary>
    public IReadOnlySet<Role> Appointable { get; private set; } = new HashSet<Role>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Person = outcome.Value!;
        CanManage = await user.HasForUnitAsync(Permissions.PeopleManage, Person.UnitPath, cancellationToken);
        CanManageAccount = await user.HasForUnitAsync(Permissions.AccountsManage, Person.UnitPath, cancellationToken);
        CanSeeRoles = await user.HasForUnitAsync(Permissions.RolesRead, Person.UnitPath, cancellationToken);
        if (await user.HasForUnitAsync(Permissions.RolesAssign, Person.UnitPath, cancellationToken))
        {
            var held = await user.RolesAsync(cancellationToken);
            Appointable = Domain.Access.Roles.All.Where(r => Domain.Access.Roles.MayAppoint(held, r)).ToHashSet();
        }

        return Page();
    }
}
