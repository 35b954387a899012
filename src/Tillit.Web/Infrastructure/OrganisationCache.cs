using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Tillit.Domain.Common;

namespace Tillit.Web.Infrastructure;

/// <summary>
/// Read models of one organisation that cost too much to compute on every request in a large
/// municipality (people per unit, the unit choice list), kept for a minute. Each is filed under the
/// entity type it is computed from; a save that adds, changes or removes a record of that type in the
/// organisation makes them stale at once (<see cref="OrganisationCacheInvalidator"/>), so only another
/// Tillit instance can show a value up to a minute old.
/// <para>
/// A value is computed once however many requests ask for it at the same time: the first computes it and
/// the others wait for that result (decision 35). When a value has only aged past its minute (no save has
/// touched its sources here), one request computes it afresh while the others are still given the old one,
/// so a read model that takes seconds on the largest municipality never stalls every request at once.
/// </para>
/// </summary>
public sealed class OrganisationCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    // How long an aged value may still be handed out while one request computes its successor (decision 36): an hour, so
    // that the first reader after a quiet spell is not the one who waits seconds for a figure of the largest
    // municipality. Each value has one slot, which its successor replaces, so retired values do not pile up meanwhile.
    private static readonly TimeSpan Kept = TimeSpan.FromHours(1);

    // A new generation per (type, organisation) retires every value computed from the old one.
    private readonly ConcurrentDictionary<(Type Source, Guid OrganisationId), long> _generations = new();

    // The computations in progress of values not yet in the cache, so that concurrent requests share one.
    private readonly ConcurrentDictionary<object, Task<object>> _computing = new();

    public Task<T> GetOrCreateAsync<T>(Type source, string name, Guid organisationId, Func<Task<T>> create)
        where T : class =>
        GetOrCreateAsync([source], name, organisationId, create);

    /// <summary>A value computed from records of several types: a save of any of them makes it stale.</summary>
    public async Task<T> GetOrCreateAsync<T>(Type[] sources, string name, Guid organisationId, Func<Task<T>> create)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(create);
        var generations = string.Join(',', sources.Select(s => s.Name + ":" + Generation(s, organisationId).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var slot = (name, organisationId);
        var key = (name, organisationId, generations);
        if (cache.TryGetValue(slot, out Entry? entry) && entry?.Generations == generations && entry.Value is T value)
        {
            if (Environment.TickCount64 < entry.FreshUntil || !entry.TryStartRefresh())
            {
                return value;
            }

            try
            {
                return Store(slot, generations, await create());
            }
            catch
            {
                entry.EndRefresh();
                throw;
            }
        }

        var mine = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _computing.GetOrAdd(key, mine.Task);
        if (running != mine.Task)
        {
            try
            {
                return (T)await running;
            }
            catch (Exception) when (!running.IsCompletedSuccessfully)
            {
                // The request computing it failed or went away: compute it here.
                return Store(slot, generations, await create());
            }
        }

        try
        {
            // Filed under the generations read before computing: after a save in between, readers see other
            // generations and compute it again.
            var computed = Store(slot, generations, await create());
            mine.SetResult(computed);
            return computed;
        }
        catch (Exception exception)
        {
            mine.SetException(exception);
            _ = mine.Task.Exception; // observed: the waiters compute it themselves
            throw;
        }
        finally
        {
            _computing.TryRemove(KeyValuePair.Create<object, Task<object>>(key, mine.Task));
        }
    }

    public void Invalidate(Type source, Guid organisationId) =>
        _generations.AddOrUpdate((source, organisationId), 1, (_, generation) => generation + 1);

    private T Store<T>(object slot, string generations, T value)
        where T : class
    {
        cache.Set(slot, new Entry(value, generations, Environment.TickCount64 + (long)Lifetime.TotalMilliseconds), Kept);
        return value;
    }

    private long Generation(Type source, Guid organisationId) =>
        _generations.TryGetValue((source, organisationId), out var generation) ? generation : 0;

    /// <summary>A cached value, the generations of its sources it was computed from, fresh until a tick count, and whether a request is computing its successor.</summary>
    private sealed class Entry(object value, string generations, long freshUntil)
    {
        private int _refreshing;

        public object Value { get; } = value;

        public string Generations { get; } = generations;

        public long FreshUntil { get; } = freshUntil;

        public bool TryStartRefresh() => Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0;

        public void EndRefresh() => Volatile.Write(ref _refreshing, 0);
    }
}

/// <summary>Makes an organisation's cached read models stale when a save touches the records they come from.</summary>
public sealed class OrganisationCacheInvalidator(OrganisationCache cache) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Invalidate(eventData?.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Invalidate(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    // Again after the save: a request that refilled the cache between the two saw the old rows.
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Invalidate(eventData?.Context, afterSave: true);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Invalidate(eventData?.Context, afterSave: true);
        return ValueTask.FromResult(result);
    }

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, List<(Type, Guid)>> _saving = [];

    private void Invalidate(DbContext? context, bool afterSave = false)
    {
        if (context is null)
        {
            return;
        }

        List<(Type, Guid)> touched;
        if (afterSave)
        {
            if (!_saving.TryGetValue(context, out touched!))
            {
                return;
            }

            _saving.Remove(context);
        }
        else
        {
            touched = context.ChangeTracker.Entries()
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is IOrganisationOwned)
                .Select(e => (e.Metadata.ClrType, ((IOrganisationOwned)e.Entity).OrganisationId))
                .Distinct()
                .ToList();
            if (touched.Count == 0)
            {
                return;
            }

            _saving.AddOrUpdate(context, touched);
        }

        foreach (var (type, organisationId) in touched)
        {
            cache.Invalidate(type, organisationId);
        }
    }
}
