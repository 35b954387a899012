using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tillit.Domain.Access;
using static Microsoft.Playwright.Assertions;

namespace Tillit.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class TrainingFlowTests(TillitServer server)
{
    [Fact]
    public async Task The_security_officer_sees_each_error_of_a_completion_file_corrects_it_and_imports_every_row()
    {
        await using var officer = await server.NewSignedInContextAsync(Role.SecurityOfficer);
        var page = await officer.NewPageAsync();
        var email = await server.QueryAsync(db => db.People.Where(p => p.Name == "Fatima Ali").Select(p => p.Email).SingleAsync());
        var before = await server.QueryAsync(db => db.TrainingCompletions.CountAsync());

        // A file with an unknown person and a bad date: the preview names both rows and offers no import.
        await Upload(page, $"E-post;Kurs;Datum\r\n{email};IS-101;2024-01-15\r\nnågon@annanstans.se;IS-101;2024-01-15\r\n{email};OMS-20;15 januari\r\n");
        var errors = page.Locator("#import-errors li");
        await Expect(errors).ToHaveCountAsync(2);
        await Expect(errors.Nth(0)).ToContainTextAsync("Rad 3");
        await Expect(errors.Nth(0)).ToContainTextAsync("någon@annanstans.se");
        await Expect(errors.Nth(1)).ToContainTextAsync("Rad 4");
        await Expect(errors.Nth(1)).ToContainTextAsync("15 januari");
        await Expect(page.Locator("main form[method=post] button[type=submit]:not([formaction])")).ToHaveCountAsync(0);
        Assert.Equal(before, await server.QueryAsync(db => db.TrainingCompletions.CountAsync()));

        // The corrected file imports both rows.
        await Upload(page, $"E-post;Kurs;Datum\r\n{email};IS-101;2024-01-15\r\n{email};OMS-20;2024-01-16\r\n");
        await Expect(page.Locator("#import-counts")).ToContainTextAsync(server.Text("Import.Counts", "sv-SE", 2, 2, 0));
        await page.Locator("main form[method=post] button[type=submit]:not([formaction])").ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync(server.Text("Training.ImportDone", "sv-SE", 2));
        Assert.Equal(before + 2, await server.QueryAsync(db => db.TrainingCompletions.CountAsync()));
    }

    private static async Task Upload(IPage page, string csv)
    {
        await page.GotoAsync("/training/import");
        await page.Locator("#upload").SetInputFilesAsync(new FilePayload { Name = "completions.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.Locator("main form[method=post] button[type=submit]:not([formaction])").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/training/import/[0-9a-f-]{36}"));
    }
}
