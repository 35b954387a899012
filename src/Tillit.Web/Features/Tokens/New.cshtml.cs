using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Tokens;

/// <summary>
/// Creates a personal access token. The answer to the POST shows the secret once; it is not put
/// in TempData or a redirect, so it never lands in a cookie or a URL.
/// </summary>
[RequirePermission(Permissions.TokensOwn)]
public sealed class NewModel(PersonalTokens tokens, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public PersonalTokens.Command Input { get; set; } = new(null, 90);

    public CreatedToken? Created { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await tokens.CreateAsync(Input, cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } refused)
        {
            return refused;
        }

        Created = outcome.Value;
        return Page();
    }
}
