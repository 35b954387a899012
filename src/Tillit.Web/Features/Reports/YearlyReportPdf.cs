using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Tillit.Web.Features.Indicators;
using Tillit.Web.Infrastructure.Pdf;

namespace Tillit.Web.Features.Reports;

/// <summary>
/// The yearly report as a tagged PDF: the sections of the page and the Word file written as Markdown and set by
/// <see cref="MarkdownPdf"/> (the writer of the governing documents' PDFs), so headings and tables are in the
/// structure tree. Text people entered is escaped, so it is never read as Markdown.
/// </summary>
public static class YearlyReportPdf
{
    public static byte[] Write(YearlyReportContent content, IStringLocalizer l, string organisation)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(l);
        var culture = CultureInfo.CurrentCulture;
        var facts = new List<PdfFact>();
        if (content.Report is { } r)
        {
            facts.Add(new(l["YearlyReport_GeneratedAt"], l["YearlyReport_GeneratedBy", r.GeneratedUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), r.GeneratedByName]));
            facts.Add(new(l["YearlyReport_VersionNumber"], content.Version.ToString(CultureInfo.InvariantCulture)));
            if (r.NotedOn is { } on)
            {
                facts.Add(new(l["YearlyReport_Noted"], l["YearlyReport_NotedRecord", r.NotedBy ?? string.Empty, on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.NotedReference ?? string.Empty]));
            }
        }

        var md = new StringBuilder();
        void Heading(string text, int level) => md.Append('#', level).Append(' ').AppendLine(Escape(text)).AppendLine();
        void Line(string text) => md.AppendLine(Escape(text)).AppendLine();
        void Table(string[] headers, IEnumerable<string[]> rows)
        {
            md.AppendLine("| " + string.Join(" | ", headers.Select(Escape)) + " |");
            md.AppendLine("|" + string.Concat(headers.Select(_ => "---|")));
            foreach (var row in rows)
            {
                md.AppendLine("| " + string.Join(" | ", row.Select(Escape)) + " |");
            }

            md.AppendLine();
        }

        Heading(l["YearlyReport_Goals"], 2);
        Table(
            [l["Goal_YearlyTitle"], l["Goal_Target"], l["Goal_Owner"], l["Goal_Status"]],
            content.Goals.Select(g => new[] { g.Title, g.Target, g.OwnerName, l["Goal_Status_" + g.Status].Value + (g.FollowUp is { } f ? " – " + f : string.Empty) }));

        Heading(l["YearlyReport_Indicators"], 2);
        string Figure(IndicatorDefinition d, decimal? v) => v is { } x ? (d.Unit == IndicatorUnit.Percent ? x.ToString("0.#", culture) + " %" : x.ToString("0", culture)) : "–";
        Table(
            [l["Indicator_Name"], l["Indicator_Value"], l["Indicator_Target"], l["Indicator_PreviousYear"], l["Indicator_Trend"]],
            content.Indicators.Indicators.Select(i => new[]
            {
                l["Indicator_" + i.Definition.Key].Value + (i.Definition.WaitingFor is { } w ? " (" + l[w].Value + ")" : string.Empty),
                Figure(i.Definition, i.Current.Value),
                Figure(i.Definition, i.Target),
                Figure(i.Definition, i.Previous),
                l["Indicator_Trend_" + i.Trend].Value,
            }));
        foreach (var i in content.Indicators.Indicators.Where(i => i.Current.Parts.Count > 0))
        {
            Heading(l["Indicator_ChartOf", l["Indicator_" + i.Definition.Key]], 3);
            Table(
                [l["Indicator_Part"], l["Indicator_Value"]],
                i.Current.Parts.Select(p => new[] { l[p.Label].Value, i.Definition.Unit == IndicatorUnit.Percent ? (p.Value is { } v ? v.ToString("0.#", culture) + " %" : "–") : p.Count.ToString(culture) }));
        }

        Heading(l["YearlyReport_FollowUp"], 2);
        Line(l["YearlyReport_MeasuresDone", content.MeasuresDone]);
        Line(l["YearlyReport_MeasuresOverdue", content.MeasuresOverdue]);
        Line(l["YearlyReport_DocumentsDecided", content.DocumentsDecided]);
        Line(l["YearlyReport_ReviewsOverdue", content.ReviewsOverdue]);
        Line(l["YearlyReport_RisksByBand", content.RisksByBandText(l)]);

        Heading(l["YearlyReport_Proposals"], 2);
        foreach (var line in (string.IsNullOrWhiteSpace(content.Proposals) ? l["YearlyReport_NoProposals"].Value : content.Proposals).Split('\n'))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                Line(line.TrimEnd('\r'));
            }
        }

        return MarkdownPdf.Write(new PdfContent(
            l["YearlyReport_For", content.Year],
            "sv-SE",
            organisation,
            content.Report is null ? l["YearlyReport_NotGenerated"].Value : null,
            l["YearlyReport_About"],
            facts,
            md.ToString(),
            l["Pdf.PageLabel"]));
    }

    private static string Escape(string text) => MarkdownPdf.Literal(text);
}
