using Microsoft.AspNetCore.Http.Extensions;

namespace Tillit.Web.Features;

/// <summary>Links for paging and sorting a list while keeping its other query values.</summary>
public sealed class PagerModel(HttpRequest request, int page, int pageCount, int total, string sort, bool descending)
{
    public int Page { get; } = page;

    public int PageCount { get; } = pageCount;

    public int Total { get; } = total;

    public string Sort { get; } = sort;

    public bool Descending { get; } = descending;

    public static PagerModel For<T>(HttpRequest request, Paged<T> paged)
    {
        ArgumentNullException.ThrowIfNull(paged);
        return new(request, paged.Page, paged.PageCount, paged.Total, paged.Sort, paged.Descending);
    }

    public string Url(int targetPage) => With(("page", targetPage.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The link of a column header: sorts by the column, or reverses when already sorted by it.</summary>
    public string SortUrl(string column) =>
        With(("sort", column), ("desc", column == Sort && !Descending ? "true" : "false"), ("page", "1"));

    /// <summary>The link that exports the whole list, with its filters and sort, in a format ("xlsx" or "csv").</summary>
    public string ExportUrl(string format) => With(("handler", "export"), ("format", format), ("page", string.Empty));

    /// <summary>aria-sort for a column header.</summary>
    public string? AriaSort(string column) => column == Sort ? (Descending ? "descending" : "ascending") : null;

    private string With(params (string Key, string Value)[] values)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            query[key] = value;
        }

        var builder = new QueryBuilder(query.Where(kv => !string.IsNullOrEmpty(kv.Value)).Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value)));
        return request.Path + builder.ToQueryString().Value;
    }
}
