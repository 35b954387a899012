using System.Net;
using System.Text.RegularExpressions;
using Tillit.Domain.Access;
using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests;

[Collection(AppCollection.Name)]
public sealed partial class SecurityHeaderTests(TillitApp app)
{
    [Fact]
    public async Task Pages_carry_a_strict_content_security_policy_and_the_other_security_headers()
    {
        var response = await app.NewBrowser().GetAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var csp = Header(response, "Content-Security-Policy");
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.False(string.IsNullOrEmpty(Header(response, "Referrer-Policy")));
        Assert.Equal("no-store", Header(response, "Cache-Control"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Api_responses_carry_the_security_headers_too()
    {
        var response = await (await app.ApiAsync(app.A, Role.Administrator)).GetAsync("/api/v1/units");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Https_responses_for_a_real_host_name_carry_hsts()
    {
        var browser = new Browser(app.Factory.CreateRawClient(new Uri("https://tillit.example.se")));
        var response = await browser.GetAsync("/account/sign-in");
        Assert.Contains("max-age=", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_page_has_inline_script_or_style()
    {
        var admin = await app.SessionAsync(app.A, Role.Administrator);
        var pages = new[] { "/", "/units", $"/units/{app.A.UnitId}", "/units/new", $"/units/{app.A.UnitId}/edit", "/account/sign-out", "/account/second-factor-setup", "/error?status=404" };
        var failures = new List<string>();
        foreach (var page in pages.Append("/account/sign-in"))
        {
            var browser = page == "/account/sign-in" ? app.NewBrowser() : admin;
            var (_, html) = await browser.GetPageAsync(page);
            failures.AddRange(InlineScript().Matches(html).Select(m => $"{page}: inline script {m.Value}"));
            failures.AddRange(InlineStyle().Matches(html).Select(m => $"{page}: inline style {m.Value}"));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"no {name} header on {response.RequestMessage?.RequestUri}");

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<style\\b|\\sstyle=\"|\\son[a-z]+=\"", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();
}
