using Tillit.Domain.Common;
using Tillit.Domain.Register;

namespace Tillit.Domain.Incidents;

/// <summary>
/// Where an incident is: reported → under investigation → measures → closed, or dismissed with a
/// reason. Only the methods of <see cref="Incident"/> move it. Values are stored; never renumber.
/// </summary>
public enum IncidentStatus
{
    Reported = 0,
    UnderInvestigation = 1,
    Measures = 2,
    Closed = 3,
    Dismissed = 4,
}

/// <summary>What kind of event it was, set at triage. Values are stored; never renumber.</summary>
public enum IncidentCategory
{
    Malware = 0,
    Phishing = 1,
    UnauthorisedAccess = 2,
    MisdirectedInformation = 3,
    LossOrTheft = 4,
    Outage = 5,
    IntegrityError = 6,
    PhysicalSecurity = 7,

    /// <summary>Someone broke the rules; visible only to the security officer and the director.</summary>
    PolicyViolation = 8,
    Other = 9,
}

/// <summary>The decision on measures that closing requires. Values are stored.</summary>
public enum MeasuresDecision
{
    NoneNeeded = 0,
    Decided = 1,
}

/// <summary>The aspects an incident affected, as flags (one column). Values are stored.</summary>
[Flags]
public enum AffectedAspects
{
    None = 0,
    Confidentiality = 1,
    Integrity = 2,
    Availability = 4,
    Traceability = 8,
}

/// <summary>What the personal data breach was, in the terms IMY asks for.</summary>
public sealed record BreachDetails(string? DataCategories, string? SubjectCategories, int? AffectedCount, string? Consequences, string? Measures, bool? SubjectsInformed);

/// <summary>
/// A reported event (händelse) and its handling. Anyone reports one; the security officer and the
/// handler they assign triage it, move it through its statuses, and keep its deadline clocks: a
/// personal data breach must be reported to IMY within 72 hours, a significant incident under the
/// Cybersecurity Act (2025:1506) needs an early warning within 24 hours, a notification within 72 hours
/// and a final report within a month. Every move adds a timeline entry.
/// </summary>
public sealed class Incident : Entity
{
    public const int MaxText = 4000;

    private readonly List<IncidentEntry> _entries = [];

    private Incident()
    {
        Description = string.Empty;
    }

