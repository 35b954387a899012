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

        // A new session is made at every sign-in: the session the browser had ends on the server.
        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        var result = await SignInWithFreshHandlersAsync(() => signIn.PasswordSignInAsync(Input.Email!.Trim(), Input.Password!, isPersistent: false, lockoutOnFailure: true));
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
        var account = await signIn.UserManager.FindByEmailAsync(Input.Email!.Trim());
        await audit.RecordAsync(
            result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed,
            "UserAccount",
            account?.Id.ToString(),
            new { email = Input.Email!.Trim() },
            organisationId: account?.OrganisationId,
            personId: account?.PersonId);
        if (result.IsLockedOut)
        {
            return this.ToPageResult(Outcome<bool>.Invalid(string.Empty, "SignIn.LockedOut"), l)!;
        }

        // Same message for unknown account and wrong password: no hint which one.
        return this.ToPageResult(Outcome<bool>.Invalid("Email", "SignIn.Failed"), l, nameof(Input))!;
    }

    /// <summary>
    /// The cookie handler of this request already holds the key of the session it read, and a
    /// sign-in through it renews that key instead of making a new one (aspnetcore#22135): the new
    /// session would get the old, just deleted key and be dead at the next request. The handlers of
    /// a fresh scope find no live session behind the cookie, so they store the new one under a new key.
    /// </summary>
    private async Task<T> SignInWithFreshHandlersAsync<T>(Func<Task<T>> signInAction)
    {
        var requestServices = HttpContext.RequestServices;
        await using var fresh = requestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        HttpContext.RequestServices = fresh.ServiceProvider;
        try
        {
            return await signInAction();
        }
        finally
        {
            HttpContext.RequestServices = requestServices;
        }
    }
}
