using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tillit.Data;
using Tillit.Domain.Incidents;
using Tillit.Domain.Register;
using Tillit.Web.Features.Shared;
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

        /// <summary>Words to find more systems to link by (the form offers the linked ones and at most 50 found).</summary>
        public string? SystemSearch { get; set; }

        public string? SetSearch { get; set; }
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

    /// <summary>Words to find the new measure's owner by (name or e-mail).</summary>
    [BindProperty]
    public string? OwnerSearch { get; set; }

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

    /// <summary>Shows the triage form again with the systems and information sets found by its search words, keeping what was entered.</summary>
    public async Task<IActionResult> OnPostFindLinksAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    /// <summary>Shows the new measure's form again with the people found by its search words, keeping what was entered.</summary>
    public async Task<IActionResult> OnPostFindOwnerAsync(Guid id, CancellationToken cancellationToken) =>
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

    /// <summary>Reads the incident and what its forms offer; every form but the one posted shows the incident's values.</summary>
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
        if (!Posted(nameof(Triage)))
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
        }

        if (!Posted(nameof(HandlerId)))
        {
            HandlerId = Incident.HandlerId;
        }

        if (!Posted(nameof(Significant)))
        {
            Significant = Incident.IsSignificant;
        }

        if (!Posted(nameof(Conclusion)))
        {
            Conclusion = new IncidentWork.ConclusionCommand(Incident.Lessons, Incident.MeasuresDecision, Incident.MeasuresText, null);
        }

        if (!Posted(nameof(AwareAt)))
        {
            AwareAt = SwedishTime.ToInput(Incident.AwareUtc);
        }

        if (!Posted(nameof(Breach)))
        {
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
        }

        // The handling forms are shown only while the incident is open, so a closed one reads nothing for them. The
        // systems and sets offered are the chosen ones and those found by the search words (no list of every system
        // of a large municipality, whose later names a capped list could not reach).
        var open = Incident.Status is not (IncidentStatus.Closed or IncidentStatus.Dismissed);
        if (MayManage && open)
        {
            Systems = await LinkChoicesAsync(db.InformationSystems.AsNoTracking().Select(s => new LinkChoice { Id = s.Id, Name = s.Name }), Triage.SystemIds, Incident.Systems, Triage.SystemSearch, cancellationToken);
            Sets = await LinkChoicesAsync(db.InformationSets.AsNoTracking().Select(s => new LinkChoice { Id = s.Id, Name = s.Name }), Triage.SetIds, Incident.Sets, Triage.SetSearch, cancellationToken);
            var today = DateOnly.FromDateTime(NowUtc);
            Handlers = [new SelectListItem(l["Common.None"], string.Empty), .. await access.Handlers(today).OrderBy(p => p.Name).Take(500).Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync(cancellationToken)];
        }

        if (MayAddMeasure)
        {
            People = await PersonChoices.FindAsync(db, OwnerSearch, NewMeasure.OwnerId, l["Common.Choose"], cancellationToken);
        }

        return null;
    }

    /// <summary>Whether the request posted the field, or a field of the form, of that name.</summary>
    private bool Posted(string name) =>
        Request.HasFormContentType && Request.Form.Keys.Any(k => k == name || k.StartsWith(name + ".", StringComparison.Ordinal));

    /// <summary>A system or set to offer (a class with setters, so EF can filter on its members).</summary>
    private sealed class LinkChoice
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = string.Empty;
    }

    /// <summary>
    /// The choices of a link field: the ones chosen (their names are known when they are the incident's links) and at
    /// most 50 whose name holds the search words; a query only when there are words or chosen ones not yet named.
    /// </summary>
    private static async Task<IReadOnlyList<SelectListItem>> LinkChoicesAsync(IQueryable<LinkChoice> all, List<Guid> chosen, IReadOnlyList<IncidentLink> linked, string? search, CancellationToken cancellationToken)
    {
        var named = linked.Where(l => chosen.Contains(l.Id)).Select(l => new LinkChoice { Id = l.Id, Name = l.Name }).ToList();
        var unnamed = chosen.Except(named.Select(n => n.Id)).ToList();
        var words = search?.Trim().ToLowerInvariant();
        if (unnamed.Count > 0 || !string.IsNullOrEmpty(words))
        {
            var query = string.IsNullOrEmpty(words)
                ? all.Where(c => unnamed.Contains(c.Id))
                : all.Where(c => unnamed.Contains(c.Id) || c.Name.ToLower().Contains(words));
            var found = await query.OrderBy(c => c.Name).Take(50 + unnamed.Count).ToListAsync(cancellationToken);
            named.AddRange(found.Where(f => !named.Any(n => n.Id == f.Id)));
        }

        return named.OrderBy(c => c.Name, StringComparer.CurrentCulture).Select(c => new SelectListItem(c.Name, c.Id.ToString(), chosen.Contains(c.Id))).ToList();
    }
}
