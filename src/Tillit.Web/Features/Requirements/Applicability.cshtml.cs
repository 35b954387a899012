using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Register;
using Tillit.Domain.Requirements;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Requirements;

/// <summary>The organisation's statement of applicability (/requirements/applicability): per requirement, the systems at each status.</summary>
[RequirePermission(Permissions.AssessmentsRead)]
public sealed class ApplicabilityModel(AssessmentQueries queries, IStringLocalizer<SharedResource> l) : PageModel
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

    public Paged<ApplicabilityRow> Result { get; private set; } = default!;

    public PagerModel Pager { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!AssessmentQueries.ApplicabilitySorts.IsAllowed(Sort))
        {
            Sort = null;
        }

        var outcome = await queries.ApplicabilityAsync(new RequirementFilter(Q, Area, Aspect), new PageRequest(PageNumber, PageRequest.DefaultSize, Sort, Desc), cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Result = outcome.Value!;
        Pager = PagerModel.For(Request, Result);
        return Page();
    }
}
