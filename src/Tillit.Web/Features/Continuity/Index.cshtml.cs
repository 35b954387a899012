using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Continuity;

/// <summary>Continuity (/continuity): the important systems in the reader's scope and their plans, the gaps first (no plan, or a plan not exercised within the interval); the crisis organisation and binder for organisation-wide readers.</summary>
[RequirePermission(Permissions.ContinuityRead)]
public sealed class IndexModel(ContinuityQueries queries) : PageModel
{
    /// <summary>Kept for old links: gaps=true is the view of important systems without a plan.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Gaps { get; set; }

    [BindProperty(SupportsGet = true)]
    public ContinuityView? View { get; set; }

    /// <summary>Held exercises before this day no longer count (the organisation's exercise interval).</summary>
    public DateOnly ExercisedSince { get; private set; }

    public IReadOnlyList<ContinuityRow> Rows { get; private set; } = [];

    public bool ReadsAll { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        View ??= Gaps ? ContinuityView.NoPlan : null;
        Rows = await queries.ListAsync(View, cancellationToken);
        ExercisedSince = await queries.ExercisedSinceAsync(cancellationToken);
        ReadsAll = await queries.MayReadAllAsync(cancellationToken);
        Today = queries.Today;
        return Page();
    }
}
