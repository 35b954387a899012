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

    /// <summary>Creates the folder of the database file and switches the file to WAL (a persistent setting).</summary>
    public static void PrepareFile(string connectionString)
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
