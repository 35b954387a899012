using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Tillit.Web.Features.Shared.Export;

/// <summary>The formats a list can be exported in.</summary>
public enum ExportFormat
{
    Xlsx = 0,
    Csv = 1,
}

/// <summary>A column of an export: its (already translated) header and how a row gives its value.</summary>
/// <remarks>
/// Values of type int, long, decimal and double become numbers; everything else text (formatted with the
/// invariant culture), and text is neutralised (<see cref="TableExport.Neutralise"/>).
/// </remarks>
public sealed record ExportColumn<T>(string Header, Func<T, object?> Value);

/// <summary>One sheet of a workbook: its name (at most 31 characters, no []:*?/\), its (translated) headers and its rows.</summary>
public sealed record ExportSheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// A finished export: a temporary file deleted when the stream is closed, and the number of rows in it,
/// so the caller records the export in the audit trail (with the exact count) before sending it.
/// </summary>
public sealed class ExportFile(Stream content, int rows, ExportFormat format, string fileName)
{
    public Stream Content { get; } = content;

    public int Rows { get; } = rows;

    public string ContentType { get; } = format == ExportFormat.Xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8";

    public string FileName { get; } = fileName + (format == ExportFormat.Xlsx ? ".xlsx" : ".csv");
}

/// <summary>
/// Writes a list to Excel (.xlsx) or CSV (UTF-8 with BOM, semicolons as Swedish Excel expects), row by
/// row: the xlsx with OpenXmlWriter (no document model in memory), into a temporary file that is
/// deleted when the response is sent. Any list can use it: give columns and an async sequence of rows
/// (e.g. <c>query.AsAsyncEnumerable()</c>). See docs/register.md, "Import and export".
/// </summary>
public static class TableExport
{
    /// <summary>At most this many rows are exported; a larger list is cut (the count in the audit event says how many went out).</summary>
    public const int MaxRows = 200_000;