    /// <summary>A new report. The organisation became aware when it was reported, unless the handler says otherwise.</summary>
    public Incident(Guid organisationId, int year, int number, Guid reporterId, Guid? unitId, string description, DateTime occurredUtc, bool personalDataMaybe, DateTime reportedUtc)
        : base(organisationId)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            throw new DomainRuleException("Validation.Required", nameof(Description));
        }

        if (occurredUtc > reportedUtc.AddMinutes(5))
        {
            throw new DomainRuleException("Incident.OccurredInFuture", nameof(OccurredUtc));
        }

        Year = year;
        Number = number;
        ReporterId = reporterId;
        UnitId = unitId;
        Description = description.Trim();
        OccurredUtc = occurredUtc;
        PersonalDataMaybe = personalDataMaybe;
        ReportedUtc = reportedUtc;
        AwareUtc = reportedUtc;
        Status = IncidentStatus.Reported;
        _entries.Add(new IncidentEntry(organisationId, Id, reportedUtc, reporterId, EntryKind.Reported, null));
    }

    /// <summary>The reference shown on the receipt, e.g. H-2026-0042 (gap-free per organisation and year).</summary>
    public static string FormatReference(int year, int number) => $"H-{year}-{number:0000}";

    public int Year { get; private set; }

    public int Number { get; private set; }

    public string Reference => FormatReference(Year, Number);

    public Guid ReporterId { get; private set; }

    /// <summary>The reporter's unit when reporting (for statistics per unit).</summary>
    public Guid? UnitId { get; private set; }

    public string Description { get; private set; }

    /// <summary>A short title the handler gives at triage.</summary>
    public string? Title { get; private set; }

    public DateTime OccurredUtc { get; private set; }

    public DateTime ReportedUtc { get; private set; }

    /// <summary>When the organisation became aware; the clocks run from here.</summary>
    public DateTime AwareUtc { get; private set; }

    /// <summary>The reporter thought personal data may be involved.</summary>
    public bool PersonalDataMaybe { get; private set; }

    public IncidentStatus Status { get; private set; }

    public IncidentCategory? Category { get; private set; }

    public ConsequenceLevel? Severity { get; private set; }

    public AffectedAspects Aspects { get; private set; }

    public Guid? HandlerId { get; private set; }

    public string? Lessons { get; private set; }

    public MeasuresDecision? MeasuresDecision { get; private set; }

    public string? MeasuresText { get; private set; }

    public string? DismissReason { get; private set; }

    /// <summary>When it was closed or dismissed.</summary>
    public DateTime? EndedUtc { get; private set; }

    public bool IsPersonalDataBreach { get; private set; }

    public string? BreachDataCategories { get; private set; }

    public string? BreachSubjectCategories { get; private set; }

    public int? BreachAffectedCount { get; private set; }

    public string? BreachConsequences { get; private set; }

    public string? BreachMeasures { get; private set; }

    public bool? BreachSubjectsInformed { get; private set; }

    /// <summary>A significant incident under the Cybersecurity Act (2025:1506).</summary>
    public bool IsSignificant { get; private set; }

    public DateTime? ImySentUtc { get; private set; }

    public Guid? ImySentById { get; private set; }

    public DateTime? EarlyWarningSentUtc { get; private set; }

    public Guid? EarlyWarningSentById { get; private set; }

    public DateTime? NotificationSentUtc { get; private set; }

    public Guid? NotificationSentById { get; private set; }

    public DateTime? FinalReportSentUtc { get; private set; }

    public Guid? FinalReportSentById { get; private set; }

    public IReadOnlyList<IncidentEntry> Entries => _entries;

    public bool IsOpen => Status is not (IncidentStatus.Closed or IncidentStatus.Dismissed);

    /// <summary>Category, severity, aspects and title. Allowed while the incident is open.</summary>
    public void Triage(IncidentCategory category, ConsequenceLevel severity, AffectedAspects aspects, string? title, DateTime nowUtc, Guid byId)
    {
        RequireOpen();
        if (!Enum.IsDefined(category))
        {
            throw new DomainRuleException("Validation.InvalidValue", nameof(Category));
        }

        if (!Enum.IsDefined(severity))
        {
            throw new DomainRuleException("Validation.InvalidValue", nameof(Severity));
        }

        Category = category;
        Severity = severity;
        Aspects = aspects & (AffectedAspects.Confidentiality | AffectedAspects.Integrity | AffectedAspects.Availability | AffectedAspects.Traceability);
        Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        AddEntry(nowUtc, byId, EntryKind.Triaged, null);
    }

    /// <summary>The organisation became aware at another time than the report (e.g. by phone before it).</summary>
    public void SetAwareness(DateTime awareUtc, DateTime nowUtc, Guid byId)
    {
        RequireOpen();
        if (awareUtc > nowUtc.AddMinutes(5))
        {
            throw new DomainRuleException("Incident.AwareInFuture", nameof(AwareUtc));
        }

        AwareUtc = awareUtc;
        AddEntry(nowUtc, byId, EntryKind.Note, null);
    }

    public void Assign(Guid? handlerId, DateTime nowUtc, Guid byId)
    {
        RequireOpen();
        HandlerId = handlerId;
        AddEntry(nowUtc, byId, EntryKind.Assigned, null);
    }

    /// <summary>reported → under investigation; needs the triage first.</summary>
    public void StartInvestigation(DateTime nowUtc, Guid byId)
    {
        Require(IncidentStatus.Reported);
        if (Category is null || Severity is null)
        {
            throw new DomainRuleException("Incident.TriageFirst", nameof(Category));
        }

        Move(IncidentStatus.UnderInvestigation, nowUtc, byId);
    }

    /// <summary>under investigation → measures.</summary>
    public void StartMeasures(DateTime nowUtc, Guid byId)
    {
        Require(IncidentStatus.UnderInvestigation);
        Move(IncidentStatus.Measures, nowUtc, byId);
    }

    /// <summary>Lessons learned and the decision on measures; both are needed to close.</summary>
    public void RecordConclusion(string? lessons, MeasuresDecision? decision, string? measuresText, DateTime nowUtc, Guid byId)
    {
        RequireOpen();
        if (decision is { } d && !Enum.IsDefined(d))
        {
            throw new DomainRuleException("Validation.InvalidValue", nameof(MeasuresDecision));
        }

        if (decision == Incidents.MeasuresDecision.Decided && string.IsNullOrWhiteSpace(measuresText))
        {
            throw new DomainRuleException("Incident.MeasuresTextRequired", nameof(MeasuresText));
        }

        Lessons = string.IsNullOrWhiteSpace(lessons) ? null : lessons.Trim();
        MeasuresDecision = decision;
        MeasuresText = string.IsNullOrWhiteSpace(measuresText) ? null : measuresText.Trim();
        AddEntry(nowUtc, byId, EntryKind.Conclusion, null);
    }

    /// <summary>
    /// measures → closed, or under investigation → closed when no measures are needed. Needs lessons
    /// learned and a decision on measures.
    /// </summary>
    public void Close(DateTime nowUtc, Guid byId)
    {
        var allowed = Status == IncidentStatus.Measures
            || (Status == IncidentStatus.UnderInvestigation && MeasuresDecision == Incidents.MeasuresDecision.NoneNeeded);
        if (!allowed)
        {
            throw new DomainRuleException("Incident.IllegalMove", nameof(Status));
        }

        if (string.IsNullOrWhiteSpace(Lessons))
        {
            throw new DomainRuleException("Incident.LessonsRequired", nameof(Lessons));
        }

        if (MeasuresDecision is null)
        {
            throw new DomainRuleException("Incident.DecisionRequired", nameof(MeasuresDecision));
        }

        EndedUtc = nowUtc;
        Move(IncidentStatus.Closed, nowUtc, byId);
    }

    /// <summary>reported or under investigation → dismissed, with a reason (not a security event, a duplicate…).</summary>
    public void Dismiss(string? reason, DateTime nowUtc, Guid byId)
    {
        if (Status is not (IncidentStatus.Reported or IncidentStatus.UnderInvestigation))
        {
            throw new DomainRuleException("Incident.IllegalMove", nameof(Status));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Incident.ReasonRequired", nameof(DismissReason));
        }

        DismissReason = reason.Trim();
        EndedUtc = nowUtc;
        Move(IncidentStatus.Dismissed, nowUtc, byId, DismissReason);
    }

    public void AddNote(string text, DateTime nowUtc, Guid byId)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException("Validation.Required", "Text");
        }

        AddEntry(nowUtc, byId, EntryKind.Note, text.Trim());
    }

    /// <summary>Marks (or unmarks) a personal data breach, which starts the 72-hour clock to IMY, with IMY's fields.</summary>
    public void MarkPersonalDataBreach(bool breach, BreachDetails details, DateTime nowUtc, Guid byId)
    {
        ArgumentNullException.ThrowIfNull(details);
        RequireOpen();
        if (!breach && ImySentUtc is not null)
        {
            throw new DomainRuleException("Incident.AlreadyReported", nameof(IsPersonalDataBreach));
        }

        if (details.AffectedCount is < 0)
        {
            throw new DomainRuleException("Validation.InvalidValue", nameof(BreachAffectedCount));
        }

        IsPersonalDataBreach = breach;
        BreachDataCategories = Clean(details.DataCategories);
        BreachSubjectCategories = Clean(details.SubjectCategories);
        BreachAffectedCount = details.AffectedCount;
        BreachConsequences = Clean(details.Consequences);
        BreachMeasures = Clean(details.Measures);
        BreachSubjectsInformed = details.SubjectsInformed;
        AddEntry(nowUtc, byId, EntryKind.Marked, null);
    }

    /// <summary>Marks (or unmarks) a significant incident, which starts the early warning, notification and final report clocks.</summary>
    public void MarkSignificant(bool significant, DateTime nowUtc, Guid byId)
    {
        RequireOpen();
        if (!significant && (EarlyWarningSentUtc ?? NotificationSentUtc ?? FinalReportSentUtc) is not null)
        {
            throw new DomainRuleException("Incident.AlreadyReported", nameof(IsSignificant));
        }

        IsSignificant = significant;
        AddEntry(nowUtc, byId, EntryKind.Marked, null);
    }

    /// <summary>Records that a report was sent (to IMY or under the Cybersecurity Act), when and by whom. Once per clock.</summary>
    public void RecordSent(DeadlineKind kind, DateTime sentUtc, DateTime nowUtc, Guid byId)
    {
        if (Clocks().FirstOrDefault(c => c.Kind == kind) is not { } clock)
        {
            throw new DomainRuleException("Incident.ClockNotRunning", nameof(kind));
        }

        if (clock.SentUtc is not null)
        {
            throw new DomainRuleException("Incident.AlreadyReported", nameof(kind));
        }

        if (sentUtc > nowUtc.AddMinutes(5) || sentUtc < AwareUtc.AddDays(-1))
        {
            throw new DomainRuleException("Incident.SentTimeInvalid", "SentUtc");
        }

        if (kind == DeadlineKind.FinalReport && NotificationSentUtc is null)
        {
            throw new DomainRuleException("Incident.NotificationFirst", nameof(kind));
        }

        switch (kind)
        {
            case DeadlineKind.Imy:
                (ImySentUtc, ImySentById) = (sentUtc, byId);
                break;
            case DeadlineKind.EarlyWarning:
                (EarlyWarningSentUtc, EarlyWarningSentById) = (sentUtc, byId);
                break;
            case DeadlineKind.Notification:
                (NotificationSentUtc, NotificationSentById) = (sentUtc, byId);
                break;
            default:
                (FinalReportSentUtc, FinalReportSentById) = (sentUtc, byId);
                break;
        }

        AddEntry(nowUtc, byId, EntryKind.ReportSent, kind.ToString());
    }

    /// <summary>The clocks that run for this incident, each with its due time and whether (and when) the report went.</summary>
    public IReadOnlyList<DeadlineClock> Clocks()
    {
        var clocks = new List<DeadlineClock>(4);
        if (IsPersonalDataBreach)
        {
            clocks.Add(new DeadlineClock(DeadlineKind.Imy, AwareUtc, AwareUtc.AddHours(72), ImySentUtc, ImySentById));
        }

        if (IsSignificant)
        {
            clocks.Add(new DeadlineClock(DeadlineKind.EarlyWarning, AwareUtc, AwareUtc.AddHours(24), EarlyWarningSentUtc, EarlyWarningSentById));
            var notificationDue = AwareUtc.AddHours(72);
            clocks.Add(new DeadlineClock(DeadlineKind.Notification, AwareUtc, notificationDue, NotificationSentUtc, NotificationSentById));

            // The law counts the final report's month from the notification; until it is sent, from when it is due.
            var finalStart = NotificationSentUtc ?? notificationDue;
            clocks.Add(new DeadlineClock(DeadlineKind.FinalReport, finalStart, finalStart.AddMonths(1), FinalReportSentUtc, FinalReportSentById));
        }

        return clocks;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void Require(IncidentStatus status)
    {
        if (Status != status)
        {
            throw new DomainRuleException("Incident.IllegalMove", nameof(Status));
        }
    }

    private void RequireOpen()
    {
        if (!IsOpen)
        {
            throw new DomainRuleException("Incident.Ended", nameof(Status));
        }
    }

    private void Move(IncidentStatus to, DateTime nowUtc, Guid byId, string? text = null)
    {
        var from = Status;
        Status = to;
        AddEntry(nowUtc, byId, EntryKind.StatusChanged, text, from, to);
    }

    private void AddEntry(DateTime nowUtc, Guid byId, EntryKind kind, string? text, IncidentStatus? from = null, IncidentStatus? to = null) =>
        _entries.Add(new IncidentEntry(OrganisationId, Id, nowUtc, byId, kind, text) { FromStatus = from, ToStatus = to });
}

