using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Continuity;

/// <summary>
/// The crisis binder (/continuity/binder): one self-contained HTML file, or ?handler=pdf a tagged PDF, of the crisis
/// organisation and every current plan; for organisation-wide readers, recorded in the trail as one export.
/// </summary>
[RequirePermission(Permissions.ContinuityRead)]
public sealed class BinderModel(ContinuityQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await queries.MayReadAllAsync(cancellationToken))
        {
            return Forbid();
        }

        var binder = await queries.BinderAsync(cancellationToken);
        var html = CrisisBinderDocument.Html(binder, l);
        return File(System.Text.Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", $"krispärm-{queries.Today:yyyy-MM-dd}.html");
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken cancellationToken)
    {
        if (!await queries.MayReadAllAsync(cancellationToken))
        {
            return Forbid();
        }

        var binder = await queries.BinderAsync(cancellationToken);
        return File(CrisisBinderDocument.Pdf(binder, l), "application/pdf", $"krispärm-{queries.Today:yyyy-MM-dd}.pdf");
    }
}
