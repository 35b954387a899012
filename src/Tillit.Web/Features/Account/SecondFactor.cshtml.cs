using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Data.Identity;
using Tillit.Web.Infrastructure;

namespace Tillit.Web.Features.Account;

/// <summary>The second step of sign-in: a code from the authenticator app.</summary>
[AllowAnonymous]
public sealed class SecondFactorModel(SignInManager<UserAccount> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        public string? Code { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        var code = (Input.Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (code.Length == 0)
        {
            return this.ToPageResult(Outcome<bool>.Invalid("Code", "Validation.Required"), l, nameof(Input))!;
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(LocalUrl.OrHome(ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            return this.ToPageResult(Outcome<bool>.Invalid(string.Empty, "SignIn.LockedOut"), l)!;
        }

        return this.ToPageResult(Outcome<bool>.Invalid("Code", "SecondFactor.Wrong"), l, nameof(Input))!;
    }
}
