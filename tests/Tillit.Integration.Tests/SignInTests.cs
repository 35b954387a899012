using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Tillit.Data.Identity;
using Tillit.Domain.Access;
using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests;

[Collection(AppCollection.Name)]
public sealed class SignInTests(TillitApp app)
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_even_the_right_password_is_refused()
    {
        var account = await app.Seed.CreateAccountAsync(app.A, Role.Employee, secondFactor: false);
        var browser = app.NewBrowser();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await TillitApp.SubmitPasswordAsync(browser, account.Email, "fel-lösenord-12345");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        var right = await TillitApp.SubmitPasswordAsync(browser, account.Email, account.Password);
        var html = WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("Kontot är tillfälligt låst", html, StringComparison.Ordinal);
        Assert.Null(browser.Session);
    }

    [Fact]
    public async Task A_privileged_account_with_a_second_factor_is_not_signed_in_until_the_code_is_given()
    {
        var account = await app.Seed.CreateAccountAsync(app.A, Role.SecurityOfficer, secondFactor: true);
        var browser = app.NewBrowser();
        var password = await TillitApp.SubmitPasswordAsync(browser, account.Email, account.Password);
        var next = Browser.RedirectTarget(password);
        Assert.StartsWith("/account/second-factor?", next, StringComparison.Ordinal);

        var home = await browser.GetAsync("/");
        Assert.StartsWith("/account/sign-in?", Browser.RedirectTarget(home), StringComparison.Ordinal);
        Assert.Null(browser.Session);

        var wrongCode = await browser.PostFormAsync(next!, [new("Input.Code", "000000")], await browser.AntiforgeryTokenAsync(next!));
        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.StatusCode);
        Assert.Null(browser.Session);

        var code = await TillitApp.SubmitSecondFactorAsync(browser, next!, account);
        Assert.Equal("/", Browser.RedirectTarget(code));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_privileged_account_without_a_second_factor_must_set_one_up_before_any_other_page()
    {
        var account = await app.Seed.CreateAccountAsync(app.A, Role.Administrator, secondFactor: false);
        var browser = app.NewBrowser();
        var password = await TillitApp.SubmitPasswordAsync(browser, account.Email, account.Password);
        Assert.Equal("/", Browser.RedirectTarget(password));
        Assert.NotNull(browser.Session);

        foreach (var page in new[] { "/", "/units", $"/units/{app.A.UnitId}", "/units/new", "/error?status=404" })
        {
            var response = await browser.GetAsync(page);
            Assert.True(Browser.RedirectTarget(response) == "/account/second-factor-setup", $"GET {page} gave {Calls.Describe(response)}");
        }

        var (setup, html) = await browser.GetPageAsync("/account/second-factor-setup");
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        var key = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"shared-key\">([^<]+)<").Groups[1].Value;
        Assert.False(string.IsNullOrWhiteSpace(key), "the setup page shows no shared key");

        var wrong = await browser.PostFormAsync("/account/second-factor-setup", [new("Input.Code", "000000")], Browser.FormToken(html));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);

        var done = await browser.PostFormAsync("/account/second-factor-setup", [new("Input.Code", Totp.Now(key))], Browser.FormToken(html));
        Assert.Equal("/", Browser.RedirectTarget(done));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/units")).StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_session_on_the_server_so_a_copied_cookie_stops_working()
    {
        var account = await app.Seed.CreateAccountAsync(app.A, Role.Employee, secondFactor: false);
        var browser = await app.SignInAsync(account);
        var copy = browser.Clone();
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/")).StatusCode);

        var signOut = await browser.PostFormAsync("/account/sign-out");
        Assert.Equal("/account/sign-in", Browser.RedirectTarget(signOut));
        Assert.Null(browser.Session);

        var replay = await copy.GetAsync("/");
        Assert.StartsWith("/account/sign-in?", Browser.RedirectTarget(replay), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_makes_a_new_session_and_ends_the_one_the_browser_had()
    {
        var account = await app.Seed.CreateAccountAsync(app.A, Role.Employee, secondFactor: false);
        var browser = await app.SignInAsync(account);
        var first = browser.Clone();

        var again = await TillitApp.SubmitPasswordAsync(browser, account.Email, account.Password);
        Assert.Equal("/", Browser.RedirectTarget(again));
        Assert.NotNull(browser.Session);
        Assert.NotEqual(first.Session, browser.Session);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        Assert.StartsWith("/account/sign-in?", Browser.RedirectTarget(await first.GetAsync("/")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("http:/evil.example")]
    public async Task A_foreign_return_url_is_refused_and_sign_in_goes_to_the_start_page(string returnUrl)
    {
        var account = app.A.Accounts[Role.Employee];
        var browser = app.NewBrowser();
        var (_, form) = await browser.GetPageAsync("/account/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(string.Empty, Browser.InputValue(form, "ReturnUrl"));

        var response = await TillitApp.SubmitPasswordAsync(browser, account.Email, account.Password, returnUrl);
        Assert.Equal("/", Browser.RedirectTarget(response));

        var culture = await browser.PostFormAsync("/culture", [new("culture", "sv"), new("returnUrl", returnUrl)]);
        Assert.Equal("/", Browser.RedirectTarget(culture));
    }

    [Fact]
    public async Task A_local_return_url_is_followed_after_sign_in()
    {
        var account = app.A.Accounts[Role.Manager];
        var response = await TillitApp.SubmitPasswordAsync(app.NewBrowser(), account.Email, account.Password, "/units?q=x");
        Assert.Equal("/units?q=x", Browser.RedirectTarget(response));
    }

    [Theory]
    [InlineData("kort-lösen", "Lösenordet måste vara minst 12 tecken.")]
    [InlineData("1qaz2wsx3edc", "Lösenordet är för vanligt")]
    [InlineData("Password1234", "Lösenordet är för vanligt")]
    public async Task Short_and_common_passwords_are_refused_with_a_Swedish_message(string password, string message)
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("sv-SE");
        try
        {
            await using var scope = app.Factory.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
            var user = new UserAccount { Id = Guid.CreateVersion7(), UserName = $"pw-{Guid.NewGuid():N}@orga.test", Email = $"pw-{Guid.NewGuid():N}@orga.test", OrganisationId = app.A.Id, PersonId = Guid.CreateVersion7() };
            var created = await users.CreateAsync(user, password);
            Assert.False(created.Succeeded);
            Assert.Contains(created.Errors, e => e.Description.Contains(message, StringComparison.Ordinal));

            var withoutPassword = new UserAccount { Id = Guid.CreateVersion7(), UserName = $"pw-{Guid.NewGuid():N}@orga.test", Email = $"pw-{Guid.NewGuid():N}@orga.test", OrganisationId = app.A.Id, PersonId = Guid.CreateVersion7() };
            Assert.True((await users.CreateAsync(withoutPassword)).Succeeded);
            var added = await users.AddPasswordAsync(withoutPassword, password);
            Assert.False(added.Succeeded);
            Assert.Contains(added.Errors, e => e.Description.Contains(message, StringComparison.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public async Task The_session_cookie_is_host_prefixed_secure_http_only_and_same_site()
    {
        var account = app.A.Accounts[Role.Employee];
        var browser = app.NewBrowser();
        await browser.GetAsync("/account/sign-in");
        var antiforgery = browser.LastSetCookies.Select(h => SetCookieHeaderValue.Parse(h)).Single(c => c.Name.ToString().EndsWith("-Af", StringComparison.Ordinal));
        AssertHostCookie(antiforgery, SameSiteMode.Strict);

        var response = await TillitApp.SubmitPasswordAsync(browser, account.Email, account.Password);
        Assert.Equal("/", Browser.RedirectTarget(response));
        var session = browser.LastSetCookies.Select(h => SetCookieHeaderValue.Parse(h)).Single(c => c.Name == Browser.SessionCookie && c.Value.Length > 0);
        AssertHostCookie(session, SameSiteMode.Lax);
        Assert.Null(session.Expires); // a session cookie: gone when the browser closes
        Assert.True(session.Value.Length < 600, $"the cookie should carry only the session key, not the ticket ({session.Value.Length} characters)");
    }

    private static void AssertHostCookie(SetCookieHeaderValue cookie, SameSiteMode sameSite)
    {
        Assert.StartsWith("__Host-", cookie.Name.ToString(), StringComparison.Ordinal);
        Assert.True(cookie.Secure, $"{cookie.Name} is not Secure");
        Assert.True(cookie.HttpOnly, $"{cookie.Name} is not HttpOnly");
        Assert.Equal(sameSite, cookie.SameSite);
        Assert.Equal("/", cookie.Path.ToString());
        Assert.True(cookie.Domain.Length == 0, $"{cookie.Name} names a domain, which __Host- forbids");
    }
}
