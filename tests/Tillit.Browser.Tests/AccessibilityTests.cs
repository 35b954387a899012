using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Xunit.Abstractions;

namespace Tillit.Browser.Tests;

/// <summary>axe-core with the WCAG 2.0/2.1 A and AA rules on every page of the app (list in <see cref="AxePages"/>).</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(TillitServer server, ITestOutputHelper output)
{
    public static TheoryData<string> PageNames => new(AxePages.All.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(PageNames))]
    public async Task Axe_finds_no_WCAG_A_or_AA_violation_on_the_page(string name)
    {
        var entry = AxePages.All.Single(p => p.Name == name);
        await using var context = entry.As is { } role ? await server.NewSignedInContextAsync(role) : await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await entry.Open(server, page);

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });

        output.WriteLine($"{name}: {page.Url}, {result.Passes.Length} rules passed");
        if (Environment.GetEnvironmentVariable("TILLIT_SCREENSHOTS") is { Length: > 0 } folder)
        {
            // For looking at the pages: TILLIT_SCREENSHOTS=/tmp/shots ./test.sh --only browser
            Directory.CreateDirectory(folder);
            var file = string.Concat(name.Select(c => char.IsLetterOrDigit(c) ? c : '-')) + ".png";
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, file), FullPage = true });
        }

        if (result.Violations.Length > 0)
        {
            var report = new StringBuilder($"axe found {result.Violations.Length} violation(s) on '{name}' ({page.Url}):\n");
            foreach (var violation in result.Violations)
            {
                report.Append(System.Globalization.CultureInfo.InvariantCulture, $"- {violation.Id} [{violation.Impact}] {violation.Help}\n  {violation.HelpUrl}\n");
                foreach (var node in violation.Nodes)
                {
                    report.Append(System.Globalization.CultureInfo.InvariantCulture, $"    at {node.Target}: {node.Html}\n");
                }
            }

            Assert.Fail(report.ToString());
        }
    }

    [Fact]
    public async Task The_accessibility_check_reports_a_violation_on_a_page_that_has_one()
    {
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.EvaluateAsync("() => { document.documentElement.removeAttribute('lang'); document.querySelector('label[for=Input_Email]').remove(); }");

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });

        var ids = result.Violations.Select(v => v.Id).ToList();
        Assert.Contains("html-has-lang", ids);
        Assert.Contains("label", ids);
    }

    [Fact]
    public void Every_page_route_of_the_app_is_in_the_accessibility_check()
    {
        var covered = AxePages.All.Select(p => p.Route).Concat(AxePages.FileRoutes).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var routes = server.PageRoutes();
        Assert.NotEmpty(routes);
        var missing = routes.Where(r => !covered.Contains(r)).ToList();
        Assert.True(
            missing.Count == 0,
            "Page routes without an entry in AxePages.All (add one line each, with how to reach it): " + string.Join(", ", missing.Select(r => "/" + r)));

        // And no entry names a route the app does not have (a typo would leave the real route unchecked).
        var unknown = covered.Where(r => !routes.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        Assert.True(unknown.Count == 0, "AxePages.All names routes the app does not map: " + string.Join(", ", unknown));
    }
}
