using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Indicators;

/// <summary>The indicators of a year (/indicators?year=): value, target, trend, and the list behind each number.</summary>
[RequirePermission(Permissions.IndicatorsRead)]
public sealed class IndexModel(IndicatorQueries queries, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IndicatorYear Result { get; private set; } = default!;

    /// <summary>The indicators whose list the reader may open (the link is left out for the others).</summary>
    public IReadOnlySet<string> Linkable { get; private set; } = new HashSet<string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var year = Year is >= 2000 and <= 2100 ? Year.Value : queries.Today.Year;
        Result = await queries.CachedYearAsync(year, cancellationToken);
        Linkable = await IndicatorLinks.LinkableAsync(user, cancellationToken);
        return Page();
    }
}

public static class IndicatorLinks
{
    public static async Task<IReadOnlySet<string>> LinkableAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        var linkable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in IndicatorCatalogue.All.Where(d => d.ListUrl is not null))
        {
            if (d.ListPermission is null || await user.HasAsync(d.ListPermission, cancellationToken))
            {
                linkable.Add(d.Key);
            }
        }

        return linkable;
    }
}
