using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Requirements;

/// <summary>A system's statement of applicability (/systems/{id}/requirements): the requirements its protection need selects and how each is met.</summary>
[RequirePermission(Permissions.AssessmentsRead)]
public sealed class SystemRequirementsModel(AssessmentQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    public SystemAssessments Assessments { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.ForSystemAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Assessments = outcome.Value!;
        return Page();
    }
}
