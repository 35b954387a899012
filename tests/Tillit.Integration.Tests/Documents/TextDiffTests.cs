using Tillit.Web.Infrastructure;

namespace Tillit.Integration.Tests.Documents;

/// <summary>The diff between two versions: a pure function, no database.</summary>
public sealed class TextDiffTests
{
    private static string Join(IEnumerable<DiffSegment> segments, DiffKind kind) => string.Concat(segments.Where(s => s.Kind == kind).Select(s => s.Text));

    [Fact]
    public void Added_and_removed_words_are_shown_as_such_and_the_rest_as_unchanged()
    {
        var older = "# Riktlinje\n\nLösenord byts varje år.\n\nGäller alla.\n";
        var newer = "# Riktlinje\n\nLösenord byts vid misstanke om röjning.\n\nGäller alla.\n\n## Ny rubrik\n";

        var diff = TextDiff.Compare(older, newer);

        Assert.Contains("varje år", Join(diff, DiffKind.Removed), StringComparison.Ordinal);
        Assert.Contains("vid misstanke om röjning", Join(diff, DiffKind.Added), StringComparison.Ordinal);
        Assert.Contains("## Ny rubrik", Join(diff, DiffKind.Added), StringComparison.Ordinal);
        Assert.Contains("Gäller alla.", Join(diff, DiffKind.Same), StringComparison.Ordinal);
        Assert.DoesNotContain("Lösenord", Join(diff, DiffKind.Removed), StringComparison.Ordinal);

        // Unchanged plus removed gives the older text back; unchanged plus added the newer.
        Assert.Equal(older, string.Concat(diff.Where(s => s.Kind != DiffKind.Added).Select(s => s.Text)));
        Assert.Equal(newer, string.Concat(diff.Where(s => s.Kind != DiffKind.Removed).Select(s => s.Text)));
    }

    [Fact]
    public void Equal_texts_have_no_changes_and_an_empty_older_text_is_all_added()
    {
        Assert.False(TextDiff.HasChanges(TextDiff.Compare("a\nb\n", "a\nb\n")));
        var diff = TextDiff.Compare(string.Empty, "ny text\n");
        Assert.Equal("ny text\n", Join(diff, DiffKind.Added));
    }

    [Fact]
    public void Very_large_changed_blocks_fall_back_to_removed_and_added_in_full()
    {
        var older = string.Join('\n', Enumerable.Range(0, 3000).Select(i => $"gammal rad {i}"));
        var newer = string.Join('\n', Enumerable.Range(0, 3000).Select(i => $"ny rad {i}"));

        var diff = TextDiff.Compare(older, newer);

        Assert.Equal(older, string.Concat(diff.Where(s => s.Kind != DiffKind.Added).Select(s => s.Text)));
        Assert.Equal(newer, string.Concat(diff.Where(s => s.Kind != DiffKind.Removed).Select(s => s.Text)));
    }
}
