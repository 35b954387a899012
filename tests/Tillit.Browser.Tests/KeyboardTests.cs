using Microsoft.Playwright;
using Tillit.Domain.Access;
using static Microsoft.Playwright.Assertions;

namespace Tillit.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(TillitServer server)
{
    [Theory]
    [InlineData(null, "/account/sign-in")]
    [InlineData(Role.Employee, "/")]
    [InlineData(Role.Administrator, "/units")]
    public async Task The_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_main_content(Role? role, string url)
    {
        await using var context = role is { } r ? await server.NewSignedInContextAsync(r) : await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);

        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator("a.skip-link");
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToHaveTextAsync(server.Text("Layout.SkipToContent"));
        await Expect(skip).ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main#main")).ToBeFocusedAsync();
        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);

        // The next Tab continues inside the main content, past the header and the menu.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(
            await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement) && document.activeElement !== document.querySelector('main')"),
            "After the skip link, Tab should move to the first control in the main content.");
    }

    [Fact]
    public async Task Sign_in_works_with_the_keyboard_alone()
    {
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        var account = server.Accounts[Role.Employee];

        await page.Keyboard.PressAsync("Tab"); // skip link
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#Input_Email")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(account.Email);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#Input_Password")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(account.Password);
        await page.Keyboard.PressAsync("Enter");

        // The browser keeps the #main of the skip link across the redirect.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(server.BaseUrl) + "/(#main)?$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(server.Text("Home.Welcome", "sv-SE", account.Name));
    }
}
