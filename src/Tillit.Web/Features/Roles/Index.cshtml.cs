using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Domain.Access;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Roles;

[RequirePermission(Permissions.RolesRead)]
public sealed class IndexModel(RoleAssignmentQueries queries, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Role? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public AssignmentStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Person { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    public Paged<AssignmentRow> Result { get; private set; } = default!;

    public PagerModel Pager { get; private set; } = default!;

    /// <summary>The person the list is limited to, when it is.</summary>
    public PersonChoice? ForPerson { get; private set; }

    /// <summary>The roles the user may appoint, and so end; empty when they appoint nobody.</summary>
    public IReadOnlySet<Role> Appointable { get; private set; } = new HashSet<Role>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!RoleAssignmentQueries.IsAllowedSort(Sort))
        {
            Sort = null;
        }

        Result = await queries.ListAsync(Role, Status, Person, new PageRequest(PageNumber, PageRequest.DefaultSize, Sort, Desc), cancellationToken);
        Pager = PagerModel.For(Request, Result);
        if (Person is { } personId)
        {
            ForPerson = await queries.PersonChoiceAsync(personId, cancellationToken);
        }

        if (await user.HasAsync(Permissions.RolesAssign, cancellationToken))
        {
            var held = await user.RolesAsync(cancellationToken);
            Appointable = Domain.Access.Roles.All.Where(r => Domain.Access.Roles.MayAppoint(held, r)).ToHashSet();
        }

        return Page();
    }
}
