using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Tillit.Web.Features;

/// <summary>A page of a list. Sizes are capped; sorting is by allow-listed column names only.</summary>
public sealed record PageRequest(int Page = 1, int Size = PageRequest.DefaultSize, string? Sort = null, bool Descending = false)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    public int SafePage => Math.Clamp(Page, 1, 100_000);

    public int SafeSize => Math.Clamp(Size <= 0 ? DefaultSize : Size, 1, MaxSize);
}

public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int Size, string Sort, bool Descending)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)Size));
}

/// <summary>The columns a list may be sorted by, each a key expression; anything else is refused.</summary>
public sealed class SortColumns<T>
{
    private readonly Dictionary<string, Func<IQueryable<T>, bool, IOrderedQueryable<T>>> _columns = new(StringComparer.OrdinalIgnoreCase);

    public SortColumns(string defaultColumn)
    {
        DefaultColumn = defaultColumn;
    }

    public string DefaultColumn { get; }

    public IEnumerable<string> Names => _columns.Keys;

    public SortColumns<T> Add<TKey>(string name, Expression<Func<T, TKey>> key)
    {
        _columns[name] = (q, desc) => desc ? q.OrderByDescending(key) : q.OrderBy(key);
        return this;
    }

    public bool IsAllowed(string? name) => name is null || _columns.ContainsKey(name);

    /// <summary>The whole list in the order of a page request (for exports), the tie-breaker in the same direction.</summary>
    public IQueryable<T> Order<TTie>(IQueryable<T> query, string? sort, bool descending, Expression<Func<T, TTie>> tieBreaker)
    {
        var sorted = _columns[sort is not null && _columns.ContainsKey(sort) ? sort : DefaultColumn](query, descending);
        return descending ? sorted.ThenByDescending(tieBreaker) : sorted.ThenBy(tieBreaker);
    }

    public async Task<Paged<TOut>> PageAsync<TOut, TTie>(IQueryable<T> query, PageRequest request, Expression<Func<T, TOut>> select, Expression<Func<T, TTie>> tieBreaker, CancellationToken cancellationToken, CachedTotal? cachedTotal = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sort = request.Sort is not null && _columns.ContainsKey(request.Sort) ? request.Sort : DefaultColumn;
        var total = cachedTotal is null
            ? await query.CountAsync(cancellationToken)
            : (await cachedTotal.Cache.GetOrCreateAsync(cachedTotal.Sources, "total:" + cachedTotal.Key, cachedTotal.OrganisationId, async () =>
                new System.Runtime.CompilerServices.StrongBox<int>(await query.CountAsync(cancellationToken)))).Value;

        // The tie-breaker runs in the same direction, so an index on (column, id) serves both directions.
        var sorted = _columns[sort](query, request.Descending);
        var ordered = request.Descending ? sorted.ThenByDescending(tieBreaker) : sorted.ThenBy(tieBreaker);
        var items = await ordered
            .Skip((request.SafePage - 1) * request.SafeSize)
            .Take(request.SafeSize)
            .Select(select)
            .ToListAsync(cancellationToken);
        return new Paged<TOut>(items, total, request.SafePage, request.SafeSize, sort, request.Descending);
    }
}

/// <summary>
/// Where a list's total comes from when counting it on every view is too dear (50,000 people or
/// appointments): the organisation cache, under a key naming the list and every filter that changes
/// the count, made stale by any save of the source types.
/// </summary>
public sealed record CachedTotal(Infrastructure.OrganisationCache Cache, Type[] Sources, Guid OrganisationId, string Key);
