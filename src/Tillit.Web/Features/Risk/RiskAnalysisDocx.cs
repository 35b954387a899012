using System.Globalization;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Risks;
using Tillit.Web.Features.Shared.Export;

namespace Tillit.Web.Features.Risk;

/// <summary>
/// A risk analysis as a Word document for the registry (diarium): the secrecy marking, the facts of the analysis, its
/// risks as one table and the two heat maps as tables of counts. A4 landscape, because the risk table is wide.
/// </summary>
public static class RiskAnalysisDocx
{
    private static readonly RiskAspects[] AspectOrder = [RiskAspects.Confidentiality, RiskAspects.Integrity, RiskAspects.Availability, RiskAspects.Traceability];

    public static string FileName(RiskAnalysisDetails analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return $"riskanalys-{analysis.AnalysedOn:yyyy-MM-dd}-{analysis.Id.ToString("N")[..8]}.docx";
    }

    public static byte[] Write(RiskAnalysisExport export, IStringLocalizer l, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(l);
        var a = export.Analysis;
        var inv = CultureInfo.InvariantCulture;

        return WordDocument.Write(a.Title, CultureInfo.CurrentUICulture.Name, landscape: true, body =>
        {
            body.Append(WordDocument.Heading(a.Title, 1));
            body.Append(WordDocument.Text(l["RiskDocx.Marking"]));
            if (export.OrganisationName.Length > 0)
            {
                body.Append(WordDocument.Fact(l["RiskDocx.Organisation"], export.OrganisationName));
            }

            body.Append(WordDocument.Fact(l["RiskDocx.ExportedOn"], today.ToString("yyyy-MM-dd", inv)));

            body.Append(WordDocument.Heading(l["RiskDocx.About"], 2));
            foreach (var (label, value) in Facts(a, l))
            {
                body.Append(WordDocument.Fact(label, value));
            }

            body.Append(WordDocument.Heading(l["RiskDocx.RisksHeading", a.Risks.Count], 2));
            if (a.Risks.Count == 0)
            {
                body.Append(WordDocument.Text(l["Risk.NoRisksYet"]));
            }
            else
            {
                body.Append(WordDocument.Text(RisksIntro(export.Bands, l)));
                body.Append(WordDocument.Table(RiskHeaders(l), RiskRows(export, l), fontHalfPoints: 18));
            }

            body.Append(WordDocument.Heading(l["Risk.HeatMaps"], 2));
            body.Append(WordDocument.Text(l["RiskDocx.HeatIntro"]));
            foreach (var (title, cells) in new[] { (l["Risk.HeatInherent"].Value, a.Inherent), (l["Risk.HeatResidual"].Value, a.Residual) })
            {
                body.Append(WordDocument.Heading(title, 3));
                body.Append(WordDocument.Table(HeatHeaders(l), HeatRows(cells, export.Bands, l)));
            }
        });
    }

    /// <summary>The facts about the analysis, in the order both the Word file and the PDF print them.</summary>
    internal static IEnumerable<(string Label, string Value)> Facts(RiskAnalysisDetails a, IStringLocalizer l)
    {
        var inv = CultureInfo.InvariantCulture;
        string Or(string? s) => string.IsNullOrWhiteSpace(s) ? l["Common.NotGiven"].Value : s;
        yield return (l["Risk.Systems"], Or(string.Join(", ", a.Systems.Select(s => s.Name))));
        yield return (l["Risk.Scope"], l["RiskAnalysisScope." + a.Scope]);
        yield return (l["Risk.MethodNote"], Or(a.MethodNote));
        yield return (l["Risk.Participants"], Or(a.Participants));
        yield return (l["Risk.AnalysedOn"], a.AnalysedOn.ToString("yyyy-MM-dd", inv));
        yield return (l["Risk.Status"], l["RiskAnalysisStatus." + a.Status]);
        yield return (l["Risk.ApprovedBy"], a.ApprovedOn is { } on ? $"{a.ApprovedByName}, {on.ToString("yyyy-MM-dd", inv)}" : l["RiskDocx.NotApproved"].Value);
        yield return (l["Risk.NextReviewOn"], a.NextReviewOn.ToString("yyyy-MM-dd", inv));
        if (a.ReviewNeeded)
        {
            yield return (l["Risk.ReviewNeeded"], Or(a.ReviewReason));
        }
    }

    internal static string RisksIntro(RiskBands bands, IStringLocalizer l) =>
        l["RiskDocx.RisksIntro", Span(bands, RiskBand.Low), Span(bands, RiskBand.Medium), Span(bands, RiskBand.High), Span(bands, RiskBand.VeryHigh)];

