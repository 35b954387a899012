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
/// </summary>
public sealed class OrganisationCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    // A new generation per (type, organisation) retires every value computed from the old one.
    private readonly ConcurrentDictionary<(Type Source, Guid OrganisationId), long> _generations = new();

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
        var key = (name, organisationId, generations);
        if (cache.TryGetValue(key, out T? value) && value is not null)
        {
            return value;
        }

        value = await create();

        // Filed under the generation read before computing: a save in between leaves it unreachable.
        cache.Set(key, value, Lifetime);
        return value;
    }

    public void Invalidate(Type source, Guid organisationId) =>
        _generations.AddOrUpdate((source, organisationId), 1, (_, generation) => generation + 1);

    private long Generation(Type source, Guid organisationId) =>
        _generations.TryGetValue((source, organisationId), out var generation) ? generation : 0;
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
