using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using Tillit.Domain.Access;
using static Microsoft.Playwright.Assertions;

namespace Tillit.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class YearlyReportFlowTests(TillitServer server)
{
    [Fact]
    public async Task The_security_officer_generates_last_years_report_and_downloads_it_as_Word()
    {
        var year = TimeProvider.System.GetUtcNow().Year - 1;
        await using var officer = await server.NewSignedInContextAsync(Role.SecurityOfficer);
        var page = await officer.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = server.Text("Layout.MainNav") }).GetByRole(AriaRole.Link, new() { Name = server.Text("Nav.Reports"), Exact = true }).ClickAsync();
        await page.GetByLabel(server.Text("Goal_Year"), new() { Exact = true }).FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel(server.Text("YearlyReport_Proposals"), new() { Exact = true }).FillAsync("Öva krisledningen och klassa alla ärendesystem.");
        await page.GetByRole(AriaRole.Button, new() { Name = server.Text("YearlyReport_Generate"), Exact = true }).ClickAsync();

        // The report is generated in the background: the job's page lists the steps and, when the job is done,
        // leads to the report (htmx asks every two seconds; without scripts the update link does the same). On a
        // small database the job can be done before the job's page is first asserted, so only the end is awaited.
        await Expect(page).ToHaveURLAsync(new Regex($"/reports/{year}$"), new() { Timeout = 30_000 });
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(server.Text("YearlyReport_Generated", "sv-SE", year));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.GetByText("Öva krisledningen och klassa alla ärendesystem.")).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = server.Text("YearlyReport_DownloadDocx"), Exact = true }).ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        using var word = WordprocessingDocument.Open(await download.PathAsync(), false);
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains(server.Text("Indicator_systems-with-owner"), text, StringComparison.Ordinal);
        Assert.Contains("Öva krisledningen och klassa alla ärendesystem.", text, StringComparison.Ordinal);
    }
}
