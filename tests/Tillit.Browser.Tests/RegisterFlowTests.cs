using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tillit.Domain.Access;
using static Microsoft.Playwright.Assertions;

namespace Tillit.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class RegisterFlowTests(TillitServer server)
{
    [Fact]
    public async Task The_director_appoints_an_owner_who_classifies_a_set_and_the_system_shows_its_protection_need()
    {
        var systemId = await server.QueryAsync(db => db.InformationSystems.Where(s => s.Name == "Lifecare").Select(s => s.Id).SingleAsync());

        // The director finds the system without an owner among the gaps and appoints one.
        await using (var director = await server.NewSignedInContextAsync(Role.MunicipalDirector))
        {
            var page = await director.NewPageAsync();
            await page.GotoAsync("/systems?gap=NoOwner");
            await page.GetByRole(AriaRole.Link, new() { Name = "Lifecare", Exact = true }).ClickAsync();
            await Expect(page.Locator("#current-owner")).ToContainTextAsync(server.Text("System.NoOwner"));
            await page.GetByRole(AriaRole.Link, new() { Name = server.Text("Systems.AppointOwner"), Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/systems/{systemId}/owner"));
            await page.GetByRole(AriaRole.Searchbox, new() { Name = server.Text("Systems.FindPerson") }).FillAsync("Maria");
            await page.GetByRole(AriaRole.Button, new() { Name = server.Text("Common.Search"), Exact = true }).ClickAsync();
            await page.GetByLabel(server.Text("Systems.NewOwner"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Maria Nilsson (maria.nilsson@exempelby.se)" });
            await page.GetByLabel(server.Text("RoleAssignment.DecisionReference"), new() { Exact = true }).FillAsync("KD 2026/0188");
            await page.GetByRole(AriaRole.Button, new() { Name = server.Text("Systems.Appoint"), Exact = true }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex($"/systems/{systemId}$"));
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(server.Text("Systems.OwnerAppointed"));
            await Expect(page.Locator("#current-owner")).ToContainTextAsync("Maria Nilsson");
            await Expect(page.Locator("#current-owner")).ToContainTextAsync("KD 2026/0188");
        }

        // The new owner classifies the set the system holds, reading the level descriptions at the choice.
        await using (var owner = await server.NewSignedInContextAsync(Role.SystemOwner))
        {
            var page = await owner.NewPageAsync();
            await page.GotoAsync($"/systems/{systemId}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Utredningar barn och unga", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = server.Text("Sets.Classify"), Exact = true }).ClickAsync();
            await Expect(page.GetByText(server.Text("Level.4.Description")).First).ToBeVisibleAsync();

            await Choose(page, "Aspect.Confidentiality", 2);
            await Choose(page, "Aspect.Integrity", 3);
            await Choose(page, "Aspect.Availability", 1);
            await Choose(page, "Aspect.Traceability", 2);
            foreach (var aspect in new[] { "Confidentiality", "Integrity", "Availability", "Traceability" })
            {
                await page.GetByLabel(server.Text("Set.MotivationFor." + aspect), new() { Exact = true }).FillAsync("Motivering för " + aspect);
            }

            await page.GetByLabel(server.Text("Set.Participants"), new() { Exact = true }).FillAsync("Maria Nilsson, Erik Sandberg");
            await page.GetByRole(AriaRole.Button, new() { Name = server.Text("Sets.SaveClassification"), Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(server.Text("Sets.Classified"));
            await Expect(page.Locator("#set-need")).ToContainTextAsync("2-3-1-2");

            // The system inherits the highest level per aspect, as text and as a labelled picture.
            await page.GetByRole(AriaRole.Link, new() { Name = "Lifecare", Exact = true }).ClickAsync();
            var need = page.Locator("#protection-need");
            await Expect(need).ToContainTextAsync("2-3-1-2");
            await Expect(need.GetByRole(AriaRole.Img, new() { Name = server.Text("Need.PictureLabel", "sv-SE", 2, 3, 1, 2) })).ToBeVisibleAsync();

            // The need selects the system's requirements; the owner assesses one as not met and makes it a measure.
            await page.GetByRole(AriaRole.Link, new() { Name = server.Text("SystemRequirements.Title"), Exact = true }).ClickAsync();
            await Expect(page.Locator("#soa-counts")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Behörighet efter behov", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Radio, new() { Name = server.Text("AssessmentStatus.NotMet"), Exact = true }).CheckAsync();
            await page.GetByLabel(server.Text("Assessment.How"), new() { Exact = true }).FillAsync("Behörigheter delas ut utan beslut av chef");
            await page.GetByRole(AriaRole.Button, new() { Name = server.Text("Assessment.Save"), Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(server.Text("Assessment.Saved"));
            await Expect(page.Locator("#assessment-status")).ToHaveTextAsync(server.Text("AssessmentStatus.NotMet"));
            await page.GetByRole(AriaRole.Button, new() { Name = server.Text("Assessment.MakeMeasure"), Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(server.Text("Measure.CreatedFromGap"));
            await Expect(page.Locator("#measure-status")).ToContainTextAsync(server.Text("MeasureStatus.Planned"));

            // It is in the action plan.
            await page.GotoAsync($"/measures?system={systemId}");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "BEH-01 Behörighet efter behov", Exact = true })).ToBeVisibleAsync();
        }
    }

    private async Task Choose(IPage page, string aspectKey, int level)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = server.Text(aspectKey), Exact = true });
        await group.GetByRole(AriaRole.Radio, new() { Name = $"{level} {server.Text("Level." + level)}", Exact = true }).CheckAsync();
    }
}
