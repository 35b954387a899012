using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tillit.Domain.Access;
using static Microsoft.Playwright.Assertions;

namespace Tillit.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class IncidentFlowTests(TillitServer server)
{
    [Fact]
    public async Task An_employee_reports_on_a_phone_with_the_keyboard_alone_and_the_security_officer_handles_it_to_closed()
    {
        var what = $"Ett mejl med en okänd bilaga öppnades på receptionens dator ({Guid.NewGuid():N})";

        // A phone-sized window, and nothing but the keyboard from signing in to the receipt.
        await using var phone = await server.Browser.NewContextAsync(new()
        {
            BaseURL = server.BaseUrl,
            IgnoreHTTPSErrors = true,
            Locale = "sv-SE",
            ViewportSize = new() { Width = 375, Height = 740 },
            HasTouch = true,
        });
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        var account = server.Accounts[Role.Employee];
        await TabToAsync(page, "#Input_Email");
        await page.Keyboard.TypeAsync(account.Email);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#Input_Password")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(account.Password);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(server.Text("Home.Welcome", "sv-SE", account.Name));

        // The menu's "Rapportera händelse" link, reached by tabbing and followed with Enter.
        var reportLink = page.GetByRole(AriaRole.Navigation, new() { Name = server.Text("Layout.MainNav") }).GetByRole(AriaRole.Link, new() { Name = server.Text("Nav.ReportIncident"), Exact = true });
        await TabToAsync(page, reportLink);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/incidents/report$"));

        // Sent empty first: the error summary names the missing description, and nothing is stored.
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = server.Text("Incident.Send"), Exact = true }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();

        await TabToAsync(page, "#Input_Description");
        await page.Keyboard.TypeAsync(what);
        await TabToAsync(page, "#Input_PersonalDataMaybe");
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("#Input_PersonalDataMaybe")).ToBeCheckedAsync();
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = server.Text("Incident.Send"), Exact = true }));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("/incidents/mine/[0-9a-f-]{36}$"));
        var heading = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync();
        var reference = Regex.Match(heading, @"H-\d{4}-\d{4,}").Value;
        Assert.False(string.IsNullOrEmpty(reference), $"the receipt names a reference number: {heading}");
        var fits = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
        Assert.True(fits, "the receipt fits the phone's width without sideways scrolling");

        // The security officer finds it in the handling list and takes it through to closed.
        await using var officer = await server.NewSignedInContextAsync(Role.SecurityOfficer);
        var desk = await officer.NewPageAsync();
        await desk.GotoAsync("/incidents");
        await desk.GetByRole(AriaRole.Link, new() { Name = reference }).First.ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(reference);
        await Expect(desk.GetByText(what)).ToBeVisibleAsync();

        await desk.GetByLabel(server.Text("Incident_Title"), new() { Exact = true }).FillAsync("Misstänkt skadlig bilaga");
        await desk.GetByLabel(server.Text("Incident_Category"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = server.Text("Incident_Category.Phishing") });
        await desk.GetByLabel(server.Text("Incident_Severity"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 2 });
        await desk.GetByRole(AriaRole.Button, new() { Name = server.Text("Incident_TriageSubmit"), Exact = true }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Misstänkt skadlig bilaga");

        await desk.GetByRole(AriaRole.Button, new() { Name = server.Text("Incident_MoveTo.UnderInvestigation"), Exact = true }).ClickAsync();
        await Expect(desk.Locator("dl")).ToContainTextAsync(server.Text("IncidentStatus.UnderInvestigation"));

        // Closing needs lessons and a decision on measures: refused first, then allowed.
        await desk.GetByRole(AriaRole.Button, new() { Name = server.Text("Incident_MoveTo.Closed"), Exact = true }).ClickAsync();
        await Expect(desk.Locator(".error-summary")).ToBeVisibleAsync();
        await Expect(desk.Locator("dl")).ToContainTextAsync(server.Text("IncidentStatus.UnderInvestigation"));

        await desk.GetByLabel(server.Text("Incident_Lessons"), new() { Exact = true }).FillAsync("Bilagor från okända avsändare spärras nu i e-postfiltret.");
        await desk.GetByLabel(server.Text("Incident_MeasuresDecision"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = server.Text("Incident_MeasuresDecision.NoneNeeded") });
        await desk.Locator("form[action*='handler=Conclude']").GetByRole(AriaRole.Button, new() { Name = server.Text("Incident_ConclusionSubmit"), Exact = true }).ClickAsync();
        await Expect(desk.GetByLabel(server.Text("Incident_Lessons"), new() { Exact = true })).ToHaveValueAsync("Bilagor från okända avsändare spärras nu i e-postfiltret.");
        await desk.GetByRole(AriaRole.Button, new() { Name = server.Text("Incident_MoveTo.Closed"), Exact = true }).ClickAsync();
        await Expect(desk.Locator("dl")).ToContainTextAsync(server.Text("IncidentStatus.Closed"));

        // The reporter sees the new status of their own report, and nothing of the handling.
        await page.ReloadAsync();
        await Expect(page.Locator("main")).ToContainTextAsync(server.Text("IncidentStatus.Closed"));
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Bilagor från okända avsändare");
    }

    private static Task TabToAsync(IPage page, string selector) => TabToAsync(page, page.Locator(selector));

    /// <summary>Presses Tab until the element has focus (at most 60 times), as a keyboard user would.</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var i = 0; i < 60; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached {target}");
    }
}
