using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tillit.Domain.Access;
using static Microsoft.Playwright.Assertions;

namespace Tillit.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class RiskFlowTests(TillitServer server)
{
    [Fact]
    public async Task The_security_officer_analyses_a_system_sees_the_heat_map_sends_a_measure_approves_and_the_director_accepts_the_residual_risk()
    {
        var title = $"Riskanalys e-tjänster {Guid.NewGuid():N}"[..32];
        var eventText = "en angripare tar över ett e-tjänstkonto";

        await using var officer = await server.NewSignedInContextAsync(Role.SecurityOfficer);
        var page = await officer.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = server.Text("Layout.MainNav") }).GetByRole(AriaRole.Link, new() { Name = server.Text("Nav.Risk"), Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = server.Text("Risk.Create"), Exact = true }).ClickAsync();

        // Create the analysis of one system.
        await page.GetByLabel(server.Text("Risk.AnalysisTitle"), new() { Exact = true }).FillAsync(title);
        await page.Locator("#Input_SystemIds").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await page.Locator("main form button[type=submit]:not([formaction])").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/risk/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(title);
        var analysisUrl = page.Url;

        // Add a risk: cause → event → consequence, likelihood 3 × consequence 4 (hög), reduced to 2 × 2 (medel).
        await page.GetByRole(AriaRole.Link, new() { Name = server.Text("Risk.AddRisk"), Exact = true }).ClickAsync();
        await page.GetByLabel(server.Text("Risk.Threat"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel(server.Text("Risk.Cause"), new() { Exact = true }).FillAsync("svaga lösenord och ingen tvåfaktorinloggning");
        await page.GetByLabel(server.Text("Risk.Event"), new() { Exact = true }).FillAsync(eventText);
        await page.GetByLabel(server.Text("Risk.Effect"), new() { Exact = true }).FillAsync("invånares ärenden röjs");
        await page.Locator("#aspect-Confidentiality").CheckAsync();
        await page.Locator("#Likelihood-3").CheckAsync();
        await page.Locator("#Consequence-4").CheckAsync();
        await page.GetByLabel(server.Text("Risk.Treatment"), new() { Exact = true }).SelectOptionAsync("Reduce");
        await page.Locator("#ResidualLikelihood-2").CheckAsync();
        await page.Locator("#ResidualConsequence-2").CheckAsync();
        await page.GetByLabel(server.Text("Risk.Owner"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("main form button[type=submit]:not([formaction])").ClickAsync();

        // The risk's page: its measure goes to the action plan.
        await Expect(page).ToHaveURLAsync(new Regex("/risk/[0-9a-f-]{36}/risks/[0-9a-f-]{36}$"));
        var riskUrl = page.Url;
        await page.GetByRole(AriaRole.Button, new() { Name = server.Text("Risk.SendToActionPlan"), Exact = true }).ClickAsync();
        await Expect(page.Locator("main a[href^='/measures/']").First).ToBeVisibleAsync();

        // The analysis lists the risk and the heat map shows it.
        await page.GotoAsync(analysisUrl);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = eventText })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = server.Text("Risk.HeatMaps") })).ToBeVisibleAsync();
        await Expect(page.Locator("main svg").First).ToBeVisibleAsync();

        // Sent for review and approved.
        await page.GetByRole(AriaRole.Button, new() { Name = server.Text("RiskAnalysisAction.Submit"), Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = server.Text("RiskAnalysisAction.Approve"), Exact = true }).ClickAsync();
        await Expect(page.Locator("main dl").First).ToContainTextAsync(server.Text("RiskAnalysisStatus.Approved"));

        // The security officer holds no authority to accept; the director accepts the residual risk.
        await page.GotoAsync(riskUrl);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = server.Text("Risk.Accept"), Exact = true })).ToHaveCountAsync(0);

        await using var director = await server.NewSignedInContextAsync(Role.MunicipalDirector);
        var desk = await director.NewPageAsync();
        await desk.GotoAsync(riskUrl);
        await desk.GetByLabel(server.Text("Risk.AcceptanceReason"), new() { Exact = true }).FillAsync("Tvåfaktorinloggning införs i mars; kvarstående risk godtas till dess.");
        await desk.GetByRole(AriaRole.Button, new() { Name = server.Text("Risk.Accept"), Exact = true }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Button, new() { Name = server.Text("Risk.Accept"), Exact = true })).ToHaveCountAsync(0);
        await Expect(desk.Locator("main")).ToContainTextAsync("Tvåfaktorinloggning införs i mars");

        var accepted = await server.QueryAsync(db => db.Risks.Where(r => r.Event == eventText).Select(r => r.AcceptedAt).SingleAsync());
        Assert.NotNull(accepted);
    }
}
