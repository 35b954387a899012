using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Risk;

/// <summary>
/// A risk analysis as a tagged PDF (/risk/{id}/pdf), for the registry. The same readers as the analysis's page and
/// its Word file; the export is in the audit trail before the file is sent.
/// </summary>
[RequirePermission(Permissions.RisksRead)]
public sealed class PdfModel(RiskQueries queries, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.ExportAsync(id, "pdf", cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var bytes = RiskAnalysisPdf.Write(outcome.Value!, l, today);
        return File(bytes, RiskAnalysisPdf.ContentType, RiskAnalysisPdf.FileName(outcome.Value!.Analysis));
    }
}
