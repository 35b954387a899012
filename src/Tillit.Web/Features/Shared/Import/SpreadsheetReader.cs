using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Tillit.Web.Features.Shared.Import;

/// <summary>The first sheet of an uploaded file: its header row and its data rows (text, trimmed).</summary>
public sealed record SheetTable(IReadOnlyList<string> Headers, IReadOnlyList<SheetRow> Rows);

/// <summary>A data row with its number as the spreadsheet program shows it (the header is row 1 when it is the first line).</summary>
public sealed record SheetRow(int Number, string[] Cells);

/// <summary>Why a file was refused; <see cref="Key"/> is a string key of SharedResource.</summary>
public sealed class SpreadsheetRefusedException(string key, params object[] arguments) : Exception(key)
{
    public string Key { get; } = key;

    public IReadOnlyList<object> Arguments { get; } = arguments;
}

/// <summary>
/// Reads an uploaded .xlsx or .csv into rows of text, refusing anything that is not one, is too large,
/// or is a zip bomb: the zip's directory is checked (entry count, declared uncompressed sizes, the
/// compression ratio) before any part is read, and OpenXml and the XML reader are told the most characters a part may hold,
/// so a lying directory cannot make it inflate more. CSV: UTF-8 with or without BOM, else Windows-1252;
/// separator ';', ',' or tab, guessed from the header line. Any list's import can use it.
/// </summary>
public static class SpreadsheetReader
{
    public const long MaxUploadBytes = 20 * 1024 * 1024;
    public const long MaxUncompressedBytes = 200L * 1024 * 1024;
    public const int MaxCompressionRatio = 100;
    public const int MaxEntries = 2_000;
    public const int MaxRows = 50_000;
    public const int MaxColumns = 100;
    public const int MaxCellLength = 10_000;

    private static readonly char[] Separators = [';', ',', '\t'];

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxUncompressedBytes,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    static SpreadsheetReader()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Reads the file; throws <see cref="SpreadsheetRefusedException"/> with a message key when refused.</summary>
    public static SheetTable Read(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            throw new SpreadsheetRefusedException("Import.Empty");
        }

        if (content.Length > MaxUploadBytes)
        {
            throw new SpreadsheetRefusedException("Import.TooLarge", MaxUploadBytes / (1024 * 1024));
        }

        Span<byte> magic = stackalloc byte[4];
        content.Position = 0;
        var read = content.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        content.Position = 0;
        if (read == 4 && magic[0] == (byte)'P' && magic[1] == (byte)'K' && magic[2] == 3 && magic[3] == 4)
        {
            return ReadXlsx(content);
        }

