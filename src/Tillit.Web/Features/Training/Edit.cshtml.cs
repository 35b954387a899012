using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Documents;
using Tillit.Web.Features.Units;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Training;

/// <summary>Creates a course (/training/new) or changes one (/training/{id}/edit).</summary>
[RequirePermission(Permissions.TrainingManage)]
public sealed class EditModel(SaveCourse save, TrainingQueries queries, UnitQueries units, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SaveCourse.Command Input { get; set; } = new(null, null, null, AudienceKind.Everyone, [], [], 12, true);

    public Guid? Id { get; private set; }

    public IReadOnlyList<(Guid Id, string Name, int Depth)> UnitChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (!await user.HasOrganisationWideAsync(Permissions.TrainingManage, cancellationToken))
        {
            return Forbid();
        }

        Id = id;
        if (id is { } existing)
        {
            var outcome = await queries.GetAsync(existing, cancellationToken);
            if (this.ToPageResult(outcome, l) is { } refused)
            {
                return refused;
            }

            var c = outcome.Value!;
            Input = new SaveCourse.Command(c.Title, c.Code, c.Description, c.AudienceKind, c.UnitIds, c.Roles, c.RepeatMonths, c.IsActive, c.Version);
        }

        UnitChoices = await units.ChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            UnitChoices = await units.ChoicesAsync(cancellationToken);
            return Page();
        }

        var outcome = id is { } existing ? await save.UpdateAsync(existing, Input, cancellationToken) : await save.CreateAsync(Input, cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } refused)
        {
            UnitChoices = await units.ChoicesAsync(cancellationToken);
            return refused;
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/training/{outcome.Value}");
    }
}