    /// <summary>
    /// Text that a spreadsheet program would read as a formula (or that starts with a control character
    /// used to smuggle one) gets a leading apostrophe, so it is shown as text and never evaluated.
    /// </summary>
    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }

    /// <summary>"xlsx" (the default when empty) or "csv"; anything else is refused.</summary>
    public static bool TryParseFormat(string? value, out ExportFormat format)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "xlsx":
                format = ExportFormat.Xlsx;
                return true;
            case "csv":
                format = ExportFormat.Csv;
                return true;
            default:
                format = default;
                return false;
        }
    }

    public static async Task<ExportFile> WriteAsync<T>(ExportFormat format, string fileName, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var path = Path.Combine(Path.GetTempPath(), "tillit-export-" + Guid.NewGuid().ToString("N"));
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var count = format == ExportFormat.Xlsx
                ? await WriteXlsxAsync(file, columns, rows, cancellationToken)
                : await WriteCsvAsync(file, columns, rows, cancellationToken);
            file.Position = 0;
            return new ExportFile(file, count, format, fileName);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A small workbook of several sheets (e.g. statistics: a table per sheet), written with the same cell
    /// rules as <see cref="WriteAsync"/>. Meant for few rows (they are held in memory); the row count of the
    /// file is the sum of the sheets' rows.
    /// </summary>
    public static ExportFile WriteWorkbook(string fileName, IReadOnlyList<ExportSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var path = Path.Combine(Path.GetTempPath(), "tillit-export-" + Guid.NewGuid().ToString("N"));
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            using (var document = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook))
            {
                var workbookPart = document.AddWorkbookPart();
                var parts = new List<(string Name, string Id)>();
                foreach (var sheet in sheets)
                {
                    var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
                    using (var writer = OpenXmlWriter.Create(sheetPart))
                    {
                        writer.WriteStartElement(new Worksheet());
                        writer.WriteStartElement(new SheetData());
                        WriteRow(writer, 1, sheet.Headers);
                        for (var n = 0; n < sheet.Rows.Count; n++)
                        {
                            WriteRow(writer, n + 2, sheet.Rows[n]);
                        }

                        writer.WriteEndElement();
                        writer.WriteEndElement();
                    }

                    parts.Add((SheetName(sheet.Name), workbookPart.GetIdOfPart(sheetPart)));
                }

                using (var writer = OpenXmlWriter.Create(workbookPart))
                {
                    writer.WriteStartElement(new Workbook());
                    writer.WriteStartElement(new Sheets());
                    for (var n = 0; n < parts.Count; n++)
                    {
                        writer.WriteElement(new Sheet { Name = parts[n].Name, SheetId = (uint)(n + 1), Id = parts[n].Id });
                    }

                    writer.WriteEndElement();
                    writer.WriteEndElement();
                }
            }

            file.Position = 0;
            return new ExportFile(file, sheets.Sum(s => s.Rows.Count), ExportFormat.Xlsx, fileName);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\'))]).Trim();
        return clean.Length == 0 ? "Tillit" : clean.Length > 31 ? clean[..31] : clean;
    }

    private static async Task<int> WriteCsvAsync<T>(Stream stream, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            writer.NewLine = "\r\n";
            await writer.WriteLineAsync(string.Join(';', columns.Select(c => CsvField(Neutralise(c.Header)))));
            var count = 0;
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    if (i > 0)
                    {
                        writer.Write(';');
                    }

                    var (text, isNumber) = Format(columns[i].Value(row));
                    writer.Write(isNumber ? text : CsvField(text));
                }

                writer.Write("\r\n");
                if (++count >= MaxRows)
                {
                    break;
                }
            }

            await writer.FlushAsync(cancellationToken);
            return count;
        }
    }

    private static async Task<int> WriteXlsxAsync<T>(Stream stream, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        var count = 0;
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, 1, columns.Select(c => (object?)c.Header));
                await foreach (var row in rows.WithCancellation(cancellationToken))
                {
                    count++;
                    WriteRow(writer, count + 1, columns.Select(c => c.Value(row)));
                    if (count >= MaxRows)
                    {
                        break;
                    }
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            using (var writer = OpenXmlWriter.Create(workbookPart))
            {
                writer.WriteStartElement(new Workbook());
                writer.WriteStartElement(new Sheets());
                writer.WriteElement(new Sheet { Name = "Tillit", SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) });
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
        }

        return count;
    }

    private static void WriteRow(OpenXmlWriter writer, int index, IEnumerable<object?> values)
    {
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", string.Empty, index.ToString(CultureInfo.InvariantCulture))]);
        foreach (var value in values)
        {
            var (text, isNumber) = Format(value);
            if (isNumber)
            {
                writer.WriteElement(new Cell { DataType = CellValues.Number, CellValue = new CellValue(text) });
            }
            else
            {
                // Inline strings: no shared-string table to hold in memory.
                writer.WriteElement(new Cell(new InlineString(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString });
            }
        }

        writer.WriteEndElement();
    }

    private static (string Text, bool IsNumber) Format(object? value) => value switch
    {
        null => (string.Empty, false),
        int or long or decimal or double => (Convert.ToString(value, CultureInfo.InvariantCulture)!, true),
        string s => (Neutralise(s), false),
        DateOnly d => (d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), false),
        DateTimeOffset t => (t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), false),
        IFormattable f => (Neutralise(f.ToString(null, CultureInfo.InvariantCulture)), false),
        _ => (Neutralise(value.ToString() ?? string.Empty), false),
    };

    private static string CsvField(string text) =>
        text.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    // XML 1.0 cannot carry most control characters; they are dropped rather than failing the export.
    private static string XmlSafe(string text)
    {
        if (!text.Any(c => c < ' ' && c is not '\t' and not '\n' and not '\r'))
        {
            return text;
        }

        return new string([.. text.Where(c => c >= ' ' || c is '\t' or '\n' or '\r')]);
    }
}
