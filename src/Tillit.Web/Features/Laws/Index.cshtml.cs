using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Domain.Laws;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Laws;

/// <summary>The legal register (/laws): search, filter by kind, compliance, overdue review and system, sort, page.</summary>
[RequirePermission(Permissions.SystemsRead)]
public sealed class IndexModel(LawQueries queries, CurrentUser user, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public LegalKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public ComplianceStatus? Compliance { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? System { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    public Paged<LawRow> Result { get; private set; } = default!;

    public PagerModel Pager { get; private set; } = default!;

    public bool CanEdit { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!LawQueries.Sorts.IsAllowed(Sort))
        {
            Sort = null;
        }

        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Result = await queries.ListAsync(new LawFilter(Q, Kind, Compliance, Overdue, System), new PageRequest(PageNumber, PageRequest.DefaultSize, Sort, Desc), cancellationToken);
        Pager = PagerModel.For(Request, Result);
        CanEdit = await user.HasOrganisationWideAsync(Permissions.LawsManage, cancellationToken);
        return Page();
    }
}