/// <summary>The kinds of deadline. Values are stored (in reminders); never renumber.</summary>
public enum DeadlineKind
{
    /// <summary>Personal data breach to IMY: 72 hours.</summary>
    Imy = 0,

    /// <summary>Cybersecurity Act early warning: 24 hours.</summary>
    EarlyWarning = 1,

    /// <summary>Cybersecurity Act incident notification: 72 hours.</summary>
    Notification = 2,

    /// <summary>Cybersecurity Act final report: one month after the notification.</summary>
    FinalReport = 3,
}

/// <summary>One running deadline: from when, due when, and the report that stopped it (if sent).</summary>
public sealed record DeadlineClock(DeadlineKind Kind, DateTime StartUtc, DateTime DueUtc, DateTime? SentUtc, Guid? SentById)
{
    /// <summary>The shares of the window at which the handler is reminded (see docs/incidents.md).</summary>
    public static IReadOnlyList<int> ReminderPercents { get; } = [50, 90];

    public bool IsSent => SentUtc is not null;

    /// <summary>Sent in time (null while unsent and not yet due).</summary>
    public bool? Met(DateTime nowUtc) => SentUtc is { } sent ? sent <= DueUtc : nowUtc > DueUtc ? false : null;

    /// <summary>Time left until due (negative when overdue).</summary>
    public TimeSpan Left(DateTime nowUtc) => DueUtc - nowUtc;

