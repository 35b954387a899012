using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Tokens;

/// <summary>Asks before revoking one of the user's own tokens, then revokes it. Another person's token is 404.</summary>
[RequirePermission(Permissions.TokensOwn)]
public sealed class RevokeModel(PersonalTokens tokens, IStringLocalizer<SharedResource> l) : PageModel
{
    public TokenRow Token { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await tokens.GetAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Token = outcome.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await tokens.RevokeAsync(id, cancellationToken);
        if (!outcome.IsOk)
        {
            return NotFound();
        }

        TempData["Flash"] = l["Tokens.Revoked"].Value;
        return Redirect("/account/tokens");
    }
}
