using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Web.Security;

namespace Tillit.Web.Features.SelfAssessments;

/// <summary>The self-assessment forms the signed-in person answers (/self-assessments/mine), open ones first.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MineModel(SelfAssessmentQueries queries) : PageModel
{
    public IReadOnlyList<MyQuestionnaire> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Items = await queries.MineAsync(cancellationToken);
        return Page();
    }
}
