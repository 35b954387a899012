using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Laws;

/// <summary>One entry of the legal register with the units and systems it applies to.</summary>
[RequirePermission(Permissions.SystemsRead)]
public sealed class DetailsModel(LawQueries queries, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public LawDetails Law { get; private set; } = default!;

    public bool CanEdit { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Law = outcome.Value!;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        CanEdit = await user.HasOrganisationWideAsync(Permissions.LawsManage, cancellationToken);
        return Page();
    }
}
