using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tillit.Domain.Access;
using static Microsoft.Playwright.Assertions;

namespace Tillit.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AgreementFlowTests(TillitServer server)
{
    [Fact]
    public async Task The_security_officer_follows_the_data_processing_gap_registers_the_agreement_and_the_gap_disappears()
    {
        await using var officer = await server.NewSignedInContextAsync(Role.SecurityOfficer);
        var page = await officer.NewPageAsync();

        // The start page names the gap; its link lists the systems, Lifecare (a cloud service with care records) among them.
        await page.GotoAsync("/");
        await page.Locator("a[href='/systems?gap=NoDataProcessingAgreement']").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("gap=NoDataProcessingAgreement"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Lifecare", Exact = true }).ClickAsync();
        await Expect(page.Locator("#system-dpa-gap")).ToBeVisibleAsync();
        var systemUrl = page.Url;

        // From the system's page: register the agreement, the system already chosen.
        await page.GetByRole(AriaRole.Link, new() { Name = server.Text("Agreement.RegisterForSystem"), Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(server.Text("Agreements.Create"));
        await page.GetByLabel(server.Text("Agreement.Supplier"), new() { Exact = true }).FillAsync("Molnomsorg i Norden AB");
        await page.GetByLabel(server.Text("Agreement.Title"), new() { Exact = true }).FillAsync("Lifecare som molntjänst");
        await page.GetByLabel(server.Text("Agreement.IncludesDataProcessing"), new() { Exact = true }).CheckAsync();
        await page.GetByLabel(server.Text("Agreement.TransferOutsideEea"), new() { Exact = true }).SelectOptionAsync("No");

        // An end date without anyone to remind is refused with the reason beside the field; then the officer takes it.
        await page.GetByLabel(server.Text("Agreement.EndsOn"), new() { Exact = true }).FillAsync(TimeProvider.System.GetUtcNow().AddYears(3).ToString("yyyy-MM-dd"));
        await page.Locator("main form[method=post] button[type=submit]").ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync(server.Text("Agreement.DatesNeedResponsible"));
        await page.GetByLabel(server.Text("Agreement.EndsOn"), new() { Exact = true }).FillAsync(string.Empty);
        await page.Locator("main form[method=post] button[type=submit]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/agreements/[0-9a-f-]{36}$"));
        await Expect(page.Locator("#agreement-systems")).ToContainTextAsync("Lifecare");
        await Expect(page.Locator("#agreement-dpa")).ToHaveTextAsync(server.Text("Common.Yes"));

        // The gap is gone from the system's page and from the register's gap list.
        await page.GotoAsync(systemUrl);
        await Expect(page.Locator("#system-dpa-gap")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Molnomsorg i Norden AB – Lifecare som molntjänst" })).ToBeVisibleAsync();
        await page.GotoAsync("/systems?gap=NoDataProcessingAgreement");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Lifecare", Exact = true })).ToHaveCountAsync(0);

        var registered = await server.QueryAsync(db => db.Agreements.Where(a => a.Supplier == "Molnomsorg i Norden AB").Select(a => a.IncludesDataProcessing).SingleAsync());
        Assert.True(registered);
    }
}
