using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Domain.Register;
using Tillit.Domain.Requirements;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Requirements;

/// <summary>The requirement catalogue (/requirements): search, filter by area and aspect, sort, page.</summary>
[RequirePermission(Permissions.SystemsRead)]
public sealed class IndexModel(RequirementQueries queries, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public RequirementArea? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    public Aspect? Aspect { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    public Paged<RequirementRow> Result { get; private set; } = default!;

    public PagerModel Pager { get; private set; } = default!;

    public bool CanEdit { get; private set; }

    public bool SeesApplicability { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!RequirementQueries.Sorts.IsAllowed(Sort))
        {
            Sort = null;
        }

        Result = await queries.ListAsync(new RequirementFilter(Q, Area, Aspect), new PageRequest(PageNumber, PageRequest.DefaultSize, Sort, Desc), cancellationToken);
        Pager = PagerModel.For(Request, Result);
        CanEdit = await user.HasOrganisationWideAsync(Permissions.RequirementsManage, cancellationToken);
        SeesApplicability = await user.HasAsync(Permissions.AssessmentsRead, cancellationToken);
        return Page();
    }
}
