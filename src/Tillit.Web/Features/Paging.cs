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

    /// <summary>
    /// The list in the order of a page request (pages and exports). The tie-breaker runs in the same
    /// direction, so an index on (column, id) serves both directions.
    /// </summary>
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

        var offset = (request.SafePage - 1) * request.SafeSize;
        var ordered = Order(query, sort, request.Descending, tieBreaker);

        // The page's keys are chosen first and the rows built only for them. PostgreSQL computes a projection's
        // correlated subqueries for every row it skips (page 300 of 50,000 people computed 15,000 unit names to throw
        // them away), and SQLite, sorting by a column no index holds, computes them for every row it sorts: the
        // 100,000 measures sorted by status took seconds a page for their owner, system and unit names.
        var keys = new PageKeys<TTie>(await ordered.Skip(offset).Take(request.SafeSize).Select(tieBreaker).ToListAsync(cancellationToken));
        var onPage = Expression.Lambda<Func<T, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TTie)], Expression.Property(Expression.Constant(keys), nameof(PageKeys<TTie>.Keys)), tieBreaker.Body),
            tieBreaker.Parameters);
        var items = keys.Keys.Count == 0
            ? []
            : await Order(query.Where(onPage), sort, request.Descending, tieBreaker).Select(select).ToListAsync(cancellationToken);
        return new Paged<TOut>(items, total, request.SafePage, request.SafeSize, sort, request.Descending);
    }

    /// <summary>Holds a page's keys so that EF sends them as one parameter, not as constants that make every page a new query plan.</summary>
    private sealed class PageKeys<TTie>(List<TTie> keys)
    {
        public List<TTie> Keys { get; } = keys;
    }
}

/// <summary>
/// Where a list's total comes from when counting it on every view is too dear (50,000 people or
/// appointments): the organisation cache, under a key naming the list and every filter that changes
/// the count, made stale by any save of the source types.
/// </summary>
public sealed record CachedTotal(Infrastructure.OrganisationCache Cache, Type[] Sources, Guid OrganisationId, string Key);
