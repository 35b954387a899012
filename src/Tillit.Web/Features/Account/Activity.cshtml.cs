using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Web.Features.Audit;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Account;

/// <summary>My own sign-ins and account events: every person may see these, and only these, of the trail.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ActivityModel(AuditQueries queries) : PageModel
{
    public Paged<AuditRow> Result { get; private set; } = default!;

    public PagerModel Pager { get; private set; } = default!;

    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        Result = await queries.OwnActivityAsync(new PageRequest(pageNumber ?? 1), cancellationToken);
        Pager = PagerModel.For(Request, Result);
    }
}
