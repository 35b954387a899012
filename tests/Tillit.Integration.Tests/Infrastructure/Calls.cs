using System.Net;
using Tillit.Domain.Access;

namespace Tillit.Integration.Tests.Infrastructure;

public enum Verdict
{
    Allowed,
    Denied,
    Unexpected,
}

/// <summary>Calls an endpoint the way its callers do, and tells an allowed answer from a refusal.</summary>
public static class Calls
{
    /// <summary>
    /// Sends the endpoint's method to the URL: a page form with the browser's antiforgery token and
    /// no fields, an API body of "{}", or a plain GET. Empty bodies are refused by validation, so
    /// an allowed write changes nothing.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(Browser browser, AppEndpoint endpoint, string url, Func<Task<string>> antiforgeryToken)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(antiforgeryToken);
        var method = new HttpMethod(endpoint.Key.Method);
        if (!endpoint.IsWrite)
        {
            return await browser.SendAsync(new HttpRequestMessage(method, url));
        }

        if (endpoint.IsApi)
        {
            return await browser.SendJsonAsync(method, url, "{}");
        }

        var form = new FormUrlEncodedContent([new(Browser.AntiforgeryField, await antiforgeryToken())]);
        return await browser.SendAsync(new HttpRequestMessage(method, url) { Content = form });
    }

    /// <summary>
    /// Denied: 401, 403, or a redirect to the sign-in challenge (which carries returnUrl) or to
    /// access-denied. Allowed: 2xx, any other redirect, the row's own status, or 400 for a write
    /// with an empty body (validation ran, so authorization passed). Anything else is unexpected.
    /// </summary>
    public static Verdict Judge(HttpResponseMessage response, bool isWrite, int? allowedStatus = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        if (allowedStatus == status)
        {
            return Verdict.Allowed;
        }

        if (status is 401 or 403)
        {
            return Verdict.Denied;
        }

        if (Browser.RedirectTarget(response) is { } target)
        {
            if (target.StartsWith("/account/access-denied", StringComparison.Ordinal)
                || (target.StartsWith("/account/sign-in?", StringComparison.Ordinal) && target.Contains("returnUrl=", StringComparison.Ordinal)))
            {
                return Verdict.Denied;
            }

            return target.StartsWith("/account/second-factor-setup", StringComparison.Ordinal) || !target.StartsWith('/')
                ? Verdict.Unexpected
                : Verdict.Allowed;
        }

        if (status is >= 200 and < 300 || (status == 400 && isWrite))
        {
            return Verdict.Allowed;
        }

        return Verdict.Unexpected;
    }

    public static string Describe(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var target = Browser.RedirectTarget(response);
        return target is null ? $"{(int)response.StatusCode}" : $"{(int)response.StatusCode} -> {target}";
    }

    public static string Name(Role? role) => role?.ToString() ?? "Anonymous";

    public static bool IsNotFound(HttpResponseMessage response) => response.StatusCode == HttpStatusCode.NotFound;
}
