using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Documents;

/// <summary>
/// Who has confirmed (/documents/campaigns/{id}): a bar per unit (SVG with the table as its text
/// alternative), the people who have or have not confirmed, and a CSV export. The security officer and
/// the director see the whole organisation, a manager their units.
/// </summary>
[RequirePermission(Permissions.DocumentsCoverage)]
public sealed class CoverageModel(AcknowledgementQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool? Confirmed { get; set; } = false;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Coverage Coverage { get; private set; } = default!;

    public Paged<CoveragePerson> People { get; private set; } = default!;

    public PagerModel Pager { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var coverage = await queries.CoverageAsync(id, cancellationToken);
        if (this.ToPageResult(coverage, l) is { } refused)
        {
            return refused;
        }

        Coverage = coverage.Value!;
        var people = await queries.PeopleAsync(id, Confirmed, null, new PageRequest(PageNumber), cancellationToken);
        People = people.Value!;
        Pager = PagerModel.For(Request, People);
        return Page();
    }

    /// <summary>The coverage per unit as CSV (one row per unit).</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken cancellationToken)
    {
        var coverage = await queries.CoverageAsync(id, cancellationToken);
        if (this.ToPageResult(coverage, l) is { } refused)
        {
            return refused;
        }

        var csv = new StringBuilder();
        csv.Append(l["Campaign.Unit"]).Append(';').Append(l["Campaign.InAudience"]).Append(';').Append(l["Campaign.ConfirmedCount"]).Append(';').Append('%').Append("\r\n");
        foreach (var u in coverage.Value!.Units)
        {
            csv.Append('"').Append(u.UnitName.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\";")
                .Append(u.Total.ToString(CultureInfo.InvariantCulture)).Append(';')
                .Append(u.Confirmed.ToString(CultureInfo.InvariantCulture)).Append(';')
                .Append(u.Percent.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"kvittenser-{id:N}.csv");
    }
}
