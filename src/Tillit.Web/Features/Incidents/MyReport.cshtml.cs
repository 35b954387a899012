using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Incidents;

/// <summary>One own report and its status (/incidents/mine/{id}); the receipt after reporting. Another's report is not found.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MyReportModel(IncidentQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    public MyReport Report { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.MineAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Report = outcome.Value!;
        return Page();
    }
}
