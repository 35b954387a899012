using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Training;

/// <summary>
/// One course (/training/{id}). The security officer also sees its completions (a list of personal data, audited)
/// and records a completion here: find the person, give the day.
/// </summary>
[RequirePermission(Permissions.TrainingRead)]
public sealed class DetailsModel(TrainingQueries queries, RecordCompletion record, CurrentUser user, Data.TillitDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public RecordCompletion.Command Input { get; set; } = new(null, null);

    /// <summary>Finds the person by name or e-mail.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public CourseDetails Course { get; private set; } = default!;

    public bool CanManage { get; private set; }

    public Paged<CompletionRow>? Completions { get; private set; }

    public PagerModel? Pager { get; private set; }

    public IReadOnlyList<SelectListItem> PersonChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Input = Input with { CompletedOn = queries.Today };
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await user.HasOrganisationWideAsync(Permissions.TrainingManage, cancellationToken))
        {
            return Forbid();
        }

        var outcome = ModelState.IsValid ? await record.HandleAsync(id, Input, cancellationToken) : null;
        if (outcome is null || this.ToPageResult(outcome, l, nameof(Input)) is { } refused)
        {
            if (outcome is { Kind: OutcomeKind.NotFound or OutcomeKind.Forbidden })
            {
                return this.ToPageResult(outcome, l)!;
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, cancellationToken) ?? Page();
        }

        TempData["Flash"] = l["Training.CompletionRecorded"].Value;
        return Redirect($"/training/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Course = outcome.Value!;
        CanManage = await user.HasOrganisationWideAsync(Permissions.TrainingManage, cancellationToken);
        if (CanManage)
        {
            var completions = await queries.CompletionsAsync(id, new PageRequest(PageNumber), cancellationToken);
            Completions = completions.Value;
            Pager = Completions is null ? null : PagerModel.For(Request, Completions);
            PersonChoices = await Shared.PersonChoices.FindAsync(db, Q, Input.PersonId, l["Common.NotGiven"], cancellationToken);
        }

        return null;
    }
}
