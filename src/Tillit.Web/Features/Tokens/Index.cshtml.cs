using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Tokens;

/// <summary>The signed-in person's own personal access tokens for the API.</summary>
[RequirePermission(Permissions.TokensOwn)]
public sealed class IndexModel(PersonalTokens tokens, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; } = true;

    public Paged<TokenRow> Result { get; private set; } = default!;

    public PagerModel Pager { get; private set; } = default!;

    public DateTime NowUtc { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!PersonalTokens.Sorts.IsAllowed(Sort))
        {
            Sort = null;
        }

        NowUtc = clock.GetUtcNow().UtcDateTime;
        Result = await tokens.ListAsync(new PageRequest(PageNumber, PageRequest.DefaultSize, Sort, Desc), cancellationToken);
        Pager = PagerModel.For(Request, Result);
        return Page();
    }
}
