using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Tillit.Data.Postgres;

/// <summary>PostgreSQL specifics: production and several Tillit instances side by side.</summary>
public static class PostgresProvider
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(PostgresProvider).Assembly.GetName().Name));
    }
}

/// <summary>Used by <c>dotnet ef migrations add</c> for this provider.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<TillitDbContext>
{
    public TillitDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TillitDbContext>();
        PostgresProvider.Configure(options, "Host=localhost;Database=tillit_design");
        return new TillitDbContext(options.Options, new TenantContext(), new Audit.SystemAuditActor("design-time"), TimeProvider.System);
    }
}