    internal static string[] RiskHeaders(IStringLocalizer l) =>
    [
        l["RiskDocx.Number"], l["RiskDocx.CauseEventEffect"], l["Risk.Threat"], l["Risk.Aspects"], l["Risk.Likelihood"], l["Risk.Consequence"],
        l["Risk.Level"], l["Risk.Treatment"], l["Risk.Measures"], l["Risk.ResidualLevel"], l["Risk.Owner"], l["Risk.Acceptance"],
    ];

    /// <summary>One row per risk, its cells in the order of <see cref="RiskHeaders"/>.</summary>
    internal static IEnumerable<string[]> RiskRows(RiskAnalysisExport export, IStringLocalizer l)
    {
        string Band(RiskBand band) => l["RiskBand." + band].Value;
        return export.Analysis.Risks.Select((r, i) => Row(r, i + 1, export.Extras.GetValueOrDefault(r.Id), l, Band));
    }

    private static string Span(RiskBands bands, RiskBand band)
    {
        var (min, max) = RiskQueries.Range(bands, band);
        return min == max ? min.ToString(CultureInfo.InvariantCulture) : $"{min.ToString(CultureInfo.InvariantCulture)}–{max.ToString(CultureInfo.InvariantCulture)}";
    }

    private static string[] Row(RiskRow r, int number, RiskExportExtra? extra, IStringLocalizer l, Func<RiskBand, string> band)
    {
        var inv = CultureInfo.InvariantCulture;
        var treatment = r.Treatment is { } t ? l["RiskTreatment." + t].Value : l["Common.NotGiven"].Value;
        if (!string.IsNullOrWhiteSpace(extra?.TreatmentNote))
        {
            treatment += ": " + extra.TreatmentNote;
        }

        var measures = extra is null || extra.Measures.Count == 0
            ? l["Risk.NoMeasures"].Value
            : string.Join("\n", extra.Measures.Select(m => $"{m.Title} ({l["MeasureStatus." + m.Status].Value}, {m.DueDate.ToString("yyyy-MM-dd", inv)})"));
        var acceptance = extra?.AcceptedAt is { } at
            ? l["Risk.AcceptedBy", extra.AcceptedByName ?? string.Empty, at.ToString("yyyy-MM-dd", inv), l["RiskAcceptor." + extra.AcceptedAs].Value].Value + (string.IsNullOrWhiteSpace(extra.AcceptanceReason) ? string.Empty : "\n" + extra.AcceptanceReason)
            : l["Risk.NotAccepted"].Value;
        return
        [
            number.ToString(inv),
            l["Risk.Sentence", r.Cause, r.Event, r.Effect].Value,
            r.ThreatName ?? l["Common.NotGiven"].Value,
            string.Join(", ", AspectOrder.Where(x => r.Aspects.HasFlag(x)).Select(x => l["Aspect." + x].Value)),
            r.Likelihood.ToString(inv),
            r.Consequence.ToString(inv),
            $"{r.Level.ToString(inv)} {band(r.Band)}",
            treatment,
            measures,
            r.ResidualLevel is { } rl && r.ResidualBand is { } rb ? $"{rl.ToString(inv)} {band(rb)} ({r.ResidualLikelihood}×{r.ResidualConsequence})" : l["Risk.NotAssessed"].Value,
            r.OwnerName ?? l["Common.NotGiven"].Value,
            acceptance,
        ];
    }

    internal static string[] HeatHeaders(IStringLocalizer l) =>
        [l["RiskDocx.HeatCorner"], .. Enumerable.Range(RiskLevel.Min, RiskLevel.Max).Select(c => l["Risk.ConsequenceShort", c].Value)];

    /// <summary>Likelihood 4 in the first row as in the picture; each cell the count and the band of its level.</summary>
    internal static List<string[]> HeatRows(IReadOnlyList<HeatCell> cells, RiskBands bands, IStringLocalizer l)
    {
        var inv = CultureInfo.InvariantCulture;
        var rows = new List<string[]>();
        for (var li = RiskLevel.Max; li >= RiskLevel.Min; li--)
        {
            var row = new string[5];
            row[0] = l["RiskDocx.LikelihoodRow", li].Value;
            for (var c = RiskLevel.Min; c <= RiskLevel.Max; c++)
            {
                var count = cells.Where(x => x.Likelihood == li && x.Consequence == c).Sum(x => x.Count);
                row[c] = $"{count.ToString(inv)} ({l["RiskBand." + bands.BandOf(li * c)].Value})";
            }

            rows.Add(row);
        }

        return rows;
    }
}
