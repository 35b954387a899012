using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Reports;

/// <summary>The yearly reports to the board (/reports); the security officer asks for a year's report to be generated here.</summary>
[RequirePermission(Permissions.ReportsRead)]
public sealed class IndexModel(YearlyReportQueries queries, YearlyReportWork work, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public YearlyReportWork.GenerateCommand Input { get; set; } = new(null, null);

    public IReadOnlyList<YearlyReportRow> Reports { get; private set; } = [];

    public bool MayGenerate { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Early in a year the report is on the year just ended.
        Input = Input with { Year = clock.GetUtcNow().Month <= 3 ? clock.GetUtcNow().Year - 1 : clock.GetUtcNow().Year };
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!MayGenerate)
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await work.CreateAsync(Input, cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } refused)
        {
            return refused;
        }

        // The report is generated in the background: the job's page shows how far it has come.
        return Redirect($"/reports/jobs/{outcome.Value}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Reports = await queries.ListAsync(cancellationToken);
        MayGenerate = await user.HasAsync(Permissions.ReportsManage, cancellationToken);
    }
}
