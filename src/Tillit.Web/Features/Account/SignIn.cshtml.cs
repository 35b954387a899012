using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Data.Audit;
using Tillit.Data.Identity;
using Tillit.Web.Infrastructure;
using Tillit.Web.Infrastructure.Audit;

namespace Tillit.Web.Features.Account;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<UserAccount> signIn, AuditTrail audit, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        public string? Email { get; set; }

        public string? Password { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet()
    {
        if (!LocalUrl.IsLocal(ReturnUrl))
        {
            ReturnUrl = null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var errors = new Validator()
            .Required("Email", Input.Email, 254)
            .Required("Password", Input.Password, 1000);
        if (!errors.IsValid)
        {
            return this.ToPageResult(Outcome<bool>.Invalid(errors.Errors), l, nameof(Input))!;
        }

        // A new session is made at every sign-in: any cookie from before is replaced.
        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        var result = await signIn.PasswordSignInAsync(Input.Email!.Trim(), Input.Password!, isPersistent: false, lockoutOnFailure: true);
        var target = LocalUrl.OrHome(ReturnUrl);
        if (result.Succeeded)
        {
            return LocalRedirect(target);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/SecondFactor", new { returnUrl = target });
        }

        // Failures go to the trail with the account they named (if it exists), never with the password.
        var account = await signIn.UserManager.FindByEmailAsync(Input.Email.Trim());
        await audit.RecordAsync(
            result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed,
            "UserAccount",
            account?.Id.ToString(),
            new { email = Input.Email.Trim() },
            organisationId: account?.OrganisationId,
            personId: account?.PersonId);
        if (result.IsLockedOut)
        {
            return this.ToPageResult(Outcome<bool>.Invalid(string.Empty, "SignIn.LockedOut"), l)!;
        }

        // Same message for unknown account and wrong password: no hint which one.
        return this.ToPageResult(Outcome<bool>.Invalid("Email", "SignIn.Failed"), l, nameof(Input))!;
    }
}
