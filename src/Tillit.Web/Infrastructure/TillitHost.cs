using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tillit.Data;
using Tillit.Data.Identity;
using Tillit.Web.Api;
using Tillit.Web.Features;
using Tillit.Web.Infrastructure.Audit;
using Tillit.Web.Infrastructure.Mail;
using Tillit.Web.Security;

namespace Tillit.Web.Infrastructure;

/// <summary>Builds the web host. The command line builds the same host and uses its services.</summary>
public static class TillitHost
{
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = ContentRoot.Find(),
        });
        configure?.Invoke(builder);

        var services = builder.Services;
        var configuration = builder.Configuration;

        services.TryAddSingleton(TimeProvider.System);
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));
        services.Configure<TillitOptions>(configuration.GetSection(TillitOptions.Section));
        services.AddTillitDatabase(configuration, builder.Environment);
        services.AddTillitAudit(configuration);
        services.AddTillitMail(configuration);
        services.AddHostedService<NativeHeapTrimmer>();

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            k.AddServerHeader = false;
        });
        services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = MaxRequestBodyBytes;
            o.ValueLengthLimit = (int)MaxRequestBodyBytes;
        });

        services.AddTillitIdentity(configuration);
        services.AddTillitAuthorization();

        services.AddLocalization();
        services.AddSingleton<Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizerFactory, CachingStringLocalizerFactory>();
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = new[] { new CultureInfo("sv-SE"), new CultureInfo("en-GB") };
            o.DefaultRequestCulture = new RequestCulture("sv-SE");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = Culture.CookieName }];
        });

        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                PageRoutes.Add(o.Conventions);
            })
            .AddMvcOptions(o =>
            {
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                o.MaxModelBindingCollectionSize = 1000;
            });
        services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>, LocalizedModelBindingMessages>();
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = security.CookiePrefix + "Tillit-Af";
            o.Cookie.SecurePolicy = security.CookieSecurePolicy;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddProblemDetails();

        // Unreadable bodies and parameters reach ApiExceptionHandler in every environment (not only in
        // Development), so the answer is always a ProblemDetails in the caller's language.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddTillitOpenApi();

        // Enums travel as their names ("Department", "SecurityOfficer"), readable in scripts and in the API page; numbers are still accepted.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        services.AddHttpContextAccessor();
        services.AddFeatureHandlers();

        var app = builder.Build();
        ConfigurePipeline(app);
        return app;
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        var tillit = app.Services.GetRequiredService<IOptions<TillitOptions>>().Value;

        app.UseExceptionHandler("/error");
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), ui => ui.UseStatusCodePagesWithReExecute("/error", "?status={0}"));
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RequestSizeLimitMiddleware>();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseMiddleware<DbConnectionPerRequestMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<TenantMiddleware>();
        app.UseMiddleware<SecondFactorEnrolmentMiddleware>();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapPost("/culture", Culture.Set).AllowAnonymous();
        app.MapTillitApi();
        app.MapRazorPages();

        if (tillit.BenchMode)
        {
            app.MapBenchBaseline();
        }
    }

    /// <summary>Applies migrations (unless switched off) and seeds the demo organisation into an empty database.</summary>
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        if (configuration.GetValue("Database:MigrateAtStartup", true))
        {
            await DatabaseSetup.MigrateAsync(app.Services);
        }

        var tillit = app.Services.GetRequiredService<IOptions<TillitOptions>>().Value;
        if (tillit.SeedDemoOnEmptyDatabase)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var seeder = scope.ServiceProvider.GetRequiredService<Demo.DemoSeeder>();
            var accounts = await seeder.SeedIfEmptyAsync(CancellationToken.None);
            if (accounts is not null)
            {
                Demo.DemoSeeder.PrintAccounts(accounts, Console.Out);
            }
        }

        var security = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        if (!security.RequireSecondFactorForPrivilegedRoles)
        {
            app.Logger.LogWarning("The second factor is NOT required for privileged roles (Security:RequireSecondFactorForPrivilegedRoles=false). Use this only for a demo.");
        }
    }
}

public sealed class TillitOptions
{
    public const string Section = "Tillit";

    public bool SeedDemoOnEmptyDatabase { get; set; } = true;

    public bool BenchMode { get; set; }

    /// <summary>Adds the number of SQL commands of each request as a response header (tests, benchmark).</summary>
    public bool ExposeSqlCommandCount { get; set; }
}

/// <summary>Finds the project folder when run from a source tree, so `dotnet run --project` works from any folder.</summary>
internal static class ContentRoot
{
    public static string Find()
    {
        var cwd = Directory.GetCurrentDirectory();
        if (File.Exists(Path.Combine(cwd, "appsettings.json")))
        {
            return cwd;
        }

        var candidate = Path.Combine(cwd, "src", "Tillit.Web");
        if (File.Exists(Path.Combine(candidate, "appsettings.json")))
        {
            return candidate;
        }

        return AppContext.BaseDirectory;
    }
}
