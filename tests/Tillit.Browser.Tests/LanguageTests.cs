using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tillit.Domain.Access;
using static Microsoft.Playwright.Assertions;

namespace Tillit.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed partial class LanguageTests(TillitServer server)
{
    /// <summary>Swedish UI words that have a different English word (the demo data stays Swedish, so only UI words).</summary>
    private static readonly string[] SwedishUiWords =
    [
        "Logga ut", "Logga in", "Sök", "Filtrera", "Hoppa till innehållet", "Dina roller", "Startsida", "Välkommen",
        "Huvudmeny", "Personer", "Roller och uppdrag", "Styrdokument", "API-nycklar", "Ny enhet", "Ändra", "Typ",
        "Ingår i", "Underliggande enheter", "träffar", "Lösenord", "E-postadress", "Du är här", "Alla", "Förvaltning",
        "Avdelning", "Medarbetare", "Teknisk administration", "gällande styrdokument", "ledningssystem", "Ingen",
    ];

    [Fact]
    public async Task Switching_to_English_translates_every_visible_string_and_is_remembered()
    {
        // A sign-in of its own: the test signs out at the end, which ends the session on the server.
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await server.SignInAsync(page, Role.Administrator);
        await page.GotoAsync("/units");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv");

        // The switch returns to the same page, now in English.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page).ToHaveURLAsync(server.BaseUrl + "/units");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Svenska" })).ToHaveAttributeAsync("lang", "sv");
        await AssertEnglishAsync(page, "/units");

        var unitId = await server.QueryAsync(db => db.Units.Where(u => u.Name == "Kommunledningsförvaltningen").Select(u => u.Id).SingleAsync());
        foreach (var url in new[] { "/", $"/units/{unitId}", $"/units/{unitId}/edit", "/units/new", "/no-such-page", "/account/second-factor-setup" })
        {
            await page.GotoAsync(url);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await AssertEnglishAsync(page, url);
        }

        // Validation messages too.
        await page.GotoAsync("/units/new");
        await page.GetByRole(AriaRole.Button, new() { Name = server.Text("Common.Save", "en-GB") }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync(server.Text("Validation.Required", "en-GB"));
        await AssertEnglishAsync(page, "/units/new (errors)");

        // Remembered: a new tab of the same browser, and after signing out, the sign-in page.
        var second = await context.NewPageAsync();
        await second.GotoAsync("/");
        await Expect(second.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(server.Text("Home.Welcome", "en-GB", server.Accounts[Role.Administrator].Name));
        await second.GetByRole(AriaRole.Button, new() { Name = server.Text("Layout.SignOut", "en-GB") }).ClickAsync();
        await Expect(second).ToHaveURLAsync(new Regex("/account/sign-in$"));
        await Expect(second.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await AssertEnglishAsync(second, "/account/sign-in");
        await second.GetByRole(AriaRole.Button, new() { Name = server.Text("SignIn.Submit", "en-GB") }).ClickAsync();
        await Expect(second.Locator(".error-summary")).ToBeVisibleAsync();
        await AssertEnglishAsync(second, "/account/sign-in (errors)");

        // And back to Swedish.
        await second.GetByRole(AriaRole.Button, new() { Name = "Svenska" }).ClickAsync();
        await Expect(second.Locator("html")).ToHaveAttributeAsync("lang", "sv");
        await Expect(second.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(server.Text("SignIn.Title"));
    }

    [Fact]
    public async Task The_second_factor_page_is_English_after_switching_on_the_sign_in_page()
    {
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await AssertEnglishAsync(page, "/account/sign-in");
        await server.SignInWithPasswordAsync(page, Role.MunicipalDirector);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(server.Text("SecondFactor.Title", "en-GB"));
        await AssertEnglishAsync(page, "/account/second-factor");
    }

    /// <summary>The page's visible text and its accessible names (aria-label, title, alt, placeholder, the document title).</summary>
    private static async Task AssertEnglishAsync(IPage page, string where)
    {
        var text = await page.EvaluateAsync<string>(
            """
            () => [
              document.title,
              document.body.innerText,
              ...[...document.querySelectorAll('[aria-label],[title],[alt],[placeholder]')]
                .flatMap(e => ['aria-label', 'title', 'alt', 'placeholder'].map(a => e.getAttribute(a)).filter(v => v)),
              ...[...document.querySelectorAll('option')].map(o => o.textContent),
            ].join('\n')
            """);
        var swedish = SwedishUiWords.Where(w => Regex.IsMatch(text, @"(?<!\w)" + Regex.Escape(w) + @"(?!\w)")).ToList();
        Assert.True(swedish.Count == 0, $"Swedish words on {where} in English: {string.Join(", ", swedish)}\n---\n{text}");
        var keys = ResourceKey().Matches(text).Select(m => m.Value).ToList();
        Assert.True(keys.Count == 0, $"Resource keys shown on {where}: {string.Join(", ", keys)}\n---\n{text}");
    }

    [GeneratedRegex(@"\b[A-Z][a-zA-Z]+\.[A-Z][A-Za-z.]+\b")]
    private static partial Regex ResourceKey();
}
