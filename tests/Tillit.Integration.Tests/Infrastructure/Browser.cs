using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;

namespace Tillit.Integration.Tests.Infrastructure;

/// <summary>
/// A minimal browser over the test server: keeps cookies (by name, visibly, so a test can copy or
/// replay one), never follows redirects on its own, and fills in the antiforgery token of forms.
/// With <see cref="BearerToken"/> set it is an API client instead.
/// </summary>
public sealed partial class Browser(HttpClient client)
{
    public const string SessionCookie = "__Host-Tillit";
    public const string AntiforgeryField = "__RequestVerificationToken";

    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    /// <summary>The Set-Cookie headers of the last response, as sent.</summary>
    public IReadOnlyList<string> LastSetCookies { get; private set; } = [];

    public string? BearerToken { get; set; }

    public HttpClient Client => client;

    public string? Session => Cookies.GetValueOrDefault(SessionCookie);

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        if (BearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BearerToken);
        }

        var response = await client.SendAsync(request);
        Absorb(response);
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

    public async Task<(HttpResponseMessage Response, string Body)> GetPageAsync(string url)
    {
        var response = await GetAsync(url);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts a form with the antiforgery token of this browser (taken from <paramref name="tokenFrom"/> when not given).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>>? fields = null, string? token = null, string tokenFrom = "/account/sign-out")
    {
        token ??= await AntiforgeryTokenAsync(tokenFrom);
        var form = new List<KeyValuePair<string, string>>(fields ?? []) { new(AntiforgeryField, token) };
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) });
    }

    public Task<HttpResponseMessage> PostFormAsync(string url, params (string Name, string Value)[] fields) =>
        PostFormAsync(url, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    public Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string url, string json) =>
        SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });

    /// <summary>Reads a page and returns the antiforgery token of its first form.</summary>
    public async Task<string> AntiforgeryTokenAsync(string pageUrl)
    {
        var (response, body) = await GetPageAsync(pageUrl);
        return FormToken(body) ?? throw new InvalidOperationException($"GET {pageUrl} gave {(int)response.StatusCode} without a form token.");
    }

    public static string? FormToken(string html)
    {
        var match = TokenRegex().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    /// <summary>The value of a hidden or text input, by name.</summary>
    public static string? InputValue(string html, string name)
    {
        foreach (Match input in InputRegex().Matches(html))
        {
            var tag = input.Value;
            if (tag.Contains($"name=\"{name}\"", StringComparison.Ordinal))
            {
                var value = ValueRegex().Match(tag);
                return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : string.Empty;
            }
        }

        return null;
    }

    /// <summary>The redirect target as a local path and query ("/account/sign-in?returnUrl=..."), or null.</summary>
    public static string? RedirectTarget(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        if (status is < 300 or >= 400 || response.Headers.Location is not { } location)
        {
            return null;
        }

        return location.IsAbsoluteUri
            ? (location.Host == TillitFactory.BaseAddress.Host ? location.PathAndQuery : location.ToString())
            : location.OriginalString;
    }

    public Browser Clone()
    {
        var copy = new Browser(client) { BearerToken = BearerToken };
        foreach (var (name, value) in Cookies)
        {
            copy.Cookies[name] = value;
        }

        return copy;
    }

    private void Absorb(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            LastSetCookies = [];
            return;
        }

        LastSetCookies = values.ToList();
        foreach (var header in LastSetCookies)
        {
            if (!SetCookieHeaderValue.TryParse(header, out var cookie))
            {
                continue;
            }

            var name = cookie.Name.ToString();
            var expired = cookie.Expires is { } expires && expires < TimeProvider.System.GetUtcNow();
            if (expired || cookie.Value.Length == 0)
            {
                Cookies.Remove(name);
            }
            else
            {
                Cookies[name] = cookie.Value.ToString();
            }
        }
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    [GeneratedRegex("<(?:input|textarea|select)\\b[^>]*>")]
    private static partial Regex InputRegex();

    [GeneratedRegex("\\bvalue=\"([^\"]*)\"")]
    private static partial Regex ValueRegex();
}
