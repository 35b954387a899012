using System.Globalization;
using Microsoft.Extensions.Localization;
using Tillit.Web.Features.Shared.Export;

namespace Tillit.Web.Features.Incidents;

/// <summary>The statistics as an Excel workbook: one sheet per table of the page, in the reader's language.</summary>
public static class IncidentStatisticsExport
{
    public static ExportFile Write(IncidentStatistics statistics, IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(l);
        var count = l["IncidentStats_Count"].Value;
        List<ExportSheet> sheets =
        [
            new(l["IncidentStats_SheetMonths"], [l["IncidentStats_Month"], count],
                [.. statistics.Months.Select(m => Row(MonthKey(m.Year, m.Month), m.Count))]),
            new(l["IncidentStats_SheetCategories"], [l["Incident_Category"], count],
                [.. statistics.Categories.Select(c => Row(CategoryLabel(l, c.Category), c.Count))]),
            new(l["IncidentStats_SheetSeverities"], [l["Incident_Severity"], count],
                [.. statistics.Severities.Select(s => Row(SeverityLabel(l, s.Severity), s.Count))]),
            new(l["IncidentStats_SheetUnits"], [l["IncidentStats_Unit"], count],
                [.. statistics.Units.Select(u => Row(u.UnitName ?? l["IncidentStats_NoUnit"].Value, u.Count))]),
            new(l["IncidentStats_SheetTime"], [l["IncidentStats_TimeMeasure"], l["IncidentStats_Value"]],
            [
                Row(l["IncidentStats_Closed"].Value, statistics.TimeToHandle.Closed),
                Row(l["IncidentStats_MedianDays"].Value, Days(statistics.TimeToHandle.MedianDays)),
                Row(l["IncidentStats_AverageDays"].Value, Days(statistics.TimeToHandle.AverageDays)),
                .. statistics.TimeToHandle.Buckets.Select(b => Row(l["IncidentStats_Bucket." + b.Key].Value, b.Count)),
            ]),
            new(l["IncidentStats_SheetDeadlines"], [l["IncidentStats_Deadline"], l["IncidentStats_Met"], l["IncidentStats_Missed"], l["IncidentStats_Open"]],
                [.. statistics.Deadlines.Select(d => (IReadOnlyList<object?>)[l["Incident_Deadline." + d.Kind].Value, d.Met, d.Missed, d.Open])]),
        ];
        var name = l["IncidentStats_File"].Value + "-" + (statistics.Period.Year?.ToString(CultureInfo.InvariantCulture) ?? MonthKey(statistics.Period.FromUtc.Year, statistics.Period.FromUtc.Month) + "--" + MonthKey(statistics.Period.ToUtc.AddMonths(-1).Year, statistics.Period.ToUtc.AddMonths(-1).Month));
        return TableExport.WriteWorkbook(name, sheets);
    }

    public static string MonthKey(int year, int month) => $"{year:0000}-{month:00}";

    public static string CategoryLabel(IStringLocalizer l, Domain.Incidents.IncidentCategory? category)
    {
        ArgumentNullException.ThrowIfNull(l);
        return category is { } c ? l["Incident_Category." + c].Value : l["IncidentStats_NotTriaged"].Value;
    }

    public static string SeverityLabel(IStringLocalizer l, Domain.Register.ConsequenceLevel? severity)
    {
        ArgumentNullException.ThrowIfNull(l);
        return severity is { } s ? $"{(int)s} {l["Level." + (int)s].Value}" : l["IncidentStats_NotTriaged"].Value;
    }

    private static double? Days(double? days) => days is { } d ? Math.Round(d, 1) : null;

    private static IReadOnlyList<object?> Row(string label, object? value) => [label, value];
}
