using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tillit.Domain.Access;
using static Microsoft.Playwright.Assertions;

namespace Tillit.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed partial class UnitFlowTests(TillitServer server)
{
    [Fact]
    public async Task The_administrator_creates_a_unit_after_correcting_a_validation_error_finds_it_in_the_list_and_edits_it()
    {
        await using var context = await server.NewSignedInContextAsync(Role.Administrator);
        var page = await context.NewPageAsync();
        var name = "Informationssäkerhetsrådet " + Guid.NewGuid().ToString("N")[..6];
        var parentId = await server.QueryAsync(db => db.Units.Where(u => u.Name == "Kommunledningsförvaltningen").Select(u => u.Id).SingleAsync());

        await page.GotoAsync("/units");
        await page.GetByRole(AriaRole.Link, new() { Name = server.Text("Units.Create"), Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(server.BaseUrl + "/units/new");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(server.Text("Units.Create"));

        // Sent empty: the error summary comes first, takes the focus and links to each field.
        await page.GetByRole(AriaRole.Button, new() { Name = server.Text("Common.Save") }).ClickAsync();
        var summary = page.Locator(".error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync(server.Text("Validation.SummaryTitle"));
        await Expect(page).ToHaveTitleAsync(new Regex("^" + Regex.Escape(server.Text("Layout.ErrorPrefix")) + ": "));
        var nameError = summary.Locator("a[href='#Input_Name']");
        await Expect(nameError).ToHaveTextAsync(server.Text("Validation.Required"));
        await Expect(summary.Locator("a[href='#Input_Kind']")).ToBeVisibleAsync();
        var nameInput = page.GetByLabel(server.Text("Unit.Name"), new() { Exact = true });
        await Expect(nameInput).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(nameInput).ToHaveAttributeAsync("aria-describedby", new Regex("Input_Name-error"));
        await Expect(page.Locator("#Input_Name-error")).ToContainTextAsync(server.Text("Validation.Required"));

        // The link leads to the field.
        await nameError.ClickAsync();
        Assert.EndsWith("#Input_Name", page.Url, StringComparison.Ordinal);
        await Expect(nameInput).ToBeInViewportAsync();

        // Corrected and saved.
        await nameInput.FillAsync(name);
        await page.GetByLabel(server.Text("Unit.Kind"), new() { Exact = true }).SelectOptionAsync("Section");
        await page.GetByLabel(server.Text("Unit.Parent"), new() { Exact = true }).SelectOptionAsync(parentId.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = server.Text("Common.Save") }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/units/[0-9a-f-]{36}(#.*)?$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(server.Text("Common.Saved"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Kommunledningsförvaltningen", Exact = true }).First).ToBeVisibleAsync();
        await Expect(page.Locator(".summary-list")).ToContainTextAsync(server.Text("UnitKind.Section"));

        // In the list, found with the search.
        await page.GotoAsync("/units");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = server.Text("Common.Search") }).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = server.Text("Common.Filter") }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Kommunledningsförvaltningen");
        await Expect(page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = "IT-avdelningen" })).ToHaveCountAsync(0);

        // Edited.
        await row.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = server.Text("Common.Edit"), Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/units/[0-9a-f-]{36}/edit(#.*)?$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(server.Text("Units.Edit"));
        await Expect(nameInput).ToHaveValueAsync(name);
        await nameInput.FillAsync(name + " (ändrad)");
        await page.GetByRole(AriaRole.Button, new() { Name = server.Text("Common.Save") }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/units/[0-9a-f-]{36}(#.*)?$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name + " (ändrad)");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(server.Text("Common.Saved"));

        // The confirmation is shown once, not again on the next page.
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);
        var saved = await server.QueryAsync(db => db.Units.CountAsync(u => u.Name == name + " (ändrad)" && u.ParentId == parentId));
        Assert.Equal(1, saved);
    }

    [Fact]
    public async Task A_manager_sees_units_but_no_button_to_create_one()
    {
        await using var context = await server.NewSignedInContextAsync(Role.Manager);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/units");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(server.Text("Units.Title"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = server.Text("Units.Create"), Exact = true })).ToHaveCountAsync(0);
        await page.GotoAsync("/units/new");
        await Expect(page).ToHaveURLAsync(new Regex("/account/access-denied"));
    }
}
