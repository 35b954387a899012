using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Tillit.Web.Features.Shared.Export;

/// <summary>
/// Writes an accessible Word document (Open XML): the built-in heading styles (Heading1–3, so Word's navigation and
/// screen readers see the structure), tables whose first row repeats as a marked header row, the document's language
/// on every run (styles' defaults) and its title in the core properties. Text that XML cannot hold (control
/// characters) is left out rather than failing the export.
/// </summary>
public static class WordDocument
{
    /// <summary>The document: <paramref name="build"/> appends its paragraphs and tables to the body.</summary>
    /// <param name="title">The document's title (core properties; what Word and a screen reader announce).</param>
    /// <param name="language">A BCP 47 tag such as sv-SE.</param>
    /// <param name="landscape">A4 landscape, for wide tables.</param>
    /// <param name="build">Appends the content.</param>
    public static byte[] Write(string title, string language, bool landscape, Action<Body> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = Clean(title);
            document.PackageProperties.Language = language;
            document.PackageProperties.Creator = "Tillit";
            var main = document.AddMainDocumentPart();
            AddStyles(main, language);
            var body = new Body();
            main.Document = new Document(body);
            build(body);

            // A4 (twentieths of a point), 2 cm margins.
            body.Append(new SectionProperties(
                landscape
                    ? new PageSize { Width = 16838U, Height = 11906U, Orient = PageOrientationValues.Landscape }
                    : new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    public static Paragraph Heading(string text, int level) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = "Heading" + level.ToString(CultureInfo.InvariantCulture) }), new Run(new Text(Clean(text))));

    public static Paragraph Text(string text) => new(Runs(text));

    /// <summary>A label in bold and its value on one line.</summary>
    public static Paragraph Fact(string label, string value) =>
        new(new Run(new RunProperties(new Bold()), new Text(Clean(label) + ": ") { Space = SpaceProcessingModeValues.Preserve }), new Run(new Text(Clean(value)) { Space = SpaceProcessingModeValues.Preserve }));

    /// <summary>
    /// A full-width table with a header row (marked as such, repeated on every page). A cell's line breaks are kept.
    /// <paramref name="fontHalfPoints"/> sets a smaller size for wide tables.
    /// </summary>
    public static Table Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, int? fontHalfPoints = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableLayout { Type = TableLayoutValues.Autofit }));

        // The grid is required; Word fits the columns to their content within the full width.
        var grid = new TableGrid();
        foreach (var _ in headers)
        {
            grid.Append(new GridColumn { Width = (9638 / Math.Max(1, headers.Count)).ToString(CultureInfo.InvariantCulture) });
        }

        table.Append(grid);
        var head = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        foreach (var h in headers)
        {
            head.Append(new TableCell(new Paragraph(Runs(h, bold: true, fontHalfPoints))));
        }

        table.Append(head);
        foreach (var row in rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            foreach (var cell in row)
            {
                tr.Append(new TableCell(new Paragraph(Runs(cell, bold: false, fontHalfPoints))));
            }

            table.Append(tr);
        }

        return table;
    }

    /// <summary>Leaves out what XML 1.0 cannot hold (control characters other than tab and line breaks).</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>One run per line, separated by line breaks; carriage returns are dropped.</summary>
    private static Run[] Runs(string? text, bool bold = false, int? fontHalfPoints = null)
    {
        var lines = Clean(text).Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        var runs = new Run[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var run = new Run();
            if (bold || fontHalfPoints is not null)
            {
                var props = new RunProperties();
                if (bold)
                {
                    props.Append(new Bold());
                }

                if (fontHalfPoints is { } size)
                {
                    props.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
                }

                run.Append(props);
            }

            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            runs[i] = run;
        }

        return runs;
    }

    private static void AddStyles(MainDocumentPart main, string language)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" },
                    new FontSize { Val = "22" },
                    new Languages { Val = language, EastAsia = language, Bidi = language })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120" }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            HeadingStyle(1, 32),
            HeadingStyle(2, 26),
            HeadingStyle(3, 22));
        styles.Styles.Save();
    }

    private static Style HeadingStyle(int level, int halfPoints)
    {
        var n = level.ToString(CultureInfo.InvariantCulture);
        return new Style(
            new StyleName { Val = "heading " + n },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(
                new KeepNext(),
                new SpacingBetweenLines { Before = "240", After = "120" },
                new OutlineLevel { Val = level - 1 }),
            new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }))
        {
            Type = StyleValues.Paragraph,
            StyleId = "Heading" + n,
        };
    }
}
