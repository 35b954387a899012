using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tillit.Data;
using Tillit.Web.Infrastructure;
using Tillit.Web.Infrastructure.Audit;

namespace Tillit.Integration.Tests.Audit;

/// <summary>
/// A Tillit host (services and background writers, no web server) on a database of its own, on the
/// provider that TILLIT_TEST_PROVIDER names. Also runs the built `tillit` executable against the
/// same database, for tests with several processes.
/// </summary>
public sealed class AuditHost : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string? _postgresDatabase;

    private AuditHost(string folder, string provider, string connectionString, string? postgresDatabase, WebApplication app)
    {
        _folder = folder;
        Provider = provider;
        ConnectionString = connectionString;
        _postgresDatabase = postgresDatabase;
        App = app;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public WebApplication App { get; }

    public string KeyFile => Path.Combine(_folder, "audit-key.pem");

    public static Task<AuditHost> StartAsync(params string[] extraSettings) => StartAsync(null, extraSettings);

    public static async Task<AuditHost> StartAsync(TimeProvider? clock, params string[] extraSettings)
    {
        var provider = Environment.GetEnvironmentVariable("TILLIT_TEST_PROVIDER") ?? "Sqlite";
        var folder = Directory.CreateTempSubdirectory("tillit-audit-").FullName;
        string connectionString;
        string? database = null;
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var admin = Environment.GetEnvironmentVariable("TILLIT_TEST_POSTGRES")
                ?? throw new InvalidOperationException("PostgreSQL not found: run ./test.sh, or install postgresql and set TILLIT_TEST_POSTGRES to an admin connection string.");
            database = "tillit_audit_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
                await command.ExecuteNonQueryAsync();
            }

            connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
            provider = "Postgres";
        }
        else
        {
            connectionString = $"Data Source={Path.Combine(folder, "tillit.db")}";
            provider = "Sqlite";
        }

        string[] settings =
        [
            $"--Database:Provider={provider}",
            $"--Database:ConnectionString={connectionString}",
            "--Tillit:SeedDemoOnEmptyDatabase=false",
            $"--Audit:SigningKeyFile={Path.Combine(folder, "audit-key.pem")}",
            "--Audit:CheckpointEveryEvents=1000000",
            "--Audit:CheckpointEveryMinutes=100000",
            "--urls=http://127.0.0.1:0",
            .. extraSettings,
        ];
        var app = TillitHost.Build(settings, b =>
        {
            b.Logging.SetMinimumLevel(LogLevel.Warning);
            if (clock is not null)
            {
                b.Services.AddSingleton(clock);
            }
        });
        await DatabaseSetup.MigrateAsync(app.Services);
        await app.Services.GetRequiredService<AuditWriter>().StartAsync(CancellationToken.None);
        return new AuditHost(folder, provider, connectionString, database, app);
    }

    public AsyncServiceScope Scope(Guid? organisation = null)
    {
        var scope = App.Services.CreateAsyncScope();
        if (organisation is { } id)
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(id);
        }

        return scope;
    }

    public async Task<T> WithDbAsync<T>(Func<TillitDbContext, Task<T>> work, Guid? organisation = null)
    {
        await using var scope = Scope(organisation);
        return await work(scope.ServiceProvider.GetRequiredService<TillitDbContext>());
    }

    /// <summary>Runs SQL directly on the database, behind Tillit's back (as an attacker or a careless admin would).</summary>
    public Task<int> SqlAsync(string sql) => WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal)));

    public async Task<AuditVerification> VerifyAsync()
    {
        await using var scope = Scope();
        using var key = System.Security.Cryptography.ECDsa.Create();
        key.ImportFromPem(scope.ServiceProvider.GetRequiredService<AuditSigner>().PublicKeyPem);
        return await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(key, CancellationToken.None);
    }

    /// <summary>Runs `tillit ARGS` (the built executable) on this database; returns exit code and output.</summary>
    public async Task<(int Exit, string Output)> RunCliAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "tillit.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["Database__Provider"] = Provider;
        start.Environment["Database__ConnectionString"] = ConnectionString;
        start.Environment["Audit__SigningKeyFile"] = KeyFile;
        start.Environment["Tillit__SeedDemoOnEmptyDatabase"] = "false";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.WorkingDirectory = _folder;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public async ValueTask DisposeAsync()
    {
        await App.Services.GetRequiredService<AuditWriter>().StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_postgresDatabase is not null)
        {
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("TILLIT_TEST_POSTGRES"));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
