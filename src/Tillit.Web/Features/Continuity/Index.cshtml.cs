using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Continuity;

/// <summary>Continuity (/continuity): the important systems in the reader's scope and their plans, the gaps first; the crisis organisation and binder for organisation-wide readers.</summary>
[RequirePermission(Permissions.ContinuityRead)]
public sealed class IndexModel(ContinuityQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Gaps { get; set; }

    public IReadOnlyList<ContinuityRow> Rows { get; private set; } = [];

    public bool ReadsAll { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await queries.ListAsync(Gaps, cancellationToken);
        ReadsAll = await queries.MayReadAllAsync(cancellationToken);
        Today = queries.Today;
        return Page();
    }
}
