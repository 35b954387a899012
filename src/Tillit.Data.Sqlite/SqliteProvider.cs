using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Tillit.Data.Sqlite;

/// <summary>SQLite specifics: the embedded default, one file under data/, WAL journal.</summary>
public static class SqliteProvider
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqliteProvider).Assembly.GetName().Name));
    }

    /// <summary>The default of <see cref="PrepareFile"/>'s memory limit: 32 MB for all connections together.</summary>
    public const int DefaultMemoryLimitMegabytes = 32;

    /// <summary>
    /// Creates the folder of the database file, switches the file to WAL (a persistent setting) and sets SQLite's
    /// soft heap limit, which is one figure for the whole process. Each pooled connection otherwise keeps a page
    /// cache of its own of up to 2 MB, and under 32 concurrent requests the pool held about 50 connections: some
    /// 100 MB of copies of pages the operating system's file cache holds anyway. Near the limit SQLite reuses the
    /// pages it holds instead of allocating more. Zero leaves SQLite without a limit.
    /// </summary>
    public static void PrepareFile(string connectionString, int memoryLimitMegabytes = DefaultMemoryLimitMegabytes)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var file = builder.DataSource;
        if (!string.IsNullOrEmpty(file) && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
        command.CommandText = "PRAGMA soft_heap_limit=" + (Math.Max(0, memoryLimitMegabytes) * 1024L * 1024L).ToString(System.Globalization.CultureInfo.InvariantCulture) + ";";
        command.ExecuteNonQuery();
    }
}

/// <summary>Used by <c>dotnet ef migrations add</c> for this provider.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<TillitDbContext>
{
    public TillitDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TillitDbContext>();
        SqliteProvider.Configure(options, "Data Source=design-time.db");
        return new TillitDbContext(options.Options, new TenantContext(), new Audit.SystemAuditActor("design-time"), TimeProvider.System);
    }
}
