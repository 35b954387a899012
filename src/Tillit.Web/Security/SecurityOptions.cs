using Microsoft.AspNetCore.Http;
namespace Tillit.Web.Security;

public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>A demo may switch this off; the UI then shows a warning on every page.</summary>
    public bool RequireSecondFactorForPrivilegedRoles { get; set; } = true;

    /// <summary>
    /// Cookies carry the <c>__Host-</c> prefix and the Secure flag (production, HTTPS). Only the demo on
    /// plain http://localhost switches this off, because a server refuses Secure cookies over HTTP.
    /// </summary>
    public bool HttpsOnlyCookies { get; set; } = true;

    public string CookiePrefix => HttpsOnlyCookies ? "__Host-" : string.Empty;

    public CookieSecurePolicy CookieSecurePolicy => HttpsOnlyCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    public int IdleTimeoutMinutes { get; set; } = 30;

    public int AbsoluteTimeoutHours { get; set; } = 10;

    public int MaxFailedSignIns { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;
}
