using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Web.Security;

namespace Tillit.Web.Features.SelfAssessments;

/// <summary>The questionnaires sent (/self-assessments): how many forms each has and how many are submitted.</summary>
[RequirePermission(Permissions.SelfAssessmentsManage)]
public sealed class IndexModel(SelfAssessmentQueries queries) : PageModel
{
    public IReadOnlyList<QuestionnaireRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await queries.ListAsync(cancellationToken);
        return Page();
    }
}
