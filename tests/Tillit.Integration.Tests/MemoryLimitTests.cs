using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tillit.Data;
using Tillit.Data.Sqlite;
using Tillit.Integration.Tests.Infrastructure;
using Tillit.Web.Infrastructure;

namespace Tillit.Integration.Tests;

/// <summary>The settings that keep the web host within its memory budget (docs/performance.md, session 12).</summary>
[Collection(AppCollection.Name)]
public sealed class MemoryLimitTests(TillitApp app)
{
    [Fact]
    public async Task Sqlite_connections_share_one_soft_heap_limit_of_32_megabytes()
    {
        if (app.Factory.Database.IsPostgres)
        {
            Assert.False(await IsSqliteAsync(), "the PostgreSQL run must not be on SQLite");
            return;
        }

        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
        var limit = await db.Database.SqlQueryRaw<long>("SELECT soft_heap_limit AS \"Value\" FROM pragma_soft_heap_limit").SingleAsync();
        Assert.Equal(SqliteProvider.DefaultMemoryLimitMegabytes * 1024L * 1024L, limit);
    }

    [Fact]
    public void The_c_heap_is_capped_and_trimmed_on_linux()
    {
        Assert.True(OperatingSystem.IsLinux(), "these tests run on Linux, where the C heap is glibc's");
        Assert.True(NativeHeap.LimitArenas(NativeHeap.DefaultArenas), "mallopt(M_ARENA_MAX) was refused");
        Assert.False(NativeHeap.LimitArenas(0), "zero must leave the C library's default alone");
        NativeHeap.Trim(); // true or false by what was free; it must not throw.
        Assert.Contains(app.Factory.Services.GetServices<IHostedService>(), s => s is NativeHeapTrimmer);
    }

    private async Task<bool> IsSqliteAsync()
    {
        using var scope = app.Factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<TillitDbContext>().Database.IsSqlite();
    }
}
