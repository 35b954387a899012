using System.Collections.Concurrent;
using Tillit.Domain.Access;

namespace Tillit.Integration.Tests.Infrastructure;

/// <summary>
/// The shared fixture: one test server on one fresh database, with organisations A and B seeded,
/// and helpers to sign in as a role (cookie session) or to call the API as one (token).
/// </summary>
public sealed class TillitApp : IAsyncLifetime
{
    private readonly ConcurrentDictionary<(Guid, Role), Lazy<Task<Browser>>> _sessions = new();
    private readonly ConcurrentDictionary<(Guid, Role), Lazy<Task<string>>> _tokens = new();
    private TestDatabase? _database;
    private TillitFactory? _factory;

    public TillitFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialised.");

    public TestSeed Seed { get; private set; } = default!;

    public TestOrganisation A { get; private set; } = default!;

    public TestOrganisation B { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _factory = new TillitFactory(_database);
        _ = _factory.Server; // starts the host: Program migrates the database
        Seed = new TestSeed(_factory.Services);
        A = await Seed.CreateOrganisationAsync("orga");
        B = await Seed.CreateOrganisationAsync("orgb");
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    public Browser NewBrowser() => new(Factory.CreateRawClient());

    /// <summary>A signed-in session of the organisation's account for the role, made once and shared (do not sign it out).</summary>
    public Task<Browser> SessionAsync(TestOrganisation org, Role role) =>
        _sessions.GetOrAdd((org.Id, role), _ => new Lazy<Task<Browser>>(() => SignInAsync(org.Accounts[role]))).Value;

    /// <summary>An API client with a token of the organisation's account for the role, made once and shared.</summary>
    public async Task<Browser> ApiAsync(TestOrganisation org, Role role)
    {
        var secret = await _tokens.GetOrAdd((org.Id, role), _ => new Lazy<Task<string>>(() => Seed.CreateTokenAsync(org.Accounts[role]))).Value;
        return new Browser(Factory.CreateRawClient()) { BearerToken = secret };
    }

    /// <summary>
    /// A new person without a role, appointed owner of the system by the director (a system-scoped appointment, the
    /// way a real system owner's scope is narrower than the test organisation's organisation-wide one). A system owner
    /// must use a second factor in the pages: pass <paramref name="secondFactor"/> to sign in there.
    /// </summary>
    public async Task<TestAccount> AppointSystemOwnerAsync(TestOrganisation org, Guid system, bool secondFactor = false)
    {
        ArgumentNullException.ThrowIfNull(org);
        var account = await Seed.CreateAccountAsync(org, null, secondFactor);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var appointed = await (await ApiAsync(org, Role.MunicipalDirector)).SendJsonAsync(HttpMethod.Post, $"/api/v1/systems/{system}/owner", $$"""{"personId":"{{account.PersonId}}","decisionReference":"KD {{today.Year}}/7"}""");
        var body = await appointed.Content.ReadAsStringAsync();
        if (appointed.StatusCode != System.Net.HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Appointing the owner of {system} gave {(int)appointed.StatusCode}: {body}");
        }

        return account;
    }

    /// <summary>An API client with a token of the account.</summary>
    public async Task<Browser> ApiAsync(TestAccount account) => new(Factory.CreateRawClient()) { BearerToken = await Seed.CreateTokenAsync(account) };

    /// <summary>Signs in through the pages, with the second factor when the account has one; fails unless it ends signed in.</summary>
    public async Task<Browser> SignInAsync(TestAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var browser = NewBrowser();
        var response = await SubmitPasswordAsync(browser, account.Email, account.Password);
        var target = Browser.RedirectTarget(response);
        if (target?.StartsWith("/account/second-factor?", StringComparison.Ordinal) == true)
        {
            response = await SubmitSecondFactorAsync(browser, target, account);
            target = Browser.RedirectTarget(response);
        }

        if (target is null || target.StartsWith("/account/", StringComparison.Ordinal) || browser.Session is null)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"Sign-in of {account.Email} ended with {(int)response.StatusCode} {target}: {body[..Math.Min(body.Length, 2000)]}");
        }

        return browser;
    }

    /// <summary>The password step: GET the sign-in page for its form token, POST the form.</summary>
    public static async Task<HttpResponseMessage> SubmitPasswordAsync(Browser browser, string email, string password, string? returnUrl = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var token = await browser.AntiforgeryTokenAsync("/account/sign-in");
        var fields = new List<KeyValuePair<string, string>> { new("Input.Email", email), new("Input.Password", password) };
        if (returnUrl is not null)
        {
            fields.Add(new("ReturnUrl", returnUrl));
        }

        return await browser.PostFormAsync("/account/sign-in", fields, token);
    }

    /// <summary>The second step, with the code an authenticator app would show now.</summary>
    public static async Task<HttpResponseMessage> SubmitSecondFactorAsync(Browser browser, string secondFactorUrl, TestAccount account)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(account);
        var key = account.AuthenticatorKey ?? throw new InvalidOperationException($"{account.Email} has no authenticator key.");
        var (page, html) = await browser.GetPageAsync(secondFactorUrl);
        var token = Browser.FormToken(html) ?? throw new InvalidOperationException($"GET {secondFactorUrl} gave {(int)page.StatusCode} without a form.");
        var returnUrl = Browser.InputValue(html, "ReturnUrl") ?? "/";
        return await browser.PostFormAsync(secondFactorUrl, [new("Input.Code", Totp.Now(key)), new("ReturnUrl", returnUrl)], token);
    }
}

/// <summary>All test classes that use the server share one, so the suite starts it once.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<TillitApp>
{
    public const string Name = "Tillit app";
}
