using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Tillit.Data;
using Tillit.Data.Audit;
using Tillit.Data.Identity;
using Tillit.Web.Infrastructure.Audit;

namespace Tillit.Web.Security;

public static class IdentitySetup
{
    /// <summary>The default scheme: API requests authenticate by personal access token, everything else by the session cookie.</summary>
    public const string SmartScheme = "Tillit";

    public static IServiceCollection AddTillitIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();

        services.AddIdentity<UserAccount, IdentityRole<Guid>>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = security.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<TillitDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<SwedishIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<TillitClaimsPrincipalFactory>();

        services.AddSingleton<DbTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DbTicketStore, TimeProvider>((o, store, clock) =>
            {
                o.Cookie.Name = security.CookiePrefix + "Tillit";
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = security.CookieSecurePolicy;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.Path = "/";
                o.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleTimeoutMinutes);
                o.SlidingExpiration = true;
                o.SessionStore = store;
                o.LoginPath = "/account/sign-in";
                o.LogoutPath = "/account/sign-out";
                o.AccessDeniedPath = "/account/access-denied";
                o.ReturnUrlParameter = "returnUrl";
                o.Events.OnSigningIn = ctx =>
                {
                    ctx.Properties.Items[TillitClaims.AbsoluteExpiry] =
                        clock.GetUtcNow().AddHours(security.AbsoluteTimeoutHours).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return Task.CompletedTask;
                };
                o.Events.OnSignedIn = ctx => AuditPrincipal(ctx.HttpContext, ctx.Principal, AuditActions.SignIn);
                o.Events.OnSigningOut = ctx => AuditPrincipal(ctx.HttpContext, ctx.HttpContext.User, AuditActions.SignOut);
                o.Events.OnRedirectToAccessDenied = async ctx =>
                {
                    AuditDenied(ctx.HttpContext);
                    ctx.Response.Redirect(ctx.RedirectUri);
                    await Task.CompletedTask;
                };
                o.Events.OnValidatePrincipal = async ctx =>
                {
                    if (!ctx.Properties.Items.TryGetValue(TillitClaims.AbsoluteExpiry, out var abs)
                        || !long.TryParse(abs, out var seconds)
                        || clock.GetUtcNow() > DateTimeOffset.FromUnixTimeSeconds(seconds))
                    {
                        ctx.RejectPrincipal();
                        await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                        return;
                    }

                    await SecurityStampValidator.ValidatePrincipalAsync(ctx);
                };
            });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));

        services.ConfigureExternalCookie(o =>
        {
            o.Cookie.Name = security.CookiePrefix + "Tillit-Ext";
            o.Cookie.SecurePolicy = security.CookieSecurePolicy;
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme).Configure(o =>
        {
            o.Cookie.Name = security.CookiePrefix + "Tillit-2fa";
            o.Cookie.SecurePolicy = security.CookieSecurePolicy;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme).Configure(o =>
        {
            o.Cookie.Name = security.CookiePrefix + "Tillit-2fa-rm";
            o.Cookie.SecurePolicy = security.CookieSecurePolicy;
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultAuthenticateScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultForbidScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or token", o =>
                o.ForwardDefaultSelector = ctx => ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);

        return services;
    }

    private static Task AuditPrincipal(HttpContext context, System.Security.Claims.ClaimsPrincipal? principal, string action)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask;
        }

        var trail = context.RequestServices.GetRequiredService<AuditTrail>();
        var user = principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        return trail.RecordAsync(
            action,
            "UserAccount",
            user,
            organisationId: Guid.TryParse(principal.FindFirst(TillitClaims.OrganisationId)?.Value, out var org) ? org : null,
            personId: Guid.TryParse(principal.FindFirst(TillitClaims.PersonId)?.Value, out var person) ? person : null,
            actorName: principal.FindFirst(System.Security.Claims.ClaimTypes.GivenName)?.Value);
    }

    /// <summary>Records a refused request (policy or per-record check); not awaited, denials can be many.</summary>
    public static void AuditDenied(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RequestServices.GetRequiredService<AuditTrail>()
            .Enqueue(AuditActions.PermissionDenied, data: new { method = context.Request.Method, path = context.Request.Path.Value });
    }
}

/// <summary>Adds the organisation, the person and the pending second-factor set-up to the sign-in principal.</summary>
public sealed class TillitClaimsPrincipalFactory(
    UserManager<UserAccount> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options,
    IOptions<SecurityOptions> security,
    TillitDbContext db,
    TimeProvider clock)
    : UserClaimsPrincipalFactory<UserAccount, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<System.Security.Claims.ClaimsIdentity> GenerateClaimsAsync(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new(TillitClaims.OrganisationId, user.OrganisationId.ToString()));
        identity.AddClaim(new(TillitClaims.PersonId, user.PersonId.ToString()));

        var person = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            db.People.IgnoreQueryFiltersFor(user.OrganisationId).Where(p => p.Id == user.PersonId).Select(p => p.Name));
        if (person is not null)
        {
            identity.AddClaim(new(System.Security.Claims.ClaimTypes.GivenName, person));
        }

        if (security.Value.RequireSecondFactorForPrivilegedRoles && !user.TwoFactorEnabled)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var privileged = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
                db.RoleAssignments.IgnoreQueryFiltersFor(user.OrganisationId),
                a => a.PersonId == user.PersonId && a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today)
                     && (a.Role == Domain.Access.Role.SecurityOfficer || a.Role == Domain.Access.Role.MunicipalDirector || a.Role == Domain.Access.Role.Administrator));
            if (privileged)
            {
                identity.AddClaim(new(TillitClaims.SecondFactorSetupRequired, "1"));
            }
        }

        return identity;
    }
}

internal static class TenantQueryExtensions
{
    /// <summary>Bypasses the tenant filter but keeps to one named organisation: for sign-in, before the tenant is known.</summary>
    public static IQueryable<T> IgnoreQueryFiltersFor<T>(this IQueryable<T> query, Guid organisationId)
        where T : class, Domain.Common.IOrganisationOwned =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(query).Where(e => e.OrganisationId == organisationId);
}
