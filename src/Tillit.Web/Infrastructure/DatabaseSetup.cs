using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tillit.Data;
using Tillit.Data.Postgres;
using Tillit.Data.Sqlite;

namespace Tillit.Web.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses the provider from <c>Database:Provider</c>; each provider has its own migrations assembly.</summary>
public static class DatabaseSetup
{
    public static IServiceCollection AddTillitDatabase(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var providerName = configuration["Database:Provider"] ?? "Sqlite";
        if (!Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var provider))
        {
            throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{providerName}'.");
        }

        var connectionString = configuration["Database:ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Database:ConnectionString is not set.");
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            connectionString = AnchorSqlitePath(connectionString, environment.ContentRootPath);
            SqliteProvider.PrepareFile(connectionString, configuration.GetValue("Database:SqliteMemoryLimitMegabytes", SqliteProvider.DefaultMemoryLimitMegabytes));
            services.AddSingleton<SqliteStatistics>();
            services.AddHostedService(sp => sp.GetRequiredService<SqliteStatistics>());
        }

        services.AddSingleton(new DatabaseInfo(provider, connectionString));
        services.AddSingleton<SqlCommandCounter>();
        services.AddMemoryCache();
        services.AddSingleton<OrganisationCache>();
        services.AddSingleton<OrganisationCacheInvalidator>();
        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        services.AddDbContext<TillitDbContext>((sp, options) =>
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                SqliteProvider.Configure(options, connectionString);
            }
            else
            {
                PostgresProvider.Configure(options, connectionString);
            }

            options.AddInterceptors(sp.GetRequiredService<SqlCommandCounter>(), sp.GetRequiredService<OrganisationCacheInvalidator>());
        });
        return services;
    }

    /// <summary>A relative SQLite file is placed under the content root, so the same data/ is used from any working folder.</summary>
    private static string AnchorSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        return builder.ToString();
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        await RefreshStatisticsAsync(db, cancellationToken);
    }

    /// <summary>
    /// Gives SQLite's planner statistics (PostgreSQL's autovacuum keeps its own). Without them SQLite
    /// guesses, and with the indexes of a large organisation it guessed wrong: walking every audit
    /// event or appointment in index order to avoid sorting a handful. The whole tables are read
    /// (no analysis limit): a sampled ANALYZE reads the first rows of each index, which in a one-tenant
    /// database all share the organisation and often the next column too, so it reported a role and
    /// system index as no better than the organisation alone and the planner then scanned 52,000
    /// appointments per system (87 s for the start page's owner count on the large municipality; 12 ms
    /// with full statistics). A full ANALYZE of that 1.6 GB database takes 2.5–5.5 s; it runs at every
    /// start, so a database that grew since is planned for its new size.
    /// </summary>
    public static async Task RefreshStatisticsAsync(TillitDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=0; ANALYZE;", cancellationToken);
        }
    }
}

public sealed record DatabaseInfo(DatabaseProvider Provider, string ConnectionString);

/// <summary>
/// Opens the request's database connection once, for every query of the request (session, grants,
/// page), instead of EF opening and closing it around each query. On SQLite every open re-registers
/// EF's SQL functions on the pooled handle (finalizable objects by the dozen per request), which cost
/// more than the queries of a small page. The connection goes back to the pool when the request's
/// scope disposes the context.
/// </summary>
public sealed class DbConnectionPerRequestMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, TillitDbContext db)
    {
        if (context.GetEndpoint() is not null)
        {
            await db.Database.OpenConnectionAsync(context.RequestAborted);
        }

        await next(context);
    }
}

/// <summary>/health/ready: the database answers and no migration is pending.</summary>
internal sealed class DatabaseReadyCheck(TillitDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("database unreachable");
            }

            var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
            return pending.Any()
                ? HealthCheckResult.Unhealthy("migrations pending")
                : HealthCheckResult.Healthy();
        }
        catch (DbException ex)
        {
            return HealthCheckResult.Unhealthy("database error", ex);
        }
    }
}

/// <summary>
/// Counts the SQL commands a request sends, so tests and the benchmark can hold a page to a bounded
/// number of queries whatever the data size. Exposed as a response header only when switched on.
/// Also counts the commands with a numbered window (<c>ROW_NUMBER() OVER</c>): EF writes one where a
/// row's subquery of several columns cannot be a lateral join (SQLite has none), and the window then
/// numbers every row of the table behind it on each request (decision 35).
/// </summary>
public sealed class SqlCommandCounter(IHttpContextAccessor accessor) : DbCommandInterceptor
{
    public const string HeaderName = "X-Tillit-Sql-Commands";
    public const string WindowsHeaderName = "X-Tillit-Sql-Windows";
    private static readonly object Key = new();
    private static readonly object WindowsKey = new();

    public static int Get(HttpContext context) => Get(context, Key);

    public static int Windows(HttpContext context) => Get(context, WindowsKey);

    private static int Get(HttpContext context, object key) =>
        context.Items.TryGetValue(key, out var value) && value is StrongBox<int> box ? box.Value : 0;

    private void Count(DbCommand command)
    {
        var context = accessor.HttpContext;
        if (context is null)
        {
            return;
        }

        Increment(context, Key);
        if (command.CommandText.Contains("ROW_NUMBER() OVER", StringComparison.OrdinalIgnoreCase))
        {
            Increment(context, WindowsKey);
        }
    }

    private static void Increment(HttpContext context, object key)
    {
        if (context.Items.TryGetValue(key, out var value) && value is StrongBox<int> box)
        {
            Interlocked.Increment(ref box.Value);
        }
        else
        {
            context.Items[key] = new StrongBox<int>(1);
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }
}
