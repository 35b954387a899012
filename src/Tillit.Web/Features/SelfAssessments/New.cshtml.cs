using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Requirements;
using Tillit.Web.Security;

namespace Tillit.Web.Features.SelfAssessments;

/// <summary>Builds a questionnaire from a guideline's requirements and sends it to units or system owners (/self-assessments/new).</summary>
[RequirePermission(Permissions.SelfAssessmentsManage)]
public sealed class NewModel(SelfAssessmentWork work, SelfAssessmentQueries queries, Units.UnitQueries units, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public Guid? DocumentId { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public List<RequirementArea> Areas { get; set; } = [];

    [BindProperty]
    public QuestionnaireRecipients? Recipients { get; set; } = QuestionnaireRecipients.Units;

    [BindProperty]
    public List<Guid> UnitIds { get; set; } = [];

    [BindProperty]
    public DateOnly? DueDate { get; set; }

    public IReadOnlyList<SelectListItem> GuidelineChoices { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name, int Depth)> UnitChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        DueDate = work.Today.AddDays(30);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var outcome = ModelState.IsValid
            ? await work.SendAsync(new SelfAssessmentWork.SendCommand(DocumentId, Title, Areas, null, Recipients, UnitIds, DueDate), cancellationToken)
            : null;
        if (outcome is null || this.ToPageResult(outcome, l) is { })
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Flash"] = l["SelfAssessment.Sent"].Value;
        return Redirect($"/self-assessments/{outcome.Value}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        GuidelineChoices = [new SelectListItem(l["Common.Choose"], string.Empty), .. (await queries.GuidelinesAsync(cancellationToken)).Select(g => new SelectListItem(g.Title, g.Id.ToString()))];
        UnitChoices = await units.ChoicesAsync(cancellationToken);
    }
}