    /// <summary>When the reminder at the given share of the window falls due.</summary>
    public DateTime ReminderAt(int percent) => StartUtc + ((DueUtc - StartUtc) * percent / 100);

    /// <summary>The reminders whose time has come for an unsent report (the latest first): the one to send now.</summary>
    public int? ReminderDue(DateTime nowUtc) =>
        IsSent ? null : ReminderPercents.Where(p => ReminderAt(p) <= nowUtc).Select(p => (int?)p).LastOrDefault();
}

/// <summary>What a timeline entry records. Values are stored; never renumber.</summary>
public enum EntryKind
{
    Reported = 0,
    Triaged = 1,
    Assigned = 2,
    StatusChanged = 3,
    Note = 4,
    Conclusion = 5,
    Marked = 6,
    ReportSent = 7,
}

/// <summary>One entry in an incident's timeline; written once, never changed.</summary>
public sealed class IncidentEntry : Entity
{
    private IncidentEntry()
    {
    }

    public IncidentEntry(Guid organisationId, Guid incidentId, DateTime atUtc, Guid authorId, EntryKind kind, string? text)
        : base(organisationId)
    {
        IncidentId = incidentId;
        AtUtc = atUtc;
        AuthorId = authorId;
        Kind = kind;
        Text = text;
    }

