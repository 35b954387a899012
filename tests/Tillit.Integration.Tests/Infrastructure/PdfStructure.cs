using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Tillit.Integration.Tests.Infrastructure;

/// <summary>Reads a tagged PDF's structure tree, so tests can check that headings and tables are tagged.</summary>
public static class PdfStructure
{
    /// <summary>The structure types (/H1, /Table, /P …) of the tree in document order; fails when there is no tree.</summary>
    public static List<string> Tags(PdfDocument pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var root = pdf.Internals.Catalog.Elements.GetDictionary("/StructTreeRoot");
        Assert.True(root is not null, "the PDF has no structure tree: it is not tagged");
        var tags = new List<string>();
        Collect(root, tags, 0);
        return tags;
    }

    private static void Collect(PdfItem? item, List<string> tags, int depth)
    {
        if (depth > 40 || item is null)
        {
            return;
        }

        if (item is PdfReference reference)
        {
            item = reference.Value;
        }

        switch (item)
        {
            case PdfArray array:
                foreach (var child in array.Elements)
                {
                    Collect(child, tags, depth + 1);
                }

                break;
            case PdfDictionary dictionary:
                if (dictionary.Elements.GetName("/S") is { Length: > 0 } tag)
                {
                    tags.Add(tag);
                }

                Collect(dictionary.Elements["/K"], tags, depth + 1);
                break;
        }
    }
}