        return ReadCsv(content);
    }

    private static SheetTable ReadXlsx(Stream content)
    {
        try
        {
            using (var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true))
            {
                if (zip.Entries.Count > MaxEntries)
                {
                    throw new SpreadsheetRefusedException("Import.ZipBomb");
                }

                long total = 0;
                var hasWorkbook = false;
                foreach (var entry in zip.Entries)
                {
                    total += entry.Length;
                    var ratio = entry.CompressedLength == 0 ? (entry.Length == 0 ? 0 : long.MaxValue) : entry.Length / entry.CompressedLength;
                    if (total > MaxUncompressedBytes || (entry.Length > 1024 * 1024 && ratio > MaxCompressionRatio))
                    {
                        throw new SpreadsheetRefusedException("Import.ZipBomb");
                    }

                    hasWorkbook |= entry.FullName.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase);
                }

                if (!hasWorkbook)
                {
                    throw new SpreadsheetRefusedException("Import.NotSpreadsheet");
                }
            }

            content.Position = 0;
            using var document = SpreadsheetDocument.Open(content, false, new OpenSettings { MaxCharactersInPart = MaxUncompressedBytes });
            var workbook = document.WorkbookPart ?? throw new SpreadsheetRefusedException("Import.NotSpreadsheet");
            var first = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (first?.Id?.Value is not { } relationship || workbook.GetPartById(relationship) is not WorksheetPart sheet)
            {
                throw new SpreadsheetRefusedException("Import.NotSpreadsheet");
            }

            var shared = SharedStrings(workbook.SharedStringTablePart);
            return Table(SheetRows(sheet, shared));
        }
        catch (SpreadsheetRefusedException)
        {
            throw;
        }
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or System.Xml.XmlException or IOException or InvalidOperationException or FileFormatException)
        {
            throw new SpreadsheetRefusedException("Import.NotSpreadsheet");
        }
    }

    // The parts are read with a plain XmlReader, not OpenXml's reader: loading each row as an OpenXml element costs
    // about ten times as much as the XML itself (25,000 rows: 2.5 s against 0.3 s), and that was the largest part
    // of an import after the database. Element names are compared by local name, so Strict OOXML reads too.
    private static List<string> SharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = XmlReader.Create(stream, XmlSettings);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                strings.Add(ItemText(xml));
            }
        }

        return strings;
    }

    private static IEnumerable<(int, string[])> SheetRows(WorksheetPart sheet, List<string> shared)
    {
        using var stream = sheet.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = XmlReader.Create(stream, XmlSettings);
        var number = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row")
            {
                continue;
            }

            number = uint.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? (int)Math.Min(r, int.MaxValue) : number + 1;
            var cells = new List<string>();
            if (!xml.IsEmptyElement)
            {
                var depth = xml.Depth;
                var next = 0;
                xml.Read();
                while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
                {
                    if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c")
                    {
                        xml.Read();
                        continue;
                    }

                    var index = xml.GetAttribute("r") is { } reference ? ColumnIndex(reference) : next;
                    var text = CellText(xml, shared);
                    if (index >= MaxColumns)
                    {
                        continue;
                    }

                    while (cells.Count < index)
                    {
                        cells.Add(string.Empty);
                    }

                    cells.Add(text);
                    next = index + 1;
                }
            }

            yield return (number, [.. cells]);
        }
    }

    // The reader is on a <c>; reads it to its end and moves past it.
    private static string CellText(XmlReader xml, List<string> shared)
    {
        var type = xml.GetAttribute("t");
        string? value = null;
        string? inline = null;
        if (!xml.IsEmptyElement)
        {
            var depth = xml.Depth;
            xml.Read();
            while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "v")
                {
                    value = xml.ReadElementContentAsString();
                    continue;
                }

                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "is")
                {
                    inline = ItemText(xml);
                }
                else if (xml.NodeType == XmlNodeType.Element)
                {
                    xml.Skip();
                    continue;
                }

                xml.Read();
            }
        }

        xml.Read();
        return type switch
        {
            "inlineStr" => inline ?? string.Empty,
            "s" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count ? shared[i] : string.Empty,
            "b" => value == "1" ? "1" : "0",
            _ => value ?? string.Empty,
        };
    }

    // The reader is on an <si> or <is>: its text (its <t>, or its runs' <t>; phonetic runs left out). Leaves the
    // reader on the element's end (or on the element when empty).
    private static string ItemText(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = xml.Depth;
        var text = new StringBuilder();
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t")
            {
                text.Append(xml.ReadElementContentAsString());
                continue;
            }

            if (xml.NodeType == XmlNodeType.Element && xml.LocalName is "rPh" or "phoneticPr")
            {
                xml.Skip();
                continue;
            }

            xml.Read();
        }

        return text.ToString();
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                index = (index * 26) + (c - 'A' + 1);
                if (index > MaxColumns)
                {
                    return MaxColumns;
                }
            }
            else
            {
                break;
            }
        }

        return index - 1;
    }

    private static SheetTable ReadCsv(Stream content)
    {
        var bytes = new byte[content.Length];
        content.Position = 0;
        content.ReadExactly(bytes);
        if (Array.IndexOf(bytes, (byte)0, 0, Math.Min(bytes.Length, 8192)) >= 0)
        {
            throw new SpreadsheetRefusedException("Import.NotSpreadsheet");
        }

        string text;
        if (bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble))
        {
            text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }
        else
        {
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                text = Encoding.GetEncoding(1252).GetString(bytes);
            }
        }

        var end = text.IndexOfAny(['\r', '\n']);
        var firstLine = end >= 0 ? text[..end] : text;
        var separator = Separators.MaxBy(c => firstLine.Count(x => x == c));
        if (!firstLine.Contains(separator, StringComparison.Ordinal) && text.Take(4096).Any(c => char.IsControl(c) && c is not '\r' and not '\n' and not '\t'))
        {
            throw new SpreadsheetRefusedException("Import.NotSpreadsheet");
        }

        return Table(CsvRows(text, separator));
    }

    private static IEnumerable<(int, string[])> CsvRows(string text, char separator)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var number = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                yield return (number++, [.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (number, [.. fields]);
        }
    }

    private static SheetTable Table(IEnumerable<(int Number, string[] Cells)> rows)
    {
        string[]? headers = null;
        var data = new List<SheetRow>();
        foreach (var (number, raw) in rows)
        {
            var row = raw.Take(MaxColumns).Select(v => v.Length > MaxCellLength ? v[..MaxCellLength] : v.Trim()).ToArray();
            if (row.All(string.IsNullOrEmpty))
            {
                continue;
            }

            if (headers is null)
            {
                headers = row;
                continue;
            }

            if (data.Count >= MaxRows)
            {
                throw new SpreadsheetRefusedException("Import.TooManyRows", MaxRows);
            }

            data.Add(new SheetRow(number, row));
        }

        if (headers is null)
        {
            throw new SpreadsheetRefusedException("Import.Empty");
        }

        return new SheetTable(headers, data);
    }
}
