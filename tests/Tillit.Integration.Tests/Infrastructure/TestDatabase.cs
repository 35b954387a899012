using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tillit.Integration.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test server: a temporary SQLite file, or a new PostgreSQL
/// database on the server named by TILLIT_TEST_POSTGRES. The provider comes from TILLIT_TEST_PROVIDER.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string MissingPostgres =
        "PostgreSQL not found: run ./test.sh, or install postgresql and set TILLIT_TEST_POSTGRES " +
        "(an admin connection string such as Host=127.0.0.1;Port=5432;Username=postgres).";

    private readonly string? _adminConnectionString;
    private readonly string? _databaseName;
    private readonly string? _file;

    private TestDatabase(string provider, string connectionString, string? adminConnectionString, string? databaseName, string? file)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _adminConnectionString = adminConnectionString;
        _databaseName = databaseName;
        _file = file;
    }

    /// <summary>"Sqlite" or "Postgres", as Database:Provider expects it.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    public bool IsPostgres => Provider == "Postgres";

    public static string ProviderFromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable("TILLIT_TEST_PROVIDER");
        if (string.IsNullOrWhiteSpace(value) || value.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return "Sqlite";
        }

        if (value.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || value.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            return "Postgres";
        }

        throw new InvalidOperationException($"TILLIT_TEST_PROVIDER must be Sqlite or Postgres, not '{value}'.");
    }

    public static async Task<TestDatabase> CreateAsync()
    {
        var provider = ProviderFromEnvironment();
        if (provider == "Sqlite")
        {
            var file = Path.Combine(Path.GetTempPath(), $"tillit-test-{Guid.NewGuid():N}.db");
            return new TestDatabase(provider, new SqliteConnectionStringBuilder { DataSource = file }.ToString(), null, null, file);
        }

        var admin = Environment.GetEnvironmentVariable("TILLIT_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(MissingPostgres);
        }

        var name = $"tillit_test_{Guid.NewGuid():N}";
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException($"{MissingPostgres} Connecting with TILLIT_TEST_POSTGRES failed: {ex.Message}", ex);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        return new TestDatabase(provider, connectionString, admin, name, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
            {
                try
                {
                    File.Delete(path);
                }
                catch (IOException)
                {
                    // A file still open by a late finaliser stays in the temp folder; harmless.
                }
            }
        }

        if (_adminConnectionString is not null && _databaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }
    }
}
