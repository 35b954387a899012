using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Features.Shared.Export;
using Tillit.Web.Infrastructure.Audit;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Incidents;

/// <summary>
/// Incident statistics (/incidents/statistics): events per month, category, severity and unit, time to
/// handle and deadlines met, as pictures with tables, for a calendar year or the last twelve months;
/// export to Excel. Everyone who takes part in incident handling may open it, and sees figures only of
/// the incidents they may see (policy violations only the security officer and the director).
/// </summary>
[RequirePermission(Permissions.IncidentsHandle)]
public sealed class StatisticsModel(IncidentStatisticsQueries queries, AuditTrail audit, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>A calendar year; none means the last twelve months.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    public IncidentStatistics Statistics { get; private set; } = default!;

    public string? YearError { get; private set; }

    public int ThisYear => queries.NowUtc.Year;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Statistics = await queries.GetAsync(Period(), cancellationToken);
        return Page();
    }

    /// <summary>The same figures as an Excel workbook, a sheet per table; recorded in the audit trail as an export.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var period = Period();
        if (YearError is not null)
        {
            return BadRequest(YearError);
        }

        var statistics = await queries.GetAsync(period, cancellationToken, audited: false);
        var file = IncidentStatisticsExport.Write(statistics, l);
        await audit.RecordListAsync(IncidentQueries.RecordType, IncidentStatisticsQueries.Describe(period), file.Rows, export: true);
        return File(file.Content, file.ContentType, file.FileName);
    }

    private StatisticsPeriod Period()
    {
        if (string.IsNullOrWhiteSpace(Year))
        {
            return StatisticsPeriod.LastTwelveMonths(queries.NowUtc);
        }

        var thisYear = queries.NowUtc.Year;
        if (int.TryParse(Year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= IncidentStatisticsQueries.MinYear && year <= thisYear)
        {
            return StatisticsPeriod.OfYear(year);
        }

        YearError = l["IncidentStats_YearInvalid", IncidentStatisticsQueries.MinYear, thisYear];
        Year = null;
        return StatisticsPeriod.LastTwelveMonths(queries.NowUtc);
    }
}
