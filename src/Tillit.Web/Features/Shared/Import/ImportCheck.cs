using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Tillit.Web.Features.Shared.Import;

/// <summary>An error of a row (its number in the file, 0 for the file as a whole) and column, the message already translated.</summary>
public sealed record ImportError(int Row, string Column, string Message);

/// <summary>What an import found (and, when written, created), whatever it imports. Errors are listed up to <see cref="ImportCheck{TField}.MaxErrorsListed"/>; <see cref="ErrorCount"/> counts all.</summary>
public record ImportSummary(
    IReadOnlyList<string> Headers,
    int Rows,
    int ValidRows,
    int ErrorCount,
    IReadOnlyList<ImportError> Errors,
    int Created,
    bool Written);

/// <summary>An import's summary with the column mapping it used (field to column index).</summary>
public sealed record ImportResult<TField>(
    IReadOnlyList<string> Headers,
    IReadOnlyDictionary<TField, int> Mapping,
    int Rows,
    int ValidRows,
    int ErrorCount,
    IReadOnlyList<ImportError> Errors,
    int Created,
    bool Written) : ImportSummary(Headers, Rows, ValidRows, ErrorCount, Errors, Created, Written)
    where TField : struct, Enum;

/// <summary>
/// The parts every register import shares once a file is read: the mapping (guessed from Swedish and English
/// header names, or the user's, limited to the file's columns), the cell of a field in a row, and the error
/// list, each message naming the row and the column as the file names it. Counts every error, lists the
/// first <see cref="MaxErrorsListed"/>.
/// </summary>
public sealed class ImportCheck<TField>
    where TField : struct, Enum
{
    public const int MaxErrorsListed = 1_000;

    private readonly SheetTable _table;
    private readonly Func<TField, string> _label;
    private readonly IStringLocalizer _l;
    private readonly List<ImportError> _errors = [];

    /// <param name="table">The file as read.</param>
    /// <param name="mapping">The user's mapping (a column of -1 or past the last means none); null guesses one from the headers.</param>
    /// <param name="synonyms">Header names (lower case) that map to each field.</param>
    /// <param name="required">The fields that must have a column.</param>
    /// <param name="label">The label of a field, used when its column has no header.</param>
    /// <param name="l">The localizer of the messages.</param>
    public ImportCheck(SheetTable table, IReadOnlyDictionary<TField, int>? mapping, IReadOnlyDictionary<TField, string[]> synonyms, IEnumerable<TField> required, Func<TField, string> label, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(synonyms);
        ArgumentNullException.ThrowIfNull(required);
        _table = table;
        _label = label;
        _l = l;
        Map = mapping is null ? Guess(table.Headers, synonyms) : mapping.Where(m => m.Value >= 0 && m.Value < table.Headers.Count).ToDictionary();
        foreach (var field in required.Where(f => !Map.ContainsKey(f)))
        {
            Fail(0, field, "Import.FieldNotMapped");
        }

        MappingComplete = ErrorCount == 0;
    }

    public Dictionary<TField, int> Map { get; }

    /// <summary>Every required field has a column; when not, no row is checked and nothing can be written.</summary>
    public bool MappingComplete { get; }

    public int ErrorCount { get; private set; }

    public IReadOnlyList<ImportError> Errors => _errors;

    /// <summary>A mapping guessed from the header names; each field at most one column, each column at most one field.</summary>
    public static Dictionary<TField, int> Guess(IReadOnlyList<string> headers, IReadOnlyDictionary<TField, string[]> synonyms)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(synonyms);
        var mapping = new Dictionary<TField, int>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i].Trim().ToLowerInvariant();
            foreach (var (field, names) in synonyms)
            {
                if (!mapping.ContainsKey(field) && !mapping.ContainsValue(i) && names.Contains(header))
                {
                    mapping[field] = i;
                }
            }
        }

        return mapping;
    }

    /// <summary>The text of the field's cell in the row; empty when the field has no column or the row is short.</summary>
    public string Cell(SheetRow row, TField field)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Map.TryGetValue(field, out var c) && c < row.Cells.Length ? row.Cells[c] : string.Empty;
    }

    /// <summary>Records an error of the row (0: the file) in the field's column; the message is the resource <paramref name="key"/>.</summary>
    public void Fail(int row, TField field, string key, params object[] args)
    {
        ErrorCount++;
        if (_errors.Count < MaxErrorsListed)
        {
            var column = Map.TryGetValue(field, out var c) && !string.IsNullOrWhiteSpace(_table.Headers[c]) ? _table.Headers[c] : _label(field);
            _errors.Add(new ImportError(row, column, row == 0 ? _l["Import.FileError", column, _l[key, args]] : _l["Import.RowError", row, column, _l[key, args]]));
        }
    }

    /// <summary>Text up to <paramref name="max"/> characters; an error when longer or (when <paramref name="required"/>) empty.</summary>
    public string Text(SheetRow row, TField field, int max, bool required)
    {
        ArgumentNullException.ThrowIfNull(row);
        var text = Cell(row, field);
        if (text.Length == 0 && required)
        {
            Fail(row.Number, field, "Import.Required");
        }
        else if (text.Length > max)
        {
            Fail(row.Number, field, "Import.TooLong", max);
        }

        return text;
    }

    /// <summary>A yes/no cell (ja/nej, yes/no, sant/falskt, true/false, 1/0, x); empty is <paramref name="empty"/>; anything else an error.</summary>
    public bool YesNo(SheetRow row, TField field, bool empty = false)
    {
        ArgumentNullException.ThrowIfNull(row);
        var text = Cell(row, field);
        if (ImportChoices.YesNo(text) is { } value)
        {
            return value;
        }

        if (text.Length == 0)
        {
            return empty;
        }

        Fail(row.Number, field, "Import.ChoiceUnknown", text);
        return empty;
    }

    /// <summary>The outcome's summary.</summary>
    public ImportResult<TField> Result(int rows, int validRows, bool written) =>
        new(_table.Headers, Map, rows, validRows, ErrorCount, _errors, written ? validRows : 0, written);

    /// <summary>
    /// Whether to write: asked to, something to write, and the file valid — or, when the caller chose only the
    /// valid rows, at least the mapping complete (a file whose required columns are not chosen writes nothing).
    /// </summary>
    public bool MayWrite(bool commit, bool validOnly, int validRows) =>
        commit && validRows > 0 && (ErrorCount == 0 || (validOnly && MappingComplete));
}

