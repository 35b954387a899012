using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.SelfAssessments;

/// <summary>
/// One self-assessment form (/self-assessments/responses/{id}): its recipient (or the security officer) answers
/// each requirement; "save" keeps a draft, "submit" locks it. Anyone else is refused.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class AnswerModel(SelfAssessmentQueries queries, SelfAssessmentWork work, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public List<SelfAssessmentWork.AnswerInput> Answers { get; set; } = [];

    public ResponseForm Form { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Answers = [.. Form.Questions.Select(q => new SelfAssessmentWork.AnswerInput(q.RequirementId, q.Status, q.Comment))];
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) => SaveAsync(id, false, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken) => SaveAsync(id, true, cancellationToken);

    private async Task<IActionResult> SaveAsync(Guid id, bool submit, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await work.SaveAsync(id, Answers, submit, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } invalid)
        {
            return invalid;
        }

        TempData["Flash"] = l[submit ? "SelfAssessment.SubmittedFlash" : "SelfAssessment.SavedFlash"].Value;
        return Redirect(submit ? "/self-assessments/mine" : $"/self-assessments/responses/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.FormAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Form = outcome.Value!;
        return null;
    }
}
