using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Units;

[RequirePermission(Permissions.UnitsRead)]
public sealed class DetailsModel(UnitQueries queries, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    public UnitDetails Unit { get; private set; } = default!;

    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Unit = outcome.Value!;
        CanManage = await user.HasOrganisationWideAsync(Permissions.UnitsManage, cancellationToken);
        return Page();
    }
}
