using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Incidents;

/// <summary>My reports (/incidents/mine): only the person's own, with their status.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MineModel(IncidentQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<MyReport> Result { get; private set; } = default!;

    public PagerModel Pager { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Result = await queries.MineAsync(new PageRequest(PageNumber), cancellationToken);
        Pager = PagerModel.For(Request, Result);
        return Page();
    }
}
