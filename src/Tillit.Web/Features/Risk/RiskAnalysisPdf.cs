using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Tillit.Web.Infrastructure.Pdf;

namespace Tillit.Web.Features.Risk;

/// <summary>
/// A risk analysis as a tagged PDF for the registry, with the same marking, facts, risks and heat maps as the Word
/// file (<see cref="RiskAnalysisDocx"/> gives both their content). The Word file's twelve-column risk table does not
/// fit an A4 page, so each risk is a heading of its own (cause → event → consequence) over a two-column table of
/// its assessment. Entered text is escaped, so it is never read as Markdown.
/// </summary>
public static class RiskAnalysisPdf
{
    public const string ContentType = "application/pdf";

    public static string FileName(RiskAnalysisDetails analysis) => Path.ChangeExtension(RiskAnalysisDocx.FileName(analysis), ".pdf");

    public static byte[] Write(RiskAnalysisExport export, IStringLocalizer l, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(l);
        var a = export.Analysis;
        var facts = new List<PdfFact>();
        if (export.OrganisationName.Length > 0)
        {
            facts.Add(new(l["RiskDocx.Organisation"], export.OrganisationName));
        }

        facts.Add(new(l["RiskDocx.ExportedOn"], today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        facts.AddRange(RiskAnalysisDocx.Facts(a, l).Select(f => new PdfFact(f.Label, f.Value)));

        var md = new StringBuilder();
        void Heading(string text, int level) => md.Append('#', level).Append(' ').AppendLine(Literal(text)).AppendLine();
        void Line(string text) => md.AppendLine(Literal(text)).AppendLine();
        void Table(string[] headers, IEnumerable<string[]> rows)
        {
            md.AppendLine("| " + string.Join(" | ", headers.Select(Literal)) + " |");
            md.AppendLine("|" + string.Concat(headers.Select(_ => "---|")));
            foreach (var row in rows)
            {
                md.AppendLine("| " + string.Join(" | ", row.Select(Literal)) + " |");
            }

            md.AppendLine();
        }

        Heading(l["RiskDocx.RisksHeading", a.Risks.Count], 1);
        if (a.Risks.Count == 0)
        {
            Line(l["Risk.NoRisksYet"]);
        }
        else
        {
            Line(RiskAnalysisDocx.RisksIntro(export.Bands, l));
            var headers = RiskAnalysisDocx.RiskHeaders(l);
            foreach (var row in RiskAnalysisDocx.RiskRows(export, l))
            {
                // The number and the sentence make the heading; the rest is the assessment, one line per field.
                Heading($"{row[0]}. {row[1]}", 2);
                Table([l["RiskPdf.Field"], l["RiskPdf.Value"]], headers.Zip(row).Skip(2).Select(p => new[] { p.First, p.Second }));
            }
        }

        Heading(l["Risk.HeatMaps"], 1);
        Line(l["RiskDocx.HeatIntro"]);
        foreach (var (title, cells) in new[] { (l["Risk.HeatInherent"].Value, a.Inherent), (l["Risk.HeatResidual"].Value, a.Residual) })
        {
            Heading(title, 2);
            Table(RiskAnalysisDocx.HeatHeaders(l), RiskAnalysisDocx.HeatRows(cells, export.Bands, l));
        }

        return MarkdownPdf.Write(new PdfContent(
            a.Title,
            CultureInfo.CurrentUICulture.Name,
            export.OrganisationName,
            l["RiskDocx.Marking"],
            l["RiskDocx.About"],
            facts,
            md.ToString(),
            l["Pdf.PageLabel"]));
    }

    /// <summary>Literal text; a line break inside a cell (several measures) becomes a semicolon.</summary>
    private static string Literal(string text) => MarkdownPdf.Literal(text.Replace("\n", "; ", StringComparison.Ordinal));
}
