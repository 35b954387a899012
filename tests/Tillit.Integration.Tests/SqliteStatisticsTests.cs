using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tillit.Data;
using Tillit.Integration.Tests.Infrastructure;
using Tillit.Web.Infrastructure;

namespace Tillit.Integration.Tests;

[Collection(AppCollection.Name)]
public sealed class SqliteStatisticsTests(TillitApp app)
{
    [Fact]
    public async Task A_table_that_grew_past_twice_its_statistics_is_analysed_again_once_and_only_on_sqlite()
    {
        var statistics = app.Factory.Services.GetService<SqliteStatistics>();
        if (app.Factory.Database.IsPostgres)
        {
            Assert.True(statistics is null, "PostgreSQL keeps its own statistics: the SQLite refresher must not run there");
            return;
        }

        Assert.True(statistics is not null, "the SQLite statistics refresher is not registered");
        var table = "StatsProbe" + Guid.NewGuid().ToString("N")[..8];
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
        string[] sql =
        [
            $"CREATE TABLE \"{table}\" (Id INTEGER PRIMARY KEY, Name TEXT NOT NULL); CREATE INDEX \"IX_{table}_Name\" ON \"{table}\" (Name);",
            $"ANALYZE \"{table}\";",
            $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2500) INSERT INTO \"{table}\" (Name) SELECT 'row ' || i FROM n;",
            $"SELECT stat AS \"Value\" FROM sqlite_stat1 WHERE tbl = '{table}' AND idx = 'IX_{table}_Name'",
            $"DROP TABLE \"{table}\";",
        ];
        await db.Database.ExecuteSqlRawAsync(sql[0]);
        try
        {
            // An empty table, as at start, then a register imported into it.
            await db.Database.ExecuteSqlRawAsync(sql[1]);
            await db.Database.ExecuteSqlRawAsync(sql[2]);

            var first = await statistics.RefreshGrownAsync(CancellationToken.None);
            Assert.Contains(table, first);
            var analysed = await db.Database.SqlQueryRaw<string>(sql[3]).SingleAsync();
            Assert.StartsWith("2500 ", analysed, StringComparison.Ordinal);

            // Its statistics now match it: the next round leaves it alone.
            Assert.DoesNotContain(table, await statistics.RefreshGrownAsync(CancellationToken.None));
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync(sql[4]);
        }
    }
}
