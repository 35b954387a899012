using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Documents;

/// <summary>The organisation's confirmation campaigns (/documents/campaigns), newest first.</summary>
[RequirePermission(Permissions.DocumentsCoverage)]
public sealed class CampaignsModel(AcknowledgementQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    public Paged<CampaignRow> Result { get; private set; } = default!;

    public PagerModel Pager { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Result = await queries.CampaignsAsync(!All, new PageRequest(PageNumber), cancellationToken);
        Pager = PagerModel.For(Request, Result);
        return Page();
    }
}
