using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Tillit.Integration.Tests.Infrastructure;

/// <summary>
/// Tillit in a test server, on its own database. The settings are host settings (UseSetting), which
/// WebApplicationFactory hands to Program as command-line arguments, so they reach
/// <c>TillitHost.Build</c> before it reads them (cookie names, provider, connection string).
/// Program itself applies the migrations, exactly as in production.
/// </summary>
public sealed class TillitFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    public static readonly Uri BaseAddress = new("https://localhost");

    public TestDatabase Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("Database:MigrateAtStartup", "true");
        builder.UseSetting("Tillit:SeedDemoOnEmptyDatabase", "false");
        builder.UseSetting("Tillit:ExposeSqlCommandCount", "true");
        builder.UseSetting("Tillit:BenchMode", "false");
        builder.UseSetting("Reports:RunJobsInBackground", "false");
        builder.UseSetting("Security:RequireSecondFactorForPrivilegedRoles", "true");
        builder.UseSetting("Security:HttpsOnlyCookies", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Error");

        // On a new PostgreSQL database EF logs its probe of the not yet created migrations history
        // table as a failed command; a real failure still surfaces as the request's error.
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Critical");
    }

    /// <summary>A client without automatic redirects or cookies: <see cref="Browser"/> handles both, visibly.</summary>
    public HttpClient CreateRawClient(Uri? baseAddress = null) => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = baseAddress ?? BaseAddress,
        AllowAutoRedirect = false,
        HandleCookies = false,
    });
}
