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
    public async Task The_security_officer_registers_an_agreement_the_gap_disappears_then_an_exercise_is_held_and_its_lesson_becomes_a_measure()
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
        await page.Locator("main form[method=post] button[type=submit]:not([formaction])").ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync(server.Text("Agreement.DatesNeedResponsible"));
        await page.GetByLabel(server.Text("Agreement.EndsOn"), new() { Exact = true }).FillAsync(string.Empty);
        await page.Locator("main form[method=post] button[type=submit]:not([formaction])").ClickAsync();

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

        // Continuity: the directory's plan was never exercised, so it is listed as needing an exercise.
        await page.GotoAsync("/continuity?view=NotExercised");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Active Directory", Exact = true })).ToBeVisibleAsync();

        // The officer plans an exercise of Lifecare's fallback and of the directory, held yesterday.
        var yesterday = TimeProvider.System.GetUtcNow().AddDays(-1).ToString("yyyy-MM-dd");
        await page.GotoAsync("/exercises");
        await page.GetByRole(AriaRole.Link, new() { Name = server.Text("Exercises.Create"), Exact = true }).ClickAsync();
        await page.GetByLabel(server.Text("Exercise.Title"), new() { Exact = true }).FillAsync("Inloggningen borta en förmiddag");
        await page.GetByLabel(server.Text("Exercise.Kind"), new() { Exact = true }).SelectOptionAsync("Functional");
        await page.GetByLabel(server.Text("Exercise.PlannedOn"), new() { Exact = true }).FillAsync(yesterday);
        await page.GetByLabel(server.Text("Exercise.Scenario"), new() { Exact = true }).FillAsync("Katalogtjänsten svarar inte; vården loggar in med nödkonton.");
        await page.GetByLabel(server.Text("Exercise.Systems"), new() { Exact = true }).SelectOptionAsync([new SelectOptionValue { Label = "Active Directory" }, new SelectOptionValue { Label = "Lifecare" }]);
        await page.Locator("main form[method=post] button[type=submit]:not([formaction])").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/exercises/[0-9a-f-]{36}$"));
        await Expect(page.Locator("#exercise-systems")).ToContainTextAsync("Lifecare");

        // It was held: participants and outcome, then a lesson.
        await page.GetByLabel(server.Text("Exercise.HeldOn"), new() { Exact = true }).FillAsync(yesterday);
        await page.GetByLabel(server.Text("Exercise.Participants"), new() { Exact = true }).FillAsync("IT-chefen, två sjuksköterskor");
        await page.GetByLabel(server.Text("Exercise.Outcome"), new() { Exact = true }).FillAsync("Nödkontona fungerade men lösenorden låg i fel kassaskåp.");
        await page.GetByRole(AriaRole.Button, new() { Name = server.Text("Common.Save"), Exact = true }).ClickAsync();
        await Expect(page.Locator("#exercise-held")).ToHaveTextAsync(yesterday);
        await page.GetByLabel(server.Text("Exercise.NewLesson"), new() { Exact = true }).FillAsync("Nödkontonas lösenord ska ligga i krispärmen hos varje vårdenhet.");
        await page.GetByRole(AriaRole.Button, new() { Name = server.Text("Exercise.AddLesson"), Exact = true }).ClickAsync();

        // The lesson becomes a measure in the action plan, linked from the lesson.
        await page.GetByRole(AriaRole.Button, new() { Name = server.Text("Exercise.MakeMeasure"), Exact = true }).ClickAsync();
        var measureLink = page.Locator("#exercise-lessons a[href^='/measures/']");
        await Expect(measureLink).ToHaveTextAsync("Nödkontonas lösenord ska ligga i krispärmen hos varje vårdenhet.");
        await measureLink.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Nödkontonas lösenord");

        // The directory's plan is exercised now: no longer a gap.
        await page.GotoAsync("/continuity?view=NotExercised");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Active Directory", Exact = true })).ToHaveCountAsync(0);
        var origin = await server.QueryAsync(db => db.Measures.Where(m => m.Title == "Nödkontonas lösenord ska ligga i krispärmen hos varje vårdenhet.").Select(m => m.Origin).SingleAsync());
        Assert.Equal(Tillit.Domain.Measures.MeasureOrigin.Exercise, origin);
    }
}
