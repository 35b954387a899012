using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tillit.Data;
using Tillit.Integration.Tests.Infrastructure;
using Tillit.Web.Infrastructure;

namespace Tillit.Integration.Tests;

[Collection(AppCollection.Name)]
public sealed class ModelAndHealthTests(TillitApp app)
{
    [Fact]
    public void The_model_has_no_change_that_no_migration_captures()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(), $"The {app.Factory.Database.Provider} model differs from its migrations: run scripts/regen-migrations.sh.");
    }

    [Fact]
    public async Task The_test_settings_reach_the_host_and_the_migrations_ran_at_start()
    {
        var info = app.Factory.Services.GetRequiredService<DatabaseInfo>();
        Assert.Equal(app.Factory.Database.Provider, info.Provider.ToString());
        Assert.Contains(app.Factory.Database.IsPostgres ? "tillit_test_" : "tillit-test-", info.ConnectionString, StringComparison.Ordinal);

        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_200_without_signing_in(string path)
    {
        var response = await app.NewBrowser().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
