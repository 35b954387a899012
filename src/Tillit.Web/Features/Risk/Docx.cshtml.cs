using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Risk;

/// <summary>
/// A risk analysis as a Word document (/risk/{id}/docx), for the registry. The same readers as the analysis's page
/// (403 for anyone else); the export is in the audit trail before the file is sent.
/// </summary>
[RequirePermission(Permissions.RisksRead)]
public sealed class DocxModel(RiskQueries queries, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.ExportAsync(id, "docx", cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var bytes = RiskAnalysisDocx.Write(outcome.Value!, l, today);
        return File(bytes, ContentType, RiskAnalysisDocx.FileName(outcome.Value!.Analysis));
    }
}