    public Guid IncidentId { get; private set; }

    public DateTime AtUtc { get; private set; }

    public Guid AuthorId { get; private set; }

    public EntryKind Kind { get; private set; }

    public string? Text { get; private set; }

    public IncidentStatus? FromStatus { get; init; }

    public IncidentStatus? ToStatus { get; init; }
}

/// <summary>
/// An incident concerns an information system. This link is what a later risk analysis review reads
/// (the system's analysis should be reviewed after an incident on it); <see cref="LinkedUtc"/> says since when.
/// </summary>
public sealed class IncidentSystem : Entity
{
    private IncidentSystem()
    {
    }

    public IncidentSystem(Guid organisationId, Guid incidentId, Guid systemId, DateTime linkedUtc)
        : base(organisationId)
    {
        IncidentId = incidentId;
        SystemId = systemId;
        LinkedUtc = linkedUtc;
    }

    public Guid IncidentId { get; private set; }

    public Guid SystemId { get; private set; }

    public DateTime LinkedUtc { get; private set; }
}

/// <summary>An incident concerns an information set.</summary>
public sealed class IncidentSet : Entity
{
    private IncidentSet()
    {
    }

    public IncidentSet(Guid organisationId, Guid incidentId, Guid setId)
        : base(organisationId)
    {
        IncidentId = incidentId;
        SetId = setId;
    }

    public Guid IncidentId { get; private set; }

    public Guid SetId { get; private set; }
}

/// <summary>The last reference number used per organisation and year; taken in the same transaction as the report, so numbers have no gaps.</summary>
public sealed class IncidentSequence : Entity
{
    private IncidentSequence()
    {
    }

    public IncidentSequence(Guid organisationId, int year)
        : base(organisationId)
    {
        Year = year;
    }

    public int Year { get; private set; }

    public int Last { get; private set; }

    public int Next() => ++Last;
}

/// <summary>A deadline reminder that has been sent (or is being sent): one row per incident, clock, share and due time, so it goes out once.</summary>
public sealed class IncidentReminder : Entity
{
    private IncidentReminder()
    {
    }

    public IncidentReminder(Guid organisationId, Guid incidentId, DeadlineKind kind, int percent, DateTime dueUtc, Guid handlerId, DateTime sentUtc)
        : base(organisationId)
    {
        IncidentId = incidentId;
        Kind = kind;
        Percent = percent;
        DueUtc = dueUtc;
        HandlerId = handlerId;
        SentUtc = sentUtc;
    }

    public Guid IncidentId { get; private set; }

    public DeadlineKind Kind { get; private set; }

    public int Percent { get; private set; }

    public DateTime DueUtc { get; private set; }

    public Guid HandlerId { get; private set; }

    public DateTime SentUtc { get; private set; }
}
