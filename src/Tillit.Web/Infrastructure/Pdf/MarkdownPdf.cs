using System.Globalization;
using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Tillit.Web.Infrastructure.Pdf;

/// <summary>A labelled fact printed under the title (a decision's date, paragraph, registry number).</summary>
public sealed record PdfFact(string Label, string Value);

/// <summary>What a governing document's PDF shows: title, an optional notice (not in force), facts, and the Markdown text.</summary>
public sealed record PdfContent(
    string Title,
    string Language,
    string Author,
    string? Notice,
    string FactsHeading,
    IReadOnlyList<PdfFact> Facts,
    string Markdown,
    string PageLabelFormat);

/// <summary>
/// Writes a governing document as a tagged PDF (headings, paragraphs, lists, tables and links in the
/// structure tree, page furniture as artifacts, document language and title set) so that a screen reader
/// reads it as it reads the page. The Markdown is parsed with the same rules as the page (raw HTML is
/// never rendered, only http, https and mailto links become links, images become their alt text).
/// Fonts (DejaVu Sans, licence in Fonts/LICENSE.txt) are embedded in the assembly, so the output does not
/// depend on the fonts of the server.
/// </summary>
public static class MarkdownPdf
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private static readonly Lock FontLock = new();

    public static byte[] Write(PdfContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        EnsureFonts();
        using var document = new PdfDocument();
        document.Info.Title = content.Title;
        document.Info.Author = content.Author;
        document.Info.Creator = "Tillit";
        document.ViewerPreferences.DisplayDocTitle = true;
        var writer = new Writer(document, content.PageLabelFormat);
        writer.Run(content, Markdown.Parse(content.Markdown, Pipeline));

        // Set last: PDFsharp's UAManager writes its own default language when it takes over the document.
        document.Language = content.Language;
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static void EnsureFonts()
    {
        lock (FontLock)
        {
            if (GlobalFontSettings.FontResolver is not EmbeddedFonts)
            {
                GlobalFontSettings.FontResolver = new EmbeddedFonts();
            }
        }
    }

    private readonly record struct Run(string Text, XFont Font, string? Link);

    private sealed record Piece(string Text, XFont Font, string? Link, double Width);

    private sealed record Line(List<Piece> Pieces, double Height);

    /// <summary>Lays the blocks out top to bottom on A4 pages, opening a structure element around each.</summary>
    private sealed class Writer
    {
        private const double Margin = 56;
        private const double FooterSpace = 28;
        private const double IndentStep = 18;

        private readonly PdfDocument _document;
        private readonly StructureBuilder _structure;
        private readonly string _pageLabelFormat;
        private readonly XFont _body = new(EmbeddedFonts.Sans, 10.5);
        private readonly XFont _bold = new(EmbeddedFonts.Sans, 10.5, XFontStyleEx.Bold);
        private readonly XFont _italic = new(EmbeddedFonts.Sans, 10.5, XFontStyleEx.Italic);
        private readonly XFont _boldItalic = new(EmbeddedFonts.Sans, 10.5, XFontStyleEx.BoldItalic);
        private readonly XFont _code = new(EmbeddedFonts.Mono, 9.5);
        private readonly XFont _small = new(EmbeddedFonts.Sans, 8.5);
        private readonly Dictionary<XFont, double> _spaces = [];
        private XGraphics? _graphics;
        private PdfPage? _page;
        private double _y;
        private int _pageNumber;

        public Writer(PdfDocument document, string pageLabelFormat)
        {
            _document = document;
            _pageLabelFormat = pageLabelFormat;
            _structure = UAManager.ForDocument(document).StructureBuilder;
        }

        private XGraphics Graphics => _graphics ?? throw new InvalidOperationException("No page yet.");

        private double Width => _page!.Width.Point - (2 * Margin);

        public void Run(PdfContent content, MarkdownDocument markdown)
        {
            NewPage();
            _structure.BeginElement(PdfGroupingElementTag.Document);
            Paragraph(PdfBlockLevelElementTag.Heading1, [new Run(content.Title, new XFont(EmbeddedFonts.Sans, 18, XFontStyleEx.Bold), null)], 0, 10);
            if (content.Notice is { Length: > 0 } notice)
            {
                Paragraph(PdfBlockLevelElementTag.Paragraph, [new Run(notice, _bold, null)], 0, 8, XBrushes.DarkRed);
            }

            if (content.Facts.Count > 0)
            {
                Paragraph(PdfBlockLevelElementTag.Heading2, [new Run(content.FactsHeading, new XFont(EmbeddedFonts.Sans, 13, XFontStyleEx.Bold), null)], 0, 4);
                foreach (var fact in content.Facts)
                {
                    Paragraph(PdfBlockLevelElementTag.Paragraph, [new Run(fact.Label + ": ", _bold, null), new Run(fact.Value, _body, null)], 0, 2);
                }
            }

            Rule();
            foreach (var block in markdown)
            {
                Block(block, 0);
            }

            _structure.End();
            _graphics?.Dispose();
        }

        private void Block(Block block, double indent)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    var level = Math.Clamp(heading.Level + 1, 2, 6);
                    var size = level switch { 2 => 14, 3 => 12, _ => 11 };
                    EnsureSpace(size * 4);
                    Paragraph(HeadingTag(level), Inlines(heading.Inline, new XFont(EmbeddedFonts.Sans, size, XFontStyleEx.Bold)), indent, 4, before: 6);
                    break;
                case ParagraphBlock paragraph:
                    Paragraph(PdfBlockLevelElementTag.Paragraph, Inlines(paragraph.Inline, _body), indent, 6);
                    break;
                case ListBlock list:
                    List(list, indent);
                    break;
                case QuoteBlock quote:
                    _structure.BeginElement(PdfGroupingElementTag.BlockQuotation);
                    foreach (var child in quote)
                    {
                        Block(child, indent + IndentStep);
                    }

                    _structure.End();
                    break;
                case Table table:
                    TableBlock(table, indent);
                    break;
                case CodeBlock code:
                    var text = string.Join('\n', code.Lines.Lines.Take(code.Lines.Count).Select(l => l.ToString()));
                    Paragraph(PdfBlockLevelElementTag.Paragraph, [new Run(text, _code, null)], indent + (IndentStep / 2), 6);
                    break;
                case ThematicBreakBlock:
                    Rule();
                    break;
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        Block(child, indent);
                    }

                    break;
                default:
                    break;
            }
        }

        private void List(ListBlock list, double indent)
        {
            _structure.BeginElement(PdfBlockLevelElementTag.List);
            var number = int.TryParse(list.OrderedStart, NumberStyles.Integer, CultureInfo.InvariantCulture, out var start) ? start : 1;
            foreach (var item in list.OfType<ListItemBlock>())
            {
                _structure.BeginElement(PdfBlockLevelElementTag.ListItem);
                var label = list.IsOrdered ? number.ToString(CultureInfo.InvariantCulture) + "." : "•";
                number++;
                EnsureSpace(LineHeight(_body));
                _structure.BeginElement(PdfBlockLevelElementTag.Label);
                Graphics.DrawString(label, _body, XBrushes.Black, new XRect(Margin + indent, _y, IndentStep, LineHeight(_body)), XStringFormats.TopLeft);
                _structure.End();
                _structure.BeginElement(PdfBlockLevelElementTag.ListBody);
                foreach (var child in item)
                {
                    Block(child, indent + IndentStep);
                }

                _structure.End();
                _structure.End();
            }

            _structure.End();
            _y += 4;
        }

        private void TableBlock(Table table, double indent)
        {
            var rows = table.OfType<TableRow>().ToList();
            var columns = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
            if (columns == 0)
            {
                return;
            }

            const double padding = 4;
            var columnWidth = (Width - indent) / columns;
            _structure.BeginElement(PdfBlockLevelElementTag.Table);
            foreach (var row in rows)
            {
                var cells = row.OfType<TableCell>().Select(c => Break(CellRuns(c, row.IsHeader ? _bold : _body), columnWidth - (2 * padding))).ToList();
                var height = cells.Count == 0 ? LineHeight(_body) : cells.Max(c => c.Sum(l => l.Height)) + (2 * padding);
                EnsureSpace(height);
                _structure.BeginElement(PdfBlockLevelElementTag.TableRow);
                for (var i = 0; i < columns; i++)
                {
                    var x = Margin + indent + (i * columnWidth);
                    _structure.BeginArtifact();
                    Graphics.DrawRectangle(XPens.Gray, x, _y, columnWidth, height);
                    _structure.End();
                    _structure.BeginElement(row.IsHeader ? PdfBlockLevelElementTag.TableHeaderCell : PdfBlockLevelElementTag.TableDataCell);
                    var y = _y + padding;
                    foreach (var line in i < cells.Count ? cells[i] : [])
                    {
                        DrawLine(line, x + padding, y, XBrushes.Black);
                        y += line.Height;
                    }

                    _structure.End();
                }

                _structure.End();
                _y += height;
            }

            _structure.End();
            _y += 8;
        }

        private List<Run> CellRuns(TableCell cell, XFont font)
        {
            var runs = new List<Run>();
            foreach (var paragraph in cell.OfType<ParagraphBlock>())
            {
                runs.AddRange(Inlines(paragraph.Inline, font));
            }

            return runs;
        }

        private void Paragraph(PdfBlockLevelElementTag tag, List<Run> runs, double indent, double after, XBrush? brush = null, double before = 0)
        {
            _y += before;
            var lines = Break(runs, Width - indent);
            _structure.BeginElement(tag);
            foreach (var line in lines)
            {
                EnsureSpace(line.Height);
                DrawLine(line, Margin + indent, _y, brush ?? XBrushes.Black);
                _y += line.Height;
            }

            _structure.End();
            _y += after;
        }

        private void DrawLine(Line line, double x, double y, XBrush brush)
        {
            foreach (var piece in line.Pieces)
            {
                var box = new XRect(x, y, piece.Width, line.Height);
                if (piece.Link is { } url)
                {
                    var pageHeight = _page!.Height.Point;
                    var annotation = PdfSharp.Pdf.Annotations.PdfLinkAnnotation.CreateWebLink(new PdfRectangle(new XRect(x, pageHeight - y - line.Height, piece.Width, line.Height)), url);
                    _structure.BeginElement(annotation, piece.Text);
                    Graphics.DrawString(piece.Text, piece.Font, XBrushes.DarkBlue, box, XStringFormats.TopLeft);
                    _structure.End();
                }
                else
                {
                    Graphics.DrawString(piece.Text, piece.Font, brush, box, XStringFormats.TopLeft);
                }

                x += piece.Width;
            }
        }

        /// <summary>Breaks runs into lines no wider than <paramref name="width"/>, at spaces (a word longer than a line is cut).</summary>
        private List<Line> Break(List<Run> runs, double width)
        {
            var lines = new List<Line>();
            var pieces = new List<Piece>();
            var used = 0d;
            var height = LineHeight(_body);

            void Flush()
            {
                lines.Add(new Line(Merge(pieces), height));
                pieces = [];
                used = 0;
                height = LineHeight(_body);
            }

            foreach (var run in runs)
            {
                var paragraphs = run.Text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
                for (var p = 0; p < paragraphs.Length; p++)
                {
                    if (p > 0)
                    {
                        Flush();
                    }

                    foreach (var (word, space) in Words(paragraphs[p]))
                    {
                        if (word.Length > 0)
                        {
                            var wordWidth = Measure(word, run.Font);
                            if (pieces.Count > 0 && used + wordWidth > width)
                            {
                                Flush();
                            }

                            foreach (var part in Cut(word, run.Font, wordWidth, width))
                            {
                                if (pieces.Count > 0 && used + part.Width > width)
                                {
                                    Flush();
                                }

                                pieces.Add(new Piece(part.Text, run.Font, run.Link, part.Width));
                                used += part.Width;
                                height = Math.Max(height, LineHeight(run.Font));
                            }
                        }

                        if (space && pieces.Count > 0 && pieces[^1].Text != " ")
                        {
                            var spaceWidth = SpaceWidth(run.Font);
                            pieces.Add(new Piece(" ", run.Font, run.Link, spaceWidth));
                            used += spaceWidth;
                        }
                    }
                }
            }

            if (pieces.Count > 0 || lines.Count == 0)
            {
                Flush();
            }

            return lines;
        }

        private IEnumerable<(string Text, double Width)> Cut(string word, XFont font, double wordWidth, double width)
        {
            if (wordWidth <= width || word.Length < 2)
            {
                yield return (word, wordWidth);
                yield break;
            }

            var start = 0;
            for (var end = 1; end <= word.Length; end++)
            {
                var candidate = word[start..end];
                if (end == word.Length)
                {
                    yield return (candidate, Measure(candidate, font));
                }
                else if (Measure(word[start..(end + 1)], font) > width)
                {
                    yield return (candidate, Measure(candidate, font));
                    start = end;
                }
            }
        }

        /// <summary>Joins neighbouring pieces of the same font and link, so a line is drawn in few strings.</summary>
        private static List<Piece> Merge(List<Piece> pieces)
        {
            while (pieces.Count > 0 && pieces[^1].Text == " ")
            {
                pieces.RemoveAt(pieces.Count - 1);
            }

            var merged = new List<Piece>();
            foreach (var piece in pieces)
            {
                if (merged.Count > 0 && merged[^1].Font == piece.Font && merged[^1].Link == piece.Link)
                {
                    merged[^1] = merged[^1] with { Text = merged[^1].Text + piece.Text, Width = merged[^1].Width + piece.Width };
                }
                else
                {
                    merged.Add(piece);
                }
            }

            return merged;
        }

        private static IEnumerable<(string Word, bool Space)> Words(string text)
        {
            var start = -1;
            for (var i = 0; i <= text.Length; i++)
            {
                var atSpace = i == text.Length || char.IsWhiteSpace(text[i]);
                if (!atSpace && start < 0)
                {
                    start = i;
                }
                else if (atSpace && start >= 0)
                {
                    yield return (text[start..i], i < text.Length);
                    start = -1;
                }
                else if (atSpace && i < text.Length && start < 0 && i == 0)
                {
                    yield return (string.Empty, true);
                }
            }
        }

        private List<Run> Inlines(ContainerInline? container, XFont font)
        {
            var runs = new List<Run>();
            Collect(container, font, null, runs);
            return runs;
        }

        private void Collect(ContainerInline? container, XFont font, string? link, List<Run> runs)
        {
            if (container is null)
            {
                return;
            }

            foreach (var inline in container)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        runs.Add(new Run(literal.Content.ToString(), font, link));
                        break;
                    case CodeInline code:
                        runs.Add(new Run(code.Content, _code, link));
                        break;
                    case LineBreakInline lineBreak:
                        runs.Add(new Run(lineBreak.IsHard ? "\n" : " ", font, link));
                        break;
                    case AutolinkInline auto:
                        runs.Add(new Run(auto.Url, font, SafeLink(auto.IsEmail ? "mailto:" + auto.Url : auto.Url)));
                        break;
                    case LinkInline { IsImage: true } image:
                        var alt = new StringBuilder();
                        foreach (var child in image.Descendants<LiteralInline>())
                        {
                            alt.Append(child.Content.ToString());
                        }

                        runs.Add(new Run(alt.ToString(), _italic, link));
                        break;
                    case LinkInline anchor:
                        Collect(anchor, font, SafeLink(anchor.Url) ?? link, runs);
                        break;
                    case EmphasisInline emphasis:
                        Collect(emphasis, Emphasised(font, emphasis), link, runs);
                        break;
                    case ContainerInline other:
                        Collect(other, font, link, runs);
                        break;
                    default:
                        runs.Add(new Run(inline.ToString() ?? string.Empty, font, link));
                        break;
                }
            }
        }

        private XFont Emphasised(XFont font, EmphasisInline emphasis)
        {
            if (emphasis.DelimiterChar is not ('*' or '_'))
            {
                return font;
            }

            var bold = emphasis.DelimiterCount >= 2 || font.Bold;
            var italic = emphasis.DelimiterCount == 1 || font.Italic;
            return font.Size > _body.Size ? font : (bold, italic) switch
            {
                (true, true) => _boldItalic,
                (true, false) => _bold,
                (false, true) => _italic,
                _ => _body,
            };
        }

        /// <summary>Only http, https and mailto become links, as on the page.</summary>
        private static string? SafeLink(string? url) =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" ? uri.AbsoluteUri : null;

        private static PdfBlockLevelElementTag HeadingTag(int level) => level switch
        {
            2 => PdfBlockLevelElementTag.Heading2,
            3 => PdfBlockLevelElementTag.Heading3,
            4 => PdfBlockLevelElementTag.Heading4,
            5 => PdfBlockLevelElementTag.Heading5,
            _ => PdfBlockLevelElementTag.Heading6,
        };

        private void Rule()
        {
            EnsureSpace(12);
            _structure.BeginArtifact();
            Graphics.DrawLine(XPens.LightGray, Margin, _y + 4, Margin + Width, _y + 4);
            _structure.End();
            _y += 12;
        }

        private void EnsureSpace(double height)
        {
            if (_y + height > _page!.Height.Point - Margin - FooterSpace)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            // The structure builder closes the open marked content on the old page's graphics when a
            // page is added, so those graphics live until the new page exists.
            _page = _document.AddPage();
            _graphics?.Dispose();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _pageNumber++;
            _structure.BeginArtifact();
            var label = string.Format(CultureInfo.CurrentCulture, _pageLabelFormat, _pageNumber);
            _graphics.DrawString(label, _small, XBrushes.DimGray, new XRect(Margin, _page.Height.Point - Margin, Width, 12), XStringFormats.TopRight);
            _structure.End();
            _y = Margin;
        }

        private static double LineHeight(XFont font) => font.GetHeight() * 1.2;

        private double Measure(string text, XFont font) => text.Length == 0 ? 0 : Graphics.MeasureString(text, font).Width;

        private double SpaceWidth(XFont font)
        {
            if (!_spaces.TryGetValue(font, out var width))
            {
                width = Graphics.MeasureString("x x", font).Width - Graphics.MeasureString("xx", font).Width;
                _spaces[font] = width;
            }

            return width;
        }
    }

    /// <summary>Serves the embedded DejaVu faces: regular and bold sans, mono; italic is simulated by slanting.</summary>
    private sealed class EmbeddedFonts : IFontResolver
    {
        public const string Sans = "Tillit Sans";
        public const string Mono = "Tillit Mono";

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => familyName switch
        {
            Mono => new FontResolverInfo("Tillit.Fonts.Mono", bold, italic),
            _ when bold => new FontResolverInfo("Tillit.Fonts.SansBold", false, italic),
            _ => new FontResolverInfo("Tillit.Fonts.Sans", false, italic),
        };

        public byte[]? GetFont(string faceName)
        {
            using var stream = typeof(MarkdownPdf).Assembly.GetManifestResourceStream(faceName)
                ?? throw new InvalidOperationException("The embedded font " + faceName + " is missing.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }

    /// <summary>A backslash before every ASCII punctuation mark keeps entered text literal; line breaks become spaces.</summary>
    public static string Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r' or '\n')
            {
                sb.Append(' ');
            }
            else if (char.IsAscii(c) && char.IsPunctuation(c) || c is '`' or '|' or '<' or '>' or '+' or '=' or '^' or '~' or '$')
            {
                sb.Append('\\').Append(c);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
