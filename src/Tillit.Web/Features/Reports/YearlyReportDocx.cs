using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Localization;
using Tillit.Web.Features.Indicators;

namespace Tillit.Web.Features.Reports;

/// <summary>The yearly report as a Word document (Open XML): the same sections as the page, built-in heading styles.</summary>
public static class YearlyReportDocx
{
    public static byte[] Write(YearlyReportContent content, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(l);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            main.Document = new Document(body);
            var culture = CultureInfo.CurrentCulture;

            body.Append(Heading(l["YearlyReport_For", content.Year], 1));
            if (content.Report is { } r)
            {
                body.Append(Text(l["YearlyReport_VersionN", content.Version] + ". " + l["YearlyReport_GeneratedBy", r.GeneratedUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), r.GeneratedByName]));
                if (r.NotedOn is { } on)
                {
                    body.Append(Text(l["YearlyReport_NotedRecord", r.NotedBy ?? string.Empty, on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.NotedReference ?? string.Empty]));
                }
            }
            else
            {
                body.Append(Text(l["YearlyReport_NotGenerated"]));
            }

            body.Append(Heading(l["YearlyReport_Goals"], 2));
            body.Append(Table(
                [l["Goal_YearlyTitle"], l["Goal_Target"], l["Goal_Owner"], l["Goal_Status"]],
                content.Goals.Select(g => new[] { g.Title, g.Target, g.OwnerName, l["Goal_Status_" + g.Status].Value + (g.FollowUp is { } f ? " – " + f : string.Empty) })));

            body.Append(Heading(l["YearlyReport_Indicators"], 2));
            string Figure(IndicatorDefinition d, decimal? v) => v is { } x ? (d.Unit == IndicatorUnit.Percent ? x.ToString("0.#", culture) + " %" : x.ToString("0", culture)) : "–";
            body.Append(Table(
                [l["Indicator_Name"], l["Indicator_Value"], l["Indicator_Target"], l["Indicator_PreviousYear"], l["Indicator_Trend"]],
                content.Indicators.Indicators.Select(i => new[]
                {
                    l["Indicator_" + i.Definition.Key].Value + (i.Definition.WaitingFor is { } w ? " (" + l[w].Value + ")" : string.Empty),
                    Figure(i.Definition, i.Current.Value),
                    Figure(i.Definition, i.Target),
                    Figure(i.Definition, i.Previous),
                    l["Indicator_Trend_" + i.Trend].Value,
                })));
            foreach (var i in content.Indicators.Indicators.Where(i => i.Current.Parts.Count > 0))
            {
                body.Append(Heading(l["Indicator_ChartOf", l["Indicator_" + i.Definition.Key]], 3));
                body.Append(Table(
                    [l["Indicator_Part"], l["Indicator_Value"]],
                    i.Current.Parts.Select(p => new[] { l[p.Label].Value, i.Definition.Unit == IndicatorUnit.Percent ? (p.Value is { } v ? v.ToString("0.#", culture) + " %" : "–") : p.Count.ToString(culture) })));
            }

            body.Append(Heading(l["YearlyReport_FollowUp"], 2));
            body.Append(Text(l["YearlyReport_MeasuresDone", content.MeasuresDone]));
            body.Append(Text(l["YearlyReport_MeasuresOverdue", content.MeasuresOverdue]));
            body.Append(Text(l["YearlyReport_DocumentsDecided", content.DocumentsDecided]));
            body.Append(Text(l["YearlyReport_ReviewsOverdue", content.ReviewsOverdue]));
            body.Append(Text(l["YearlyReport_RisksByBand", content.RisksByBandText(l)]));

            body.Append(Heading(l["YearlyReport_Proposals"], 2));
            foreach (var line in (string.IsNullOrWhiteSpace(content.Proposals) ? l["YearlyReport_NoProposals"].Value : content.Proposals).Split('\n'))
            {
                body.Append(Text(line.TrimEnd('\r')));
            }

            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Heading(string text, int level) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = "Heading" + level }), new Run(new Text(text)));

    private static Paragraph Text(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Table Table(string[] headers, IEnumerable<string[]> rows)
    {
        var table = new Table(new TableProperties(
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        var head = new TableRow(new TableRowProperties(new TableHeader()));
        head.Append(headers.Select(h => new TableCell(new Paragraph(new Run(new RunProperties(new Bold()), new Text(h))))));
        table.Append(head);
        foreach (var row in rows)
        {
            table.Append(new TableRow(row.Select(c => new TableCell(new Paragraph(new Run(new Text(c) { Space = SpaceProcessingModeValues.Preserve }))))));
        }

        return table;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            Style("Heading1", "heading 1", 32),
            Style("Heading2", "heading 2", 26),
            Style("Heading3", "heading 3", 22));
        styles.Styles.Save();
    }

    private static Style Style(string id, string name, int halfPoints) =>
        new(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new PrimaryStyle(),
            new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }))
        {
            Type = StyleValues.Paragraph,
            StyleId = id,
        };
}
