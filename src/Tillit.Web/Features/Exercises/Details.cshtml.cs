using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Exercises;

/// <summary>
/// One exercise (/exercises/{id}) with the systems it tried and its lessons; the read is in the audit trail. Its
/// keepers record that it was held (handler "held"), add lessons ("lesson") and make a lesson a measure ("measure").
/// </summary>
[RequirePermission(Permissions.ContinuityRead)]
public sealed class DetailsModel(ExerciseQueries queries, ExerciseAccess access, SaveExercise save, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    public ExerciseDetails Exercise { get; private set; } = default!;

    public bool MayEdit { get; private set; }

    /// <summary>May also put measures in the action plan (measures.manage).</summary>
    public bool MayMakeMeasures { get; private set; }

    public DateOnly Today { get; private set; }

    [BindProperty]
    public SaveExercise.HeldCommand Held { get; set; } = new(null, null, null, null);

    [BindProperty]
    public string? LessonText { get; set; }

    [BindProperty]
    public Guid? LessonId { get; set; }

    [BindProperty]
    public SaveExercise.LessonMeasureCommand NewMeasure { get; set; } = new(null, null);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostHeldAsync(Guid id, CancellationToken cancellationToken) =>
        DoAsync(id, nameof(Held), () => save.RecordHeldAsync(id, Held, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostLessonAsync(Guid id, CancellationToken cancellationToken) =>
        DoAsync(id, string.Empty, () => save.AddLessonAsync(id, LessonText, cancellationToken), cancellationToken, f => f == "Text" ? nameof(LessonText) : f);

    // A lesson's measure form is one of many on the page: its errors are listed in the summary, not at a field.
    public Task<IActionResult> OnPostMeasureAsync(Guid id, CancellationToken cancellationToken) =>
        DoAsync(id, string.Empty, () => save.LessonToMeasureAsync(id, LessonId, NewMeasure, cancellationToken), cancellationToken, _ => string.Empty);

    private Task<IActionResult> DoAsync(Guid id, string prefix, Func<Task<Outcome<Guid>>> change, CancellationToken cancellationToken, Func<string, string>? fieldMap = null) =>
        this.RunChangeAsync(change, prefix, l["Common.Saved"].Value, $"/exercises/{id}", () => LoadAsync(id, cancellationToken), l, fieldMap);

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Exercise = outcome.Value!;
        Today = queries.Today;
        MayEdit = await access.MayManageAsync(await access.SystemsOfAsync(id, cancellationToken), cancellationToken);
        MayMakeMeasures = MayEdit && await user.HasAsync(Permissions.MeasuresManage, cancellationToken);
        if (Request.Method == HttpMethods.Get)
        {
            Held = new SaveExercise.HeldCommand(Exercise.HeldOn ?? Today, Exercise.Participants, Exercise.Outcome, Exercise.Version);
        }

        if (NewMeasure.DueDate is null)
        {
            NewMeasure = NewMeasure with { DueDate = Today.AddDays(Measures.CreateMeasure.DefaultDueDays), SystemId = NewMeasure.SystemId ?? (Exercise.Systems.Count > 0 ? Exercise.Systems[0].Id : null) };
        }

        return null;
    }
}
