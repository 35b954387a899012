using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tillit.Domain.Access;
using Tillit.Domain.Documents;
using static Microsoft.Playwright.Assertions;

namespace Tillit.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DocumentFlowTests(TillitServer server)
{
    [Fact]
    public async Task A_guideline_is_drafted_sent_for_decision_decided_by_the_director_published_confirmed_by_an_employee_and_covered_for_the_manager()
    {
        var title = "Riktlinje för mobila enheter " + Guid.NewGuid().ToString("N")[..6];

        // The security officer writes the draft and sends it for decision.
        await using (var officerContext = await server.NewSignedInContextAsync(Role.SecurityOfficer))
        {
            var page = await officerContext.NewPageAsync();
            await page.GotoAsync("/documents");
            await page.GetByRole(AriaRole.Link, new() { Name = server.Text("Documents.Create"), Exact = true }).ClickAsync();
            await page.GetByLabel(server.Text("Document.Type"), new() { Exact = true }).SelectOptionAsync("Guideline");
            await page.GetByLabel(server.Text("Document.Title"), new() { Exact = true }).FillAsync(title);
            await page.GetByLabel(server.Text("Document.Text"), new() { Exact = true }).FillAsync("# Mobila enheter\n\n- Lås skärmen.\n- Anmäl förlust direkt.\n");
            await page.GetByRole(AriaRole.Button, new() { Name = server.Text("Documents.CreateDraft") }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
            await Expect(page.Locator(".summary-list").First).ToContainTextAsync(server.Text("Document.NoCurrentVersion"));

            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape(server.Text("DocumentStatus.Draft"))) }).First.ClickAsync();
            await Expect(page.Locator("article.document li").First).ToHaveTextAsync("Lås skärmen.");
            await page.GetByRole(AriaRole.Button, new() { Name = server.Text("Document.Submit") }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(server.Text("Document.Submitted"));

            // The officer may not make a guideline current.
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = server.Text("Document.Decide"), Exact = true })).ToHaveCountAsync(0);
        }

        var documentId = await server.QueryAsync(db => db.Documents.Where(d => d.Title == title).Select(d => d.Id).SingleAsync());

        // An employee neither finds the draft in the library nor reads it.
        await using (var employeeContext = await server.NewSignedInContextAsync(Role.Employee))
        {
            var page = await employeeContext.NewPageAsync();
            await page.GotoAsync("/documents?q=" + Uri.EscapeDataString(title));
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = title })).ToHaveCountAsync(0);
        }

        // The director decides.
        await using (var directorContext = await server.NewSignedInContextAsync(Role.MunicipalDirector))
        {
            var page = await directorContext.NewPageAsync();
            await page.GotoAsync("/documents/work");
            await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = server.Text("Document.Decide"), Exact = true }).ClickAsync();
            await Expect(page.GetByLabel(server.Text("Document.DecisionBody"), new() { Exact = true })).ToHaveValueAsync(server.Text("Authority.DirectorName"));
            await page.GetByLabel(server.Text("Document.RegistryNumber"), new() { Exact = true }).FillAsync("KS 2026/0777");
            await page.GetByRole(AriaRole.Button, new() { Name = server.Text("Document.MakeCurrent") }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(server.Text("Document.Decided"));
            await Expect(page.Locator("#decision ~ .summary-list").First).ToContainTextAsync("KS 2026/0777");
        }

        Assert.Equal(DocumentStatus.Current, await server.QueryAsync(db => db.DocumentVersions.Where(v => v.DocumentId == documentId).Select(v => v.Status).SingleAsync()));

        // Published: every employee finds it in the library, filtered by type, and reads it.
        await using (var employeeContext = await server.NewSignedInContextAsync(Role.Employee))
        {
            var page = await employeeContext.NewPageAsync();
            await page.GotoAsync("/documents");
            await page.GetByRole(AriaRole.Searchbox, new() { Name = server.Text("Common.Search") }).FillAsync(title);
            await page.GetByLabel(server.Text("Document.Type"), new() { Exact = true }).SelectOptionAsync("Guideline");
            await page.GetByRole(AriaRole.Button, new() { Name = server.Text("Common.Filter") }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await Expect(page.Locator("article.document")).ToContainTextAsync("Anmäl förlust direkt.");
            await Expect(page.Locator("#decision ~ .summary-list").First).ToContainTextAsync("KS 2026/0777");
        }

        // The security officer asks Äldreomsorgen to confirm it.
        await using (var officerContext = await server.NewSignedInContextAsync(Role.SecurityOfficer))
        {
            var page = await officerContext.NewPageAsync();
            await page.GotoAsync($"/documents/{documentId}");
            await page.GetByRole(AriaRole.Link, new() { Name = server.Text("Campaign.Create"), Exact = true }).ClickAsync();
            await page.GetByLabel(server.Text("AudienceKind.Units"), new() { Exact = true }).CheckAsync();
            var elder = await server.QueryAsync(db => db.Units.Where(u => u.Name == "Äldreomsorgen").Select(u => u.Id).SingleAsync());
            await page.GetByLabel(server.Text("Campaign.Units"), new() { Exact = true }).SelectOptionAsync(elder.ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = server.Text("Campaign.Start") }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(server.Text("Campaign.Started"));
            await Expect(page.Locator("#coverage-total")).ToContainTextAsync(server.Text("Campaign.TotalValue", "sv-SE", 0, 3, 0));
        }

        // The employee in Äldreomsorgen sees it on the start page, reads it and confirms.
        await using (var employeeContext = await server.NewSignedInContextAsync(Role.Employee))
        {
            var page = await employeeContext.NewPageAsync();
            await page.GotoAsync("/");
            await page.Locator("#card-to-read ~ ul").GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await Expect(page.Locator("article.document")).ToContainTextAsync("Lås skärmen.");
            await page.GetByRole(AriaRole.Button, new() { Name = server.Text("Acknowledgement.Confirm") }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(server.Text("Acknowledgement.Done"));
            await Expect(page.Locator("#confirmed")).ToBeVisibleAsync();
            await page.GotoAsync("/documents/to-read");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = title })).ToHaveCountAsync(0);
        }

        // The manager of Äldreomsorgen sees the coverage: one of the three has confirmed, and who has not.
        await using (var managerContext = await server.NewSignedInContextAsync(Role.Manager))
        {
            var page = await managerContext.NewPageAsync();
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Link, new() { Name = server.Text("Campaign.CoverageOfMyUnits") }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await Expect(page.Locator("#coverage-total")).ToContainTextAsync(server.Text("Campaign.TotalValue", "sv-SE", 1, 3, 33));
            var row = page.Locator("#coverage-table tr").Filter(new() { HasText = "Äldreomsorgen" });
            await Expect(row).ToContainTextAsync("33");
            await Expect(page.Locator("svg[role=img] title")).ToHaveTextAsync(server.Text("Campaign.ChartTitle", "sv-SE", 33));
            await Expect(page.Locator("#people-table")).ToContainTextAsync("Erik Sandberg");
            await Expect(page.Locator("#people-table")).Not.ToContainTextAsync("Fatima Ali");
        }
    }
}
