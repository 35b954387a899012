using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.SelfAssessments;

/// <summary>
/// One questionnaire (/self-assessments/{id}): the forms and who has submitted, the roll-up per unit, for the
/// organisation and per requirement, and the gaps with the button that makes one a measure.
/// </summary>
[RequirePermission(Permissions.SelfAssessmentsManage)]
public sealed class DetailsModel(SelfAssessmentQueries queries, SelfAssessmentWork work, IStringLocalizer<SharedResource> l) : PageModel
{
    public QuestionnaireDetails Details { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    /// <summary>A gap becomes a measure of the action plan; the measure's page opens.</summary>
    public async Task<IActionResult> OnPostMeasureAsync(Guid id, Guid answerId, CancellationToken cancellationToken)
    {
        var outcome = await work.MeasureFromAnswerAsync(id, answerId, cancellationToken);
        if (outcome.Kind is OutcomeKind.NotFound or OutcomeKind.Forbidden)
        {
            return this.ToPageResult(outcome, l)!;
        }

        if (!outcome.IsOk)
        {
            if (await LoadAsync(id, cancellationToken) is { } refused)
            {
                return refused;
            }

            return this.ToPageResult(outcome, l)!;
        }

        TempData["Flash"] = l["Measure.CreatedFromGap"].Value;
        return Redirect($"/measures/{outcome.Value}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Details = outcome.Value!;
        return null;
    }
}
