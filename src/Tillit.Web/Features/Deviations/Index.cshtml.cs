using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Domain.Documents;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Deviations;

/// <summary>The deviations within the reader's scope (/deviations); ?expired=true lists the gap.</summary>
[RequirePermission(Permissions.DeviationsRead)]
public sealed class IndexModel(DeviationQueries queries, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public DeviationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Expired { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    public bool MayRequest { get; private set; }

    public Paged<DeviationRow> Result { get; private set; } = default!;

    public PagerModel Pager { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!DeviationQueries.IsAllowedSort(Sort))
        {
            Sort = null;
        }

        Result = await queries.ListAsync(new DeviationFilter(Status, Expired), new PageRequest(PageNumber, PageRequest.DefaultSize, Sort, Desc), cancellationToken);
        Pager = PagerModel.For(Request, Result);
        MayRequest = (await authorization.AuthorizeAsync(User, null, new PermissionRequirement(Permissions.DeviationsRequest))).Succeeded;
        return Page();
    }
}
