using System.Text.RegularExpressions;

namespace Tillit.Web.Infrastructure;

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

/// <summary>One run of text that is in both versions, only in the newer, or only in the older.</summary>
public sealed record DiffSegment(DiffKind Kind, string Text);

/// <summary>
/// A small two-level diff of two texts: lines first (longest common subsequence), then words within
/// each block of changed lines, so a changed word shows as that word and not as a whole changed line.
/// Common starts and ends are trimmed before the table is built; a block whose table would exceed
/// <see cref="MaxCells"/> cells is shown as removed and added in full rather than compared (a bound on
/// memory and time for very large documents, not a different answer for ordinary edits).
/// </summary>
public static partial class TextDiff
{
    public const long MaxCells = 4_000_000;

    public static IReadOnlyList<DiffSegment> Compare(string? older, string? newer)
    {
        var a = SplitLines(older ?? string.Empty);
        var b = SplitLines(newer ?? string.Empty);
        var result = new List<DiffSegment>();
        var removed = new List<string>();
        var added = new List<string>();
        foreach (var (kind, line) in Lcs(a, b))
        {
            switch (kind)
            {
                case DiffKind.Removed:
                    removed.Add(line);
                    break;
                case DiffKind.Added:
                    added.Add(line);
                    break;
                default:
                    Flush(result, removed, added);
                    Append(result, DiffKind.Same, line);
                    break;
            }
        }

        Flush(result, removed, added);
        return result;
    }

    /// <summary>Whether anything differs.</summary>
    public static bool HasChanges(IReadOnlyList<DiffSegment> segments) => segments.Any(s => s.Kind != DiffKind.Same);

    private static void Flush(List<DiffSegment> result, List<string> removed, List<string> added)
    {
        if (removed.Count > 0 && added.Count > 0)
        {
            foreach (var (kind, word) in Lcs(SplitWords(string.Concat(removed)), SplitWords(string.Concat(added))))
            {
                Append(result, kind, word);
            }
        }
        else
        {
            removed.ForEach(l => Append(result, DiffKind.Removed, l));
            added.ForEach(l => Append(result, DiffKind.Added, l));
        }

        removed.Clear();
        added.Clear();
    }

    private static void Append(List<DiffSegment> result, DiffKind kind, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (result.Count > 0 && result[^1].Kind == kind)
        {
            result[^1] = result[^1] with { Text = result[^1].Text + text };
        }
        else
        {
            result.Add(new DiffSegment(kind, text));
        }
    }

    private static List<(DiffKind Kind, string Token)> Lcs(List<string> a, List<string> b)
    {
        var output = new List<(DiffKind, string)>();
        var start = 0;
        while (start < a.Count && start < b.Count && a[start] == b[start])
        {
            output.Add((DiffKind.Same, a[start]));
            start++;
        }

        var endA = a.Count;
        var endB = b.Count;
        var tail = new List<(DiffKind, string)>();
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1])
        {
            endA--;
            endB--;
            tail.Add((DiffKind.Same, a[endA]));
        }

        var n = endA - start;
        var m = endB - start;
        if ((long)(n + 1) * (m + 1) > MaxCells)
        {
            for (var i = start; i < endA; i++)
            {
                output.Add((DiffKind.Removed, a[i]));
            }

            for (var j = start; j < endB; j++)
            {
                output.Add((DiffKind.Added, b[j]));
            }
        }
        else
        {
            // lengths[i, j]: the longest common subsequence of a[start+i..endA) and b[start+j..endB).
            var lengths = new int[n + 1, m + 1];
            for (var i = n - 1; i >= 0; i--)
            {
                for (var j = m - 1; j >= 0; j--)
                {
                    lengths[i, j] = a[start + i] == b[start + j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
                }
            }

            int x = 0, y = 0;
            while (x < n && y < m)
            {
                if (a[start + x] == b[start + y])
                {
                    output.Add((DiffKind.Same, a[start + x]));
                    x++;
                    y++;
                }
                else if (lengths[x + 1, y] >= lengths[x, y + 1])
                {
                    output.Add((DiffKind.Removed, a[start + x]));
                    x++;
                }
                else
                {
                    output.Add((DiffKind.Added, b[start + y]));
                    y++;
                }
            }

            for (; x < n; x++)
            {
                output.Add((DiffKind.Removed, a[start + x]));
            }

            for (; y < m; y++)
            {
                output.Add((DiffKind.Added, b[start + y]));
            }
        }

        tail.Reverse();
        output.AddRange(tail);
        return output;
    }

    /// <summary>Lines with their line ends, so the pieces join back to the text.</summary>
    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var from = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[from..(i + 1)]);
                from = i + 1;
            }
        }

        if (from < text.Length)
        {
            lines.Add(text[from..]);
        }

        return lines;
    }

    private static List<string> SplitWords(string text) => Words().Matches(text).Select(m => m.Value).ToList();

    // A word carries the spaces after it, so a changed run of words is one change, not words split by unchanged spaces.
    [GeneratedRegex(@"\w+[^\S\n]*|[^\w\s][^\S\n]*|\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
