using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Web.Security;

namespace Tillit.Web.Features.People;

[RequirePermission(Permissions.PeopleRead)]
public sealed class IndexModel(PeopleQueries queries, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Unit { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    public Paged<PersonRow> Result { get; private set; } = default!;

    public PagerModel Pager { get; private set; } = default!;

    public IReadOnlyList<(Guid Id, string Name, int Depth)> Units { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!PeopleQueries.IsAllowedSort(Sort))
        {
            Sort = null;
        }

        Result = await queries.ListAsync(Q, Unit, new PageRequest(PageNumber, PageRequest.DefaultSize, Sort, Desc), cancellationToken);
        Pager = PagerModel.For(Request, Result);
        Units = await queries.UnitChoicesAsync(cancellationToken);
        CanManage = await user.HasAsync(Permissions.PeopleManage, cancellationToken);
        return Page();
    }
}
