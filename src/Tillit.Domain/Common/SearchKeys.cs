namespace Tillit.Domain.Common;

/// <summary>
/// Search by prefix through ordinary indexes, the same way on SQLite and PostgreSQL. A record keeps
/// normalised copies of the text that is searched (lower case, single spaces); a query looks for
/// keys in the range [term, <see cref="UpperBound"/>(term)), which a B-tree index answers without
/// reading the whole table. Both databases compare the keys by code point (SQLite's BINARY
/// collation, the "C" collation on PostgreSQL), so the range holds exactly the keys that start
/// with the term.
/// </summary>
public static class SearchKeys
{
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }

    public static string AfterFirstWord(string normalised)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        var space = normalised.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? string.Empty : normalised[(space + 1)..];
    }

    /// <summary>
    /// The smallest string greater than every string starting with <paramref name="prefix"/>: the
    /// prefix with its last character raised by one (a last character that cannot be raised is dropped).
    /// </summary>
    public static string UpperBound(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var end = prefix.Length;
        while (end > 0)
        {
            var last = prefix[end - 1];
            if (last < char.MaxValue && !char.IsHighSurrogate((char)(last + 1)) && !char.IsLowSurrogate((char)(last + 1)))
            {
                return string.Concat(prefix.AsSpan(0, end - 1), ((char)(last + 1)).ToString());
            }

            end--;
        }

        return string.Empty;
    }
}
