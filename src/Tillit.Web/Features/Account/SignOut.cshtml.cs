using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Data.Identity;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Account;

/// <summary>Sign-out deletes the server-side session, so the cookie stops working everywhere.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class SignOutModel(SignInManager<UserAccount> signIn) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/account/sign-in");
    }
}
