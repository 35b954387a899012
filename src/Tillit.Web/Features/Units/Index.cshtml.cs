using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Domain.Organisations;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Units;

[RequirePermission(Permissions.UnitsRead)]
public sealed class IndexModel(UnitQueries queries, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public UnitKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    public Paged<UnitRow> Result { get; private set; } = default!;

    public PagerModel Pager { get; private set; } = default!;

    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!UnitQueries.Sorts.IsAllowed(Sort))
        {
            Sort = null;
        }

        Result = await queries.ListAsync(Q, Kind, new PageRequest(PageNumber, PageRequest.DefaultSize, Sort, Desc), cancellationToken);
        Pager = PagerModel.For(Request, Result);
        CanManage = await user.HasOrganisationWideAsync(Permissions.UnitsManage, cancellationToken);
        return Page();
    }
}
