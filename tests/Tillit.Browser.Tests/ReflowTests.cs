using Tillit.Domain.Access;

namespace Tillit.Browser.Tests;

/// <summary>WCAG 1.4.10: at 320 CSS pixels wide the page needs no horizontal scrolling (a wide data table may scroll in its own box).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReflowTests(TillitServer server)
{
    [Theory]
    [InlineData(null, "/account/sign-in")]
    [InlineData(Role.Administrator, "/")]
    [InlineData(Role.Administrator, "/units")]
    [InlineData(Role.Administrator, "/units/new")]
    [InlineData(Role.Employee, "/account/second-factor-setup")]
    public async Task The_page_fits_a_320_pixel_wide_screen_without_horizontal_scrolling(Role? role, string url)
    {
        await using var context = role is { } r ? await server.NewSignedInContextAsync(r) : await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(320, 640);
        await page.GotoAsync(url);
        if (Environment.GetEnvironmentVariable("TILLIT_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "320" + url.Replace('/', '-') + ".png"), FullPage = true });
        }

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{url} is {overflow} px wider than a 320 px screen.");
    }
}
