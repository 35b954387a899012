using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Playwright;
using Tillit.Data;
using Tillit.Data.Identity;
using Tillit.Domain.Access;
using Tillit.Web;
using Tillit.Web.Infrastructure;
using Tillit.Web.Infrastructure.Demo;

namespace Tillit.Browser.Tests;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<TillitServer>
{
    public const string Name = "browser";
}

/// <summary>
/// One Tillit on a real Kestrel over HTTPS (production cookie settings: __Host- prefix, Secure, second
/// factor required) with a fresh SQLite file and the demo organisation, and one headless Chromium,
/// shared by the whole test collection. Each test takes a new browser context.
/// </summary>
public sealed class TillitServer : IAsyncLifetime
{
    public const string ChromiumMissing = "Chromium not found: run ./test.sh as root or apt-get install chromium";

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "tillit-browser-" + Guid.NewGuid().ToString("N"));
    private readonly ConcurrentDictionary<Role, string> _storageStates = new();
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl { get; private set; } = string.Empty;

    public Guid OrganisationId { get; private set; }

    /// <summary>The nine demo accounts, one per role, with the passwords the seeder generated.</summary>
    public IReadOnlyDictionary<Role, DemoAccount> Accounts { get; private set; } = new Dictionary<Role, DemoAccount>();

    /// <summary>Base32 authenticator keys of the accounts that have the second factor turned on, by e-mail.</summary>
    public IReadOnlyDictionary<string, string> AuthenticatorKeys { get; private set; } = new Dictionary<string, string>();

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The server is not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("TILLIT_CHROMIUM");
        if (string.IsNullOrWhiteSpace(chromium))
        {
            chromium = "/usr/bin/chromium";
        }

        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"{ChromiumMissing} (looked for '{chromium}'; TILLIT_CHROMIUM names another).");
        }

        Directory.CreateDirectory(_dataDir);
        await StartServerAsync();

        // The machine may be busy (2 cores shared by builds): allow more than the default 5 s for a page to settle.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    private async Task StartServerAsync()
    {
        var webProject = FindWebProject();
        var certificate = SelfSignedCertificate.Create();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(_dataDir, "tillit.db")}",
            ["Database:MigrateAtStartup"] = "true",
            ["Tillit:SeedDemoOnEmptyDatabase"] = "false",
            ["Security:RequireSecondFactorForPrivilegedRoles"] = "true",
            ["Security:HttpsOnlyCookies"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Warning",
        };

        // The application name makes MVC find the pages in tillit.dll (the entry assembly is the test host).
        string[] args = ["--environment", "Production", "--applicationName", typeof(TillitHost).Assembly.GetName().Name!];
        _app = TillitHost.Build(args, builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);

            // The test runs from bin/; the style sheet and scripts are served from the project's wwwroot.
            builder.Environment.WebRootPath = Path.Combine(webProject, "wwwroot");
            builder.Environment.WebRootFileProvider = new PhysicalFileProvider(builder.Environment.WebRootPath);
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        });

        await TillitHost.PrepareDatabaseAsync(_app);
        await SeedAsync(_app.Services);
        await _app.StartAsync();

        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal)).TrimEnd('/');
    }

    /// <summary>Seeds the demo organisation and turns the second factor on, with a known key, for the privileged roles.</summary>
    private async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        Accounts = seeded.ToDictionary(a => a.Role);
        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
        OrganisationId = await db.Organisations.Where(o => o.Code == DemoSeeder.DemoCode).Select(o => o.Id).SingleAsync();

        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var account in seeded.Where(a => Roles.RequiresSecondFactor(a.Role)))
        {
            var user = await users.FindByEmailAsync(account.Email) ?? throw new InvalidOperationException($"No account {account.Email}.");
            Check(await users.ResetAuthenticatorKeyAsync(user));
            keys[account.Email] = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key.");
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }

        AuthenticatorKeys = keys;

        static void Check(IdentityResult result)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            }
        }
    }

    /// <summary>A new browser context: its own cookies, HTTPS errors of the self-signed certificate ignored, Swedish browser.</summary>
    public Task<IBrowserContext> NewContextAsync(string? storageState = null) =>
        Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            IgnoreHTTPSErrors = true,
            Locale = "sv-SE",
            ViewportSize = new() { Width = 1280, Height = 900 },
            StorageState = storageState,
        });

    /// <summary>A new context already signed in as the role's demo account (signed in once per role through the UI, then reused).</summary>
    public async Task<IBrowserContext> NewSignedInContextAsync(Role role)
    {
        if (!_storageStates.TryGetValue(role, out var state))
        {
            await using var first = await NewContextAsync();
            var page = await first.NewPageAsync();
            await SignInAsync(page, role);
            state = await first.StorageStateAsync();
            _storageStates[role] = state;
        }

        return await NewContextAsync(state);
    }

    /// <summary>Signs in through the sign-in page, with the authenticator code when the role requires it.</summary>
    public async Task SignInAsync(IPage page, Role role)
    {
        ArgumentNullException.ThrowIfNull(page);
        await SignInWithPasswordAsync(page, role);
        if (Roles.RequiresSecondFactor(role))
        {
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/second-factor"));
            await page.Locator("#Input_Code").FillAsync(CurrentCode(role));
            await page.Locator("main button[type=submit]:not([formaction])").ClickAsync();
        }

        await Assertions.Expect(page.Locator("header form[action='/account/sign-out'] button")).ToBeVisibleAsync();
    }

    /// <summary>The first step only: e-mail and password on the sign-in page.</summary>
    public async Task SignInWithPasswordAsync(IPage page, Role role)
    {
        ArgumentNullException.ThrowIfNull(page);
        var account = Accounts[role];
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#Input_Email").FillAsync(account.Email);
        await page.Locator("#Input_Password").FillAsync(account.Password);
        await page.Locator("main button[type=submit]:not([formaction])").ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in"));
    }

    /// <summary>The authenticator code the role's account would show now.</summary>
    public string CurrentCode(Role role) =>
        Totp.Code(AuthenticatorKeys[Accounts[role].Email], TimeProvider.System.GetUtcNow());

    /// <summary>A UI string as the app renders it in the culture ("sv-SE" or "en-GB").</summary>
    public string Text(string key, string culture = "sv-SE", params object[] args)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            var localizer = Services.GetRequiredService<IStringLocalizer<SharedResource>>();
            var text = localizer[key, args];
            if (text.ResourceNotFound)
            {
                throw new InvalidOperationException($"No UI string {key}.");
            }

            return text.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>Runs a query against the demo organisation's data (tenant set), e.g. to find an id for a URL.</summary>
    public async Task<T> QueryAsync<T>(Func<TillitDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(OrganisationId);
        return await query(scope.ServiceProvider.GetRequiredService<TillitDbContext>());
    }

    /// <summary>The route templates of every Razor page the app maps ("" for the start page, "units/{id:guid}" ...).</summary>
    public IReadOnlyList<string> PageRoutes() =>
        ((IEndpointRouteBuilder)_app!).DataSources
            .SelectMany(d => d.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => (e.RoutePattern.RawText ?? string.Empty).Trim('/'))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private static string FindWebProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Tillit.Web");
            if (File.Exists(Path.Combine(candidate, "Tillit.Web.csproj")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"src/Tillit.Web not found above {AppContext.BaseDirectory}.");
    }
}
