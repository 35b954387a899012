using Microsoft.Extensions.Caching.Memory;
using Tillit.Domain.Organisations;
using Tillit.Web.Infrastructure;

namespace Tillit.Integration.Tests;

/// <summary>The organisation cache computes a value once for concurrent requests, and a save still retires it at once.</summary>
public sealed class OrganisationCacheTests
{
    [Fact]
    public async Task Concurrent_requests_for_a_value_not_yet_cached_share_one_computation()
    {
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var cache = new OrganisationCache(memory);
        var organisation = Guid.NewGuid();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var computed = 0;
        async Task<string> Create()
        {
            Interlocked.Increment(ref computed);
            await gate.Task;
            return "värde";
        }

        var requests = Enumerable.Range(0, 16).Select(_ => Task.Run(() => cache.GetOrCreateAsync(typeof(Unit), "test", organisation, Create))).ToList();
        await Task.Delay(200); // every request has asked by now, and waits
        gate.SetResult();
        var values = await Task.WhenAll(requests);

        Assert.All(values, v => Assert.Equal("värde", v));
        Assert.Equal(1, computed);
        Assert.Equal("värde", await cache.GetOrCreateAsync(typeof(Unit), "test", organisation, Create));
        Assert.Equal(1, computed);
    }

    [Fact]
    public async Task When_the_computing_request_fails_the_waiting_ones_compute_the_value_themselves()
    {
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var cache = new OrganisationCache(memory);
        var organisation = Guid.NewGuid();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<string> Failing()
        {
            await gate.Task;
            throw new OperationCanceledException("the first request went away");
        }

        var first = cache.GetOrCreateAsync(typeof(Unit), "test", organisation, Failing);
        var second = cache.GetOrCreateAsync(typeof(Unit), "test", organisation, () => Task.FromResult("eget värde"));
        gate.SetResult();

        await Assert.ThrowsAsync<OperationCanceledException>(() => first);
        Assert.Equal("eget värde", await second);
    }

    [Fact]
    public async Task A_save_of_a_source_type_retires_the_value_at_once()
    {
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var cache = new OrganisationCache(memory);
        var organisation = Guid.NewGuid();
        Assert.Equal("före", await cache.GetOrCreateAsync([typeof(Unit), typeof(Person)], "test", organisation, () => Task.FromResult("före")));

        cache.Invalidate(typeof(Person), Guid.NewGuid()); // another organisation's save changes nothing here
        Assert.Equal("före", await cache.GetOrCreateAsync([typeof(Unit), typeof(Person)], "test", organisation, () => Task.FromResult("efter")));

        cache.Invalidate(typeof(Person), organisation);
        Assert.Equal("efter", await cache.GetOrCreateAsync([typeof(Unit), typeof(Person)], "test", organisation, () => Task.FromResult("efter")));
    }
}
