using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Agreements;

/// <summary>The agreement register (/agreements) within the reader's scope: search, views (notice near, ended, no data processing agreement…), system, sort, page.</summary>
[RequirePermission(Permissions.AgreementsRead)]
public sealed class IndexModel(AgreementQueries queries, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public AgreementView? View { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? System { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    public Paged<AgreementRow> Result { get; private set; } = default!;

    public PagerModel Pager { get; private set; } = default!;

    public bool CanCreate { get; private set; }

    public DateOnly Today { get; private set; }

    public int LeadDays { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!AgreementQueries.Sorts.IsAllowed(Sort))
        {
            Sort = null;
        }

        Today = queries.Today;
        LeadDays = queries.LeadDays;
        Result = await queries.ListAsync(new AgreementFilter(Q, View, System), new PageRequest(PageNumber, PageRequest.DefaultSize, Sort, Desc), cancellationToken);
        Pager = PagerModel.For(Request, Result);
        CanCreate = await user.HasAsync(Permissions.AgreementsManage, cancellationToken);
        return Page();
    }
}
