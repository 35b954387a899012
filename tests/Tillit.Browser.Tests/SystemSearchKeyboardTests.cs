using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tillit.Domain.Access;
using static Microsoft.Playwright.Assertions;

namespace Tillit.Browser.Tests;

/// <summary>Enter in a form with a system search: in the search field it searches, elsewhere it saves (wwwroot/js/forms.js).</summary>
[Collection(BrowserCollection.Name)]
public sealed class SystemSearchKeyboardTests(TillitServer server)
{
    [Fact]
    public async Task Enter_in_the_search_field_searches_and_keeps_the_form_and_enter_in_another_field_saves()
    {
        await using var context = await server.NewSignedInContextAsync(Role.SecurityOfficer);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/laws/new");
        var reference = "SFS 2099:" + Random.Shared.Next(100, 999);
        var referenceField = page.GetByLabel(server.Text("Law.Reference"), new() { Exact = true });
        await referenceField.FillAsync(reference);
        await page.GetByLabel(server.Text("Law.Kind"), new() { Exact = true }).SelectOptionAsync("Law");
        await page.GetByLabel(server.Text("Law.Title"), new() { Exact = true }).FillAsync("Lag om tangenten Enter");
        await page.GetByLabel(server.Text("Law.Demands"), new() { Exact = true }).FillAsync("Att Enter sparar formularet.");

        // Enter in the search field: the search runs, nothing is saved, and what was entered stays.
        var search = page.GetByRole(AriaRole.Searchbox, new() { Name = server.Text("SystemPicker.Search") });
        await search.FillAsync("zzz-no-such-system");
        await search.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("handler=findsystems"));
        await Expect(referenceField).ToHaveValueAsync(reference);
        await Expect(search).ToHaveValueAsync("zzz-no-such-system");

        // Enter in another field saves the law with the form's own button.
        await search.FillAsync(string.Empty);
        await referenceField.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/laws/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Lag om tangenten Enter");
        await Expect(page.Locator(".breadcrumbs [aria-current=page]")).ToHaveTextAsync(reference);
    }
}
