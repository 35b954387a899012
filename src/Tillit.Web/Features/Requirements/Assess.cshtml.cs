using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Features.Measures;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Requirements;

/// <summary>
/// One requirement of one system (/systems/{id}/requirements/{requirementId}): the requirement, its assessment,
/// the form to assess it (the system's owner or the security officer) and the button that makes a gap a measure.
/// </summary>
[RequirePermission(Permissions.AssessmentsRead)]
public sealed class AssessModel(AssessmentQueries queries, AssessRequirement assess, CreateMeasure create, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public AssessRequirement.Command Input { get; set; } = new(null, null, null);

    public AssessmentDetails Details { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid requirementId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, requirementId, cancellationToken) is { } refused)
        {
            return refused;
        }

        Input = new AssessRequirement.Command(Details.Status, Details.How, Details.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid requirementId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, requirementId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await assess.HandleAsync(id, requirementId, Input, cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } invalid)
        {
            return invalid;
        }

        TempData["Flash"] = l["Assessment.Saved"].Value;
        return Redirect($"/systems/{id}/requirements/{requirementId}");
    }

    /// <summary>The gap becomes a measure in the action plan; the new measure's page opens.</summary>
    public async Task<IActionResult> OnPostMeasureAsync(Guid id, Guid requirementId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, requirementId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await create.FromAssessmentAsync(id, requirementId, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } invalid)
        {
            return invalid;
        }

        TempData["Flash"] = l["Measure.CreatedFromGap"].Value;
        return Redirect($"/measures/{outcome.Value}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid requirementId, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, requirementId, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Details = outcome.Value!;
        return null;
    }
}
