using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Tillit.Web.Infrastructure.Pdf;

namespace Tillit.Web.Features.Continuity;

/// <summary>
/// The crisis binder for the day the network is down: the crisis organisation and every current continuity plan,
/// as one self-contained HTML file (styles inline, no script, no image, no link out: it opens from a USB stick or a
/// phone with nothing else) and as a tagged PDF for print. Both are written from the same sections, so they hold the
/// same text.
/// </summary>
public static class CrisisBinderDocument
{
    private sealed record Section(string Title, IReadOnlyList<(string Label, string Value)> Facts, string[]? Headers, IReadOnlyList<string[]>? Rows);

    private const string Style = "body{font-family:system-ui,-apple-system,'Segoe UI',Arial,sans-serif;line-height:1.5;max-width:60rem;margin:1.5rem auto;padding:0 1rem;color:#1b1b1b;background:#fff}"
        + "h1{font-size:1.8rem}h2{font-size:1.35rem;border-top:2px solid #1b1b1b;padding-top:.75rem;margin-top:2rem}table{border-collapse:collapse;width:100%}"
        + "th,td{border:1px solid #6b6b6b;padding:.35rem .5rem;text-align:left;vertical-align:top}dl{display:grid;grid-template-columns:minmax(10rem,16rem) 1fr;gap:.25rem 1rem}"
        + "dt{font-weight:700}dd{margin:0;white-space:pre-wrap}.muted{color:#4a4a4a}@media print{h2{break-before:page}}";

    public static string Html(CrisisBinder binder, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(binder);
        ArgumentNullException.ThrowIfNull(l);
        // Letters of every script stay as they are (å, ä, ö readable in the file); markup characters are escaped.
        var e = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        var title = l["Continuity.BinderTitle", binder.OrganisationName].Value;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(e.Encode(title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(e.Encode(title)).Append("</h1>\n")
            .Append("<p class=\"muted\">").Append(e.Encode(l["Continuity.BinderGenerated", Stamp(binder)].Value)).Append("</p>\n");
        foreach (var section in Sections(binder, l))
        {
            html.Append("<section>\n<h2>").Append(e.Encode(section.Title)).Append("</h2>\n");
            if (section.Facts.Count > 0)
            {
                html.Append("<dl>\n");
                foreach (var (label, value) in section.Facts)
                {
                    html.Append("<dt>").Append(e.Encode(label)).Append("</dt><dd>").Append(e.Encode(value)).Append("</dd>\n");
                }

                html.Append("</dl>\n");
            }

            if (section.Headers is { } headers)
            {
                html.Append("<table>\n<thead><tr>");
                foreach (var h in headers)
                {
                    html.Append("<th scope=\"col\">").Append(e.Encode(h)).Append("</th>");
                }

                html.Append("</tr></thead>\n<tbody>\n");
                foreach (var row in section.Rows ?? [])
                {
                    html.Append("<tr>");
                    foreach (var cell in row)
                    {
                        html.Append("<td>").Append(e.Encode(cell)).Append("</td>");
                    }

                    html.Append("</tr>\n");
                }

                html.Append("</tbody>\n</table>\n");
            }

            html.Append("</section>\n");
        }

        return html.Append("</main>\n</body>\n</html>\n").ToString();
    }

    public static byte[] Pdf(CrisisBinder binder, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(binder);
        ArgumentNullException.ThrowIfNull(l);
        var md = new StringBuilder();
        foreach (var section in Sections(binder, l))
        {
            md.Append("## ").AppendLine(MarkdownPdf.Literal(section.Title)).AppendLine();
            foreach (var (label, value) in section.Facts)
            {
                md.Append("**").Append(MarkdownPdf.Literal(label)).Append("**: ").AppendLine(MarkdownPdf.Literal(value)).AppendLine();
            }

            if (section.Headers is { } headers)
            {
                md.AppendLine("| " + string.Join(" | ", headers.Select(MarkdownPdf.Literal)) + " |");
                md.AppendLine("|" + string.Concat(headers.Select(_ => "---|")));
                foreach (var row in section.Rows ?? [])
                {
                    md.AppendLine("| " + string.Join(" | ", row.Select(MarkdownPdf.Literal)) + " |");
                }

                md.AppendLine();
            }
        }

        return MarkdownPdf.Write(new PdfContent(
            l["Continuity.BinderTitle", binder.OrganisationName],
            "sv-SE",
            binder.OrganisationName,
            null,
            l["Continuity.BinderGenerated", Stamp(binder)],
            [],
            md.ToString(),
            l["Pdf.PageLabel"]));
    }

    private static string Stamp(CrisisBinder binder) => binder.GeneratedUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private static IEnumerable<Section> Sections(CrisisBinder binder, IStringLocalizer l)
    {
        var hours = (int h) => l["Continuity.Hours", h].Value;
        yield return new Section(
            l["Crisis.Title"],
            [],
            [l["Crisis.Role"], l["Crisis.Holder"], l["Crisis.Deputy"], l["Crisis.Reach"]],
            [.. binder.Roles.Select(r => new[] { r.Title, r.Holder, r.Deputy ?? "–", r.Reach ?? "–" })]);
        yield return new Section(
            l["Continuity.BinderOverview"],
            [],
            [l["Continuity.System"], l["Continuity.MaxDowntime"], l["Continuity.Rto"], l["Continuity.Rpo"]],
            [.. binder.Plans.Select(p => new[] { p.SystemName, hours(p.Objectives!.MaxDowntimeHours), hours(p.Objectives.RecoveryTimeHours), hours(p.Objectives.RecoveryPointHours) })]);
        foreach (var p in binder.Plans)
        {
            var dependencies = p.Dependencies ?? string.Empty;
            if (p.RegisterDependencies.Count > 0)
            {
                dependencies = (dependencies.Length > 0 ? dependencies + "\n" : string.Empty) + l["Continuity.RegisterDependencies", string.Join(", ", p.RegisterDependencies)].Value;
            }

            yield return new Section(
                l["Continuity.PlanFor", p.SystemName],
                [
                    (l["Continuity.MaxDowntime"], hours(p.Objectives!.MaxDowntimeHours)),
                    (l["Continuity.Rto"], hours(p.Objectives.RecoveryTimeHours)),
                    (l["Continuity.Rpo"], hours(p.Objectives.RecoveryPointHours)),
                    (l["Continuity.Fallback"], p.FallbackRoutines ?? string.Empty),
                    (l["Continuity.Contacts"], p.Contacts ?? "–"),
                    (l["Continuity.Dependencies"], dependencies.Length > 0 ? dependencies : "–"),
                    (l["Continuity.Responsible"], p.ResponsibleName ?? "–"),
                    (l["Continuity.NextReview"], p.NextReview?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–"),
                ],
                null,
                null);
        }
    }
}
