using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Training;

/// <summary>
/// Training coverage (/training/coverage): each active course's share of its audience with a current completion,
/// within the reader's scope (the security officer and the director: the organisation; a manager: their units),
/// optionally one unit and its sub-units; and one course per unit beside the unit's confirmations of the documents.
/// </summary>
[RequirePermission(Permissions.TrainingRead)]
public sealed class CoverageModel(TrainingQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Course { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public TrainingCoverage Coverage { get; private set; } = default!;

    public IReadOnlyList<(Guid Id, string Name)> UnitChoices { get; private set; } = [];

    public PagerModel Pager { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await queries.CoverageAsync(Unit, Course, PageNumber, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Coverage = outcome.Value!;
        UnitChoices = await queries.UnitChoicesAsync(cancellationToken);
        Pager = PagerModel.For(Request, new Paged<CourseCoverage>(Coverage.Courses, Coverage.CourseCount, Math.Max(1, PageNumber), TrainingQueries.CoursesPerPage, "title", false));
        return Page();
    }
}
