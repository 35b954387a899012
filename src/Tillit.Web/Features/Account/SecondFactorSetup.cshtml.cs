using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Data.Identity;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Account;

/// <summary>Sets up the authenticator app (TOTP). Required before anything else for privileged roles.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.SignedIn)]
public sealed class SecondFactorSetupModel(UserManager<UserAccount> users, SignInManager<UserAccount> signIn, Infrastructure.Audit.AuditTrail audit, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        public string? Code { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string SharedKey { get; private set; } = string.Empty;

    public string AuthenticatorUri { get; private set; } = string.Empty;

    public bool AlreadyEnabled { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var code = (Input.Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var valid = code.Length > 0 && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            await LoadAsync(user);
            return this.ToPageResult(Outcome<bool>.Invalid("Code", code.Length == 0 ? "Validation.Required" : "SecondFactor.Wrong"), l, nameof(Input))!;
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await audit.RecordAsync(Data.Audit.AuditActions.SecondFactorEnabled, "UserAccount", user.Id.ToString());
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = l["SecondFactor.Enabled"].Value;
        return Redirect("/");
    }

    private async Task LoadAsync(UserAccount user)
    {
        AlreadyEnabled = user.TwoFactorEnabled;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        SharedKey = string.Join(' ', Enumerable.Range(0, (key!.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4)))));
        AuthenticatorUri = $"otpauth://totp/Tillit:{Uri.EscapeDataString(user.Email ?? string.Empty)}?secret={key}&issuer=Tillit&digits=6";
    }
}
