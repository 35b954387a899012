using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tillit.Data;

namespace Tillit.Web.Infrastructure;

/// <summary>
/// Keeps SQLite's planner statistics in step with tables that grow while Tillit runs (decision 36). The full ANALYZE
/// at start (<see cref="DatabaseSetup.RefreshStatisticsAsync"/>) describes the tables as they were then; a young
/// installation starts with an empty audit trail and an empty register, and without this the planner would go on
/// treating a trail of millions of events as the handful it saw at start. Every few minutes each table's highest
/// row id (one index seek) is compared with the row count of its statistics; a table that has more than doubled
/// since (and holds more than a thousand rows) is analysed again, in full, alone. PostgreSQL's autovacuum does
/// this itself, so on PostgreSQL nothing runs.
/// </summary>
public sealed class SqliteStatistics(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SqliteStatistics> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    private const long MinimumRows = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RefreshGrownAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Refreshing SQLite's statistics failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Analyses every table that has more than doubled since its statistics were made; returns their names.</summary>
    public async Task<IReadOnlyList<string>> RefreshGrownAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
        if (!db.Database.IsSqlite())
        {
            return [];
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var analysed = new Dictionary<string, long>(StringComparer.Ordinal);
            if (await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'", cancellationToken) > 0)
            {
                await using var stats = connection.CreateCommand();
                stats.CommandText = "SELECT tbl, max(CAST(stat AS INTEGER)) FROM sqlite_stat1 GROUP BY tbl";
                await using var reader = await stats.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    analysed[reader.GetString(0)] = reader.GetInt64(1);
                }
            }

            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                // Tables with a row id only (every table EF creates here); SQLite's own and EF's history are left out.
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory' AND sql NOT LIKE '%WITHOUT ROWID%'";
                await using var reader = await list.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    tables.Add(reader.GetString(0));
                }
            }

            var grown = new List<string>();
            foreach (var table in tables)
            {
                // The highest row id is one seek; only where it suggests growth are the rows counted, since a table whose
                // rows come and go (sessions) has a high row id without having grown.
                var before = 2 * analysed.GetValueOrDefault(table);
                if (await ScalarAsync(connection, $"SELECT coalesce(max(rowid), 0) FROM {Quote(table)}", cancellationToken) is var highest && highest > MinimumRows && highest > before
                    && await ScalarAsync(connection, $"SELECT count(*) FROM {Quote(table)}", cancellationToken) is var rows && rows > MinimumRows && rows > before)
                {
                    grown.Add(table);
                }
            }

            foreach (var table in grown)
            {
                await using var analyse = connection.CreateCommand();
                analyse.CommandText = $"PRAGMA analysis_limit=0; ANALYZE {Quote(table)};";
                analyse.CommandTimeout = 600;
                await analyse.ExecuteNonQueryAsync(cancellationToken);
                logger.LogInformation("Analysed {Table} for SQLite's planner: it had grown past twice the rows of its statistics", table);
            }

            return grown;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
