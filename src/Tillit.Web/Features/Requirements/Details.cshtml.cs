using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Requirements;

/// <summary>One requirement of the catalogue with its mapping.</summary>
[RequirePermission(Permissions.SystemsRead)]
public sealed class DetailsModel(RequirementQueries queries, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    public RequirementDetails Requirement { get; private set; } = default!;

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Requirement = outcome.Value!;
        CanEdit = await user.HasOrganisationWideAsync(Permissions.RequirementsManage, cancellationToken);
        return Page();
    }
}
