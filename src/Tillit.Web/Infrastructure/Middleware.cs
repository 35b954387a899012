using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Tillit.Data;
using Tillit.Web.Security;

namespace Tillit.Web.Infrastructure;

/// <summary>Sets the request's organisation from the signed-in principal; nothing is visible before that.</summary>
public sealed class TenantMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, TenantContext tenant)
    {
        var claim = context.User.FindFirst(TillitClaims.OrganisationId)?.Value;
        if (Guid.TryParse(claim, out var organisationId))
        {
            tenant.Set(organisationId);
        }

        return next(context);
    }
}

/// <summary>
/// A privileged user without a second factor may only set one up (or sign out) until it is done.
/// </summary>
public sealed class SecondFactorEnrolmentMiddleware(RequestDelegate next)
{
    public const string SetupPath = "/account/second-factor-setup";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.HasClaim(c => c.Type == TillitClaims.SecondFactorSetupRequired)
            && !context.Request.Path.StartsWithSegments(SetupPath, StringComparison.OrdinalIgnoreCase)
            && !context.Request.Path.StartsWithSegments("/account/sign-out", StringComparison.OrdinalIgnoreCase)
            && !context.Request.Path.StartsWithSegments("/culture", StringComparison.OrdinalIgnoreCase)
            && !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect(SetupPath);
            return Task.CompletedTask;
        }

        return next(context);
    }
}

/// <summary>
/// Refuses a declared body over the limit with 413 before anything reads it. Kestrel enforces the
/// same limit while a body is read, but a reader in between (antiforgery, form binding) reports that
/// as 400, and the test server does not enforce it at all.
/// </summary>
public sealed class RequestSizeLimitMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        // The error page re-executes the same request to render the 413: let that through.
        if (context.Request.ContentLength > TillitHost.MaxRequestBodyBytes
            && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        return next(context);
    }
}

/// <summary>Security headers on every response; the CSP allows no inline script or style.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<TillitOptions> options)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var exposeSql = options.Value.ExposeSqlCommandCount;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            if (!context.Request.Path.StartsWithSegments("/lib") && !context.Request.Path.StartsWithSegments("/css") && !context.Request.Path.StartsWithSegments("/js"))
            {
                headers.CacheControl = "no-store";
            }

            if (exposeSql)
            {
                headers[SqlCommandCounter.HeaderName] = SqlCommandCounter.Get(context).ToString(System.Globalization.CultureInfo.InvariantCulture);
                headers[SqlCommandCounter.WindowsHeaderName] = SqlCommandCounter.Windows(context).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}

/// <summary>The language choice, remembered in a cookie.</summary>
public static class Culture
{
    public const string CookieName = "Tillit-Culture";

    public static IResult Set(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? context.Request.Form : null;
        var culture = form?["culture"].ToString() == "en" ? "en-GB" : "sv-SE";
        var returnUrl = form?["returnUrl"].ToString();
        context.Response.Cookies.Append(
            CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UnixEpoch.AddYears(100), IsEssential = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, HttpOnly = true, Path = "/" });
        return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
    }
}

/// <summary>Only local paths are followed after sign-in or a language switch.</summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Contains("://", StringComparison.Ordinal)
        && !url.Any(char.IsControl);

    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