/// <summary>
/// The choice values an import accepts for enums: the API name, and the Swedish and English texts shown in Tillit
/// (resource key "Type.Value"), case-insensitive.
/// </summary>
public sealed class ImportChoices
{
    private readonly Dictionary<string, object> _texts = new(StringComparer.Ordinal);

    public ImportChoices(params Type[] enums)
    {
        ArgumentNullException.ThrowIfNull(enums);
        var resources = new System.Resources.ResourceManager("Tillit.Web.SharedResource", typeof(SharedResource).Assembly);
        foreach (var type in enums)
        {
            foreach (var value in Enum.GetValues(type))
            {
                var name = value.ToString()!;
                _texts[type.Name + ":" + name.ToLowerInvariant()] = value;
                foreach (var culture in new[] { CultureInfo.GetCultureInfo("sv"), CultureInfo.GetCultureInfo("en") })
                {
                    if (resources.GetString(type.Name + "." + name, culture) is { Length: > 0 } text)
                    {
                        _texts.TryAdd(type.Name + ":" + text.Trim().ToLowerInvariant(), value);
                    }
                }
            }
        }
    }

    /// <summary>ja/nej, yes/no, sant/falskt, true/false, 1/0 and x; null when the text is none of them (or empty).</summary>
    public static bool? YesNo(string text) => text?.ToLowerInvariant() switch
    {
        "nej" or "no" or "false" or "0" or "falskt" => false,
        "ja" or "yes" or "true" or "1" or "x" or "sant" => true,
        _ => null,
    };

    public bool TryParse<T>(string text, out T value)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_texts.TryGetValue(typeof(T).Name + ":" + text.ToLowerInvariant(), out var found))
        {
            value = (T)found;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The choice in the field's cell; <paramref name="fallback"/> when empty; an error (and the fallback) when unknown.</summary>
    public T Choice<T, TField>(ImportCheck<TField> check, SheetRow row, TField field, T fallback)
        where T : struct, Enum
        where TField : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(row);
        var text = check.Cell(row, field);
        if (text.Length == 0)
        {
            return fallback;
        }

        if (TryParse<T>(text, out var value))
        {
            return value;
        }

        check.Fail(row.Number, field, "Import.ChoiceUnknown", text);
        return fallback;
    }
}
