using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Risks;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Risk;

/// <summary>Risk analyses (/risk): the ones the reader may see, filtered by status, system and review mark, sorted and paged.</summary>
[RequirePermission(Permissions.RisksRead)]
public sealed class IndexModel(RiskQueries queries, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? System { get; set; }

    [BindProperty(SupportsGet = true)]
    public RiskAnalysisStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Review { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    public Paged<RiskAnalysisRow> Result { get; private set; } = default!;

    public PagerModel Pager { get; private set; } = default!;

    public bool CanCreate { get; private set; }

    public bool KeepsThreats { get; private set; }

    public bool SetsRules { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!RiskQueries.Sorts.IsAllowed(Sort))
        {
            Sort = null;
        }

        var outcome = await queries.ListAsync(new RiskAnalysisFilter(Q, System, Status, Review), new PageRequest(PageNumber, PageRequest.DefaultSize, Sort, Desc), cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Result = outcome.Value!;
        Pager = PagerModel.For(Request, Result);
        CanCreate = await user.HasAsync(Permissions.RisksManage, cancellationToken);
        KeepsThreats = await user.HasOrganisationWideAsync(Permissions.ThreatsManage, cancellationToken);
        SetsRules = await user.HasOrganisationWideAsync(Permissions.RiskSettingsManage, cancellationToken);
        return Page();
    }
}
