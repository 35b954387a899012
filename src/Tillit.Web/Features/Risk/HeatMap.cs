using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Risks;

namespace Tillit.Web.Features.Risk;

/// <summary>
/// One 4×4 heat map: counts per likelihood and consequence, coloured by the organisation's bands, each cell linking to
/// its risks in the register (<see cref="LinkBase"/> plus l and c).
/// </summary>
public sealed record HeatMapModel(string Id, string TitleKey, IReadOnlyList<HeatCell> Cells, RiskBands Bands, string LinkBase)
{
    public int CountAt(int likelihood, int consequence) =>
        Cells.Where(c => c.Likelihood == likelihood && c.Consequence == consequence).Sum(c => c.Count);

    public string Link(int likelihood, int consequence) => $"{LinkBase}&l={likelihood}&c={consequence}";

    public string Fill(int likelihood, int consequence) => Bands.BandOf(likelihood * consequence) switch
    {
        RiskBand.Low => "#c8e6c9",
        RiskBand.Medium => "#fff3b0",
        RiskBand.High => "#ffcc80",
        _ => "#ef9a9a",
    };

    /// <summary>
    /// The SVG (server-rendered; no script): likelihood 4 at the top, consequence 1–4 left to right, each cell a
    /// link with a spoken label. Razor reserves the text element, so it is written here.
    /// </summary>
    public IHtmlContent Svg(IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        const int cell = 64, left = 40, top = 8;
        var width = left + (cell * 4) + 8;
        var height = top + (cell * 4) + 40;
        var enc = HtmlEncoder.Default;
        var inv = CultureInfo.InvariantCulture;
        var svg = new StringBuilder();
        svg.Append(inv, $"<svg role=\"group\" aria-labelledby=\"{Id}-title\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var li = 4; li >= 1; li--)
        {
            var y = top + ((4 - li) * cell);
            svg.Append(inv, $"<text x=\"{left - 10}\" y=\"{y + (cell / 2) + 5}\" text-anchor=\"end\" font-size=\"14\" fill=\"#000\">{li}</text>");
            for (var c = 1; c <= 4; c++)
            {
                var x = left + ((c - 1) * cell);
                var n = CountAt(li, c);
                svg.Append(inv, $"<a href=\"{enc.Encode(Link(li, c))}\" aria-label=\"{enc.Encode(l["Risk.HeatCell", li, c, n].Value)}\">");
                svg.Append(inv, $"<rect x=\"{x}\" y=\"{y}\" width=\"{cell - 2}\" height=\"{cell - 2}\" fill=\"{Fill(li, c)}\" stroke=\"#333\" stroke-width=\"1\"/>");
                svg.Append(inv, $"<text x=\"{x + (cell / 2) - 1}\" y=\"{y + (cell / 2) + 6}\" text-anchor=\"middle\" font-size=\"18\" font-weight=\"{(n > 0 ? "bold" : "normal")}\" fill=\"#000\">{(n > 0 ? n.ToString(inv) : "·")}</text></a>");
            }
        }

        for (var c = 1; c <= 4; c++)
        {
            svg.Append(inv, $"<text x=\"{left + ((c - 1) * cell) + (cell / 2) - 1}\" y=\"{top + (cell * 4) + 18}\" text-anchor=\"middle\" font-size=\"14\" fill=\"#000\">{c}</text>");
        }

        svg.Append(inv, $"<text x=\"{left + (cell * 2)}\" y=\"{top + (cell * 4) + 36}\" text-anchor=\"middle\" font-size=\"13\" fill=\"#000\">{enc.Encode(l["Risk.ConsequenceAxis"].Value)}</text></svg>");
        return new HtmlString(svg.ToString());
    }
}
