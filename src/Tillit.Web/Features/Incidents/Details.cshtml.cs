using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tillit.Data;
using Tillit.Domain.Incidents;
using Tillit.Domain.Register;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Incidents;

/// <summary>
/// One incident for its handlers (/incidents/{id}): the facts, the clocks, the timeline, and the forms
/// of the moves the reader may make (the security officer all; the assigned handler all but triage,
/// assignment and dismissal; the director, the data protection officer and system owners read only).
/// </summary>
[RequirePermission(Permissions.IncidentsHandle)]
public sealed class DetailsModel(IncidentHandlingQueries queries, IncidentWork work, IncidentAccess access, CurrentUser user, TillitDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class TriageForm
    {
        public IncidentCategory? Category { get; set; }

        public ConsequenceLevel? Severity { get; set; }

        public List<AffectedAspects> Aspects { get; set; } = [];

        public string? Title { get; set; }

        public List<Guid> SystemIds { get; set; } = [];

        public List<Guid> SetIds { get; set; } = [];
    }

    public sealed class BreachForm
    {
        public bool Breach { get; set; }

        public string? DataCategories { get; set; }

        public string? SubjectCategories { get; set; }

        public int? AffectedCount { get; set; }

        public string? Consequences { get; set; }

        public string? Measures { get; set; }

        public bool? SubjectsInformed { get; set; }
    }

    [BindProperty]
    public int? Version { get; set; }

    [BindProperty]
    public TriageForm Triage { get; set; } = new();

    [BindProperty]
    public Guid? HandlerId { get; set; }

    [BindProperty]
    public IncidentStatus? To { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public IncidentWork.ConclusionCommand Conclusion { get; set; } = new(null, null, null, null);

    [BindProperty]
    public string? AwareAt { get; set; }

    [BindProperty]
    public BreachForm Breach { get; set; } = new();

    [BindProperty]
    public bool Significant { get; set; }

    [BindProperty]
    public DeadlineKind? Kind { get; set; }

    [BindProperty]
    public string? SentAt { get; set; }

    [BindProperty]
    public IncidentWork.MeasureCommand NewMeasure { get; set; } = new(null, null, null, null, null);

    public IncidentDetails Incident { get; private set; } = default!;

    public bool MayManage { get; private set; }

    public bool MayWork { get; private set; }

    public bool MayAddMeasure { get; private set; }

    public IReadOnlyList<SelectListItem> Systems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Sets { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Handlers { get; private set; } = [];

    public IReadOnlyList<SelectListItem> People { get; private set; } = [];

    public DateTime NowUtc { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostTriageAsync(Guid id, CancellationToken cancellationToken) =>
        DoAsync(id, nameof(Triage), () => work.TriageAsync(id, new IncidentWork.TriageCommand(Triage.Category, Triage.Severity, Triage.Aspects, Triage.Title, Triage.SystemIds, Triage.SetIds, Version), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken cancellationToken) =>
        DoAsync(id, string.Empty, () => work.AssignAsync(id, new IncidentWork.AssignCommand(HandlerId, Version), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostMoveAsync(Guid id, CancellationToken cancellationToken) =>
        DoAsync(id, string.Empty, () => work.MoveAsync(id, new IncidentWork.MoveCommand(To, Version), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDismissAsync(Guid id, CancellationToken cancellationToken) =>
        DoAsync(id, string.Empty, () => work.DismissAsync(id, new IncidentWork.DismissCommand(Reason, Version), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken cancellationToken) =>
        DoAsync(id, string.Empty, () => work.NoteAsync(id, new IncidentWork.NoteCommand(Text), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostConcludeAsync(Guid id, CancellationToken cancellationToken) =>
        DoAsync(id, nameof(Conclusion), () => work.ConcludeAsync(id, Conclusion with { Version = Version }, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostAwarenessAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!SwedishTime.TryParse(AwareAt, out var aware))
        {
            ModelState.AddModelError(nameof(AwareAt), l["Validation.InvalidValue"]);
        }

        return DoAsync(id, string.Empty, () => work.AwarenessAsync(id, new IncidentWork.AwarenessCommand(aware, Version), cancellationToken), cancellationToken, fieldMap: f => f == nameof(IncidentWork.AwarenessCommand.AwareAt) || f == nameof(Domain.Incidents.Incident.AwareUtc) ? nameof(AwareAt) : f);
    }

    public Task<IActionResult> OnPostBreachAsync(Guid id, CancellationToken cancellationToken) =>
        DoAsync(id, nameof(Breach), () => work.BreachAsync(id, new IncidentWork.BreachCommand(Breach.Breach, Breach.DataCategories, Breach.SubjectCategories, Breach.AffectedCount, Breach.Consequences, Breach.Measures, Breach.SubjectsInformed, Version), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostSignificantAsync(Guid id, CancellationToken cancellationToken) =>
        DoAsync(id, string.Empty, () => work.SignificantAsync(id, new IncidentWork.SignificantCommand(Significant, Version), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostSentAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!SwedishTime.TryParse(SentAt, out var sent))
        {
            ModelState.AddModelError(nameof(SentAt), l["Validation.InvalidValue"]);
        }

        return DoAsync(id, string.Empty, () => work.SentAsync(id, new IncidentWork.SentCommand(Kind, sent, Version), cancellationToken), cancellationToken, fieldMap: f => f is "SentUtc" ? nameof(SentAt) : f);
    }

    public Task<IActionResult> OnPostMeasureAsync(Guid id, CancellationToken cancellationToken) =>
        DoAsync(id, nameof(NewMeasure), () => work.AddMeasureAsync(id, NewMeasure, cancellationToken), cancellationToken);

    private Task<IActionResult> DoAsync(Guid id, string prefix, Func<Task<Outcome<Guid>>> change, CancellationToken cancellationToken, Func<string, string>? fieldMap = null) =>
        this.RunChangeAsync(change, prefix, l["Incident_Saved"].Value, $"/incidents/{id}", () => LoadAsync(id, cancellationToken), l, fieldMap);

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Incident = outcome.Value!;
        NowUtc = clock.GetUtcNow().UtcDateTime;
        MayManage = await access.MayManageAsync(cancellationToken);
        MayWork = MayManage || (Incident.HandlerId is { } h && h == user.PersonId);
        MayAddMeasure = MayWork && Incident.Status is not (IncidentStatus.Closed or IncidentStatus.Dismissed) && await user.HasAsync(Permissions.MeasuresManage, cancellationToken);
        if (Request.Method == HttpMethods.Get)
        {
            Triage = new TriageForm
            {
                Category = Incident.Category,
                Severity = Incident.Severity,
                Aspects = Enum.GetValues<AffectedAspects>().Where(a => a != AffectedAspects.None && Incident.Aspects.HasFlag(a)).ToList(),
                Title = Incident.Title,
                SystemIds = Incident.Systems.Select(s => s.Id).ToList(),
                SetIds = Incident.Sets.Select(s => s.Id).ToList(),
            };
            HandlerId = Incident.HandlerId;
            Conclusion = new IncidentWork.ConclusionCommand(Incident.Lessons, Incident.MeasuresDecision, Incident.MeasuresText, null);
            AwareAt = SwedishTime.ToInput(Incident.AwareUtc);
            Breach = new BreachForm
            {
                Breach = Incident.IsPersonalDataBreach,
                DataCategories = Incident.Breach.DataCategories,
                SubjectCategories = Incident.Breach.SubjectCategories,
                AffectedCount = Incident.Breach.AffectedCount,
                Consequences = Incident.Breach.Consequences,
                Measures = Incident.Breach.Measures,
                SubjectsInformed = Incident.Breach.SubjectsInformed,
            };
            Significant = Incident.IsSignificant;
        }

        if (MayManage)
        {
            Systems = await db.InformationSystems.AsNoTracking().OrderBy(s => s.Name).Take(2000).Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToListAsync(cancellationToken);
            Sets = await db.InformationSets.AsNoTracking().OrderBy(s => s.Name).Take(2000).Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToListAsync(cancellationToken);
            var today = DateOnly.FromDateTime(NowUtc);
            Handlers = [new SelectListItem(l["Common.None"], string.Empty), .. await access.Handlers(today).OrderBy(p => p.Name).Take(500).Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync(cancellationToken)];
        }

        if (MayAddMeasure)
        {
            People = [new SelectListItem(l["Common.Choose"], string.Empty), .. await db.People.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Name).Take(2000).Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync(cancellationToken)];
        }

        return null;
    }
}
