using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tillit.Domain.Access;
using static Microsoft.Playwright.Assertions;

namespace Tillit.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ContinuityFlowTests(TillitServer server)
{
    [Fact]
    public async Task The_crisis_binder_opens_with_the_network_blocked_and_holds_every_current_plan()
    {
        await using var officer = await server.NewSignedInContextAsync(Role.SecurityOfficer);
        var page = await officer.NewPageAsync();
        await page.GotoAsync("/continuity");
        var link = page.GetByRole(AriaRole.Link, new() { Name = server.Text("Continuity.Binder"), Exact = true });
        await Expect(link).ToBeVisibleAsync();

        // Take the binder as the download it is, then read it in a browser cut off from every network.
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = await download.PathAsync();
        var html = await File.ReadAllTextAsync(path!);

        await using var offline = await server.NewContextAsync();
        await offline.SetOfflineAsync(true);
        var reader = await offline.NewPageAsync();
        var requests = new List<string>();
        reader.Request += (_, request) => requests.Add(request.Url);
        await reader.RouteAsync("**/*", route => route.AbortAsync());
        await reader.SetContentAsync(html);
        Assert.Empty(requests);

        var systems = await server.QueryAsync(db => db.ContinuityPlans
            .Join(db.InformationSystems.Where(s => s.Lifecycle != Domain.Register.Lifecycle.Retired), p => p.SystemId, s => s.Id, (p, s) => s.Name)
            .ToListAsync());
        Assert.NotEmpty(systems);
        foreach (var name in systems)
        {
            await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = server.Text("Continuity.PlanFor", "sv-SE", name), Exact = true })).ToBeVisibleAsync();
        }

        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = server.Text("Crisis.Title"), Exact = true })).ToBeVisibleAsync();
        await Expect(reader.Locator("table").First).ToContainTextAsync("Krisledningschef");
    }
}
