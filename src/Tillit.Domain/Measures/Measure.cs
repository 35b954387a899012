using Tillit.Domain.Common;

namespace Tillit.Domain.Measures;

/// <summary>Where a measure came from. Values are stored; never renumber (later features add their kinds).</summary>
public enum MeasureOrigin
{
    /// <summary>A requirement not met (or partly) by a system; the origin id is the requirement's.</summary>
    RequirementGap = 0,
    Classification = 1,
    Risk = 2,
    Incident = 3,
    Exercise = 4,
    Audit = 5,
    Goal = 6,
    Other = 7,

    /// <summary>A gap in a compliance self-assessment; the origin id is the questionnaire answer's.</summary>
    SelfAssessment = 8,
}

/// <summary>Planned → in progress → done → verified, or cancelled with a reason. Values are stored.</summary>
public enum MeasureStatus
{
    Planned = 0,
    InProgress = 1,
    Done = 2,
    Verified = 3,
    Cancelled = 4,
}

/// <summary>
/// A measure (åtgärd) of the one action plan: what is to be done, by whom, by when, where it came from,
/// and how it ended. Its status changes only through the methods here, each refusing a move the plan
/// does not allow (a verified or cancelled measure is closed; only a done measure can be verified).
/// </summary>
public sealed class Measure : Entity
{
    public const int TitleLength = 200;
    public const int TextLength = 4000;

    private Measure()
    {
        Title = Description = string.Empty;
    }

    public Measure(Guid organisationId, string title, string description, MeasureOrigin origin, Guid? originId, Guid? systemId, Guid? unitId, Guid ownerId, DateOnly dueDate, DateOnly createdOn)
        : base(organisationId)
    {
        if (!Enum.IsDefined(origin))
        {
            throw new DomainRuleException("Validation.InvalidValue", nameof(Origin));
        }

        if (origin != MeasureOrigin.Other && originId is null)
        {
            throw new DomainRuleException("Measure.OriginRequired", nameof(OriginId));
        }

        Title = Description = string.Empty;
        Origin = origin;
        OriginId = originId;
        CreatedOn = createdOn;
        Status = MeasureStatus.Planned;
        Change(title, description, systemId, unitId, ownerId, dueDate);
    }

    public string Title { get; private set; }

    public string Description { get; private set; }

    public MeasureOrigin Origin { get; private set; }

    /// <summary>The record it came from (a requirement, a risk, an incident…); null for <see cref="MeasureOrigin.Other"/>.</summary>
    public Guid? OriginId { get; private set; }

    public Guid? SystemId { get; private set; }

    public Guid? UnitId { get; private set; }

    /// <summary>The person responsible for carrying it out.</summary>
    public Guid OwnerId { get; private set; }

    public DateOnly DueDate { get; private set; }

    public DateOnly CreatedOn { get; private set; }

    public MeasureStatus Status { get; private set; }

    /// <summary>What shows it was done (a reference, a description, a document number).</summary>
    public string? Evidence { get; private set; }

    public DateOnly? DoneOn { get; private set; }

    public string? CancelReason { get; private set; }

    public Guid? VerifiedById { get; private set; }

    public DateOnly? VerifiedOn { get; private set; }

    /// <summary>Planned, in progress or done and not yet verified or cancelled.</summary>
    public bool IsOpen => Status is MeasureStatus.Planned or MeasureStatus.InProgress;

    public bool IsClosed => Status is MeasureStatus.Verified or MeasureStatus.Cancelled;

    /// <summary>Overdue: still to be done (planned or in progress) after its due date.</summary>
    public bool IsOverdueOn(DateOnly today) => IsOpen && DueDate < today;

    public bool IsOverdue(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return IsOverdueOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>Changes what, where, who and by when; a closed measure is not changed any more.</summary>
    public void Change(string title, string description, Guid? systemId, Guid? unitId, Guid ownerId, DateOnly dueDate)
    {
        if (IsClosed)
        {
            throw new DomainRuleException("Measure.Closed");
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("Validation.Required", nameof(Title));
        }

        if (ownerId == Guid.Empty)
        {
            throw new DomainRuleException("Validation.Required", nameof(OwnerId));
        }

        Title = title.Trim();
        Description = (description ?? string.Empty).Trim();
        SystemId = systemId;
        UnitId = unitId;
        OwnerId = ownerId;
        DueDate = dueDate;
    }

    public void Start()
    {
        Require(Status == MeasureStatus.Planned);
        Status = MeasureStatus.InProgress;
    }

    /// <summary>Done, with the evidence that shows it; from planned or in progress.</summary>
    public void Complete(string evidence, DateOnly on)
    {
        Require(IsOpen);
        if (string.IsNullOrWhiteSpace(evidence))
        {
            throw new DomainRuleException("Measure.EvidenceRequired", nameof(Evidence));
        }

        Evidence = evidence.Trim();
        DoneOn = on;
        Status = MeasureStatus.Done;
    }

    /// <summary>A done measure found wanting goes back to in progress; its evidence stays for the record.</summary>
    public void Reopen()
    {
        Require(Status == MeasureStatus.Done);
        DoneOn = null;
        Status = MeasureStatus.InProgress;
    }

    /// <summary>
    /// Someone other than its owner confirms a done measure has the effect intended (four eyes: the owner
    /// cannot verify their own work).
    /// </summary>
    public void Verify(Guid byPersonId, DateOnly on)
    {
        Require(Status == MeasureStatus.Done);
        if (byPersonId == OwnerId)
        {
            throw new DomainRuleException("Measure.OwnerCannotVerify");
        }

        VerifiedById = byPersonId;
        VerifiedOn = on;
        Status = MeasureStatus.Verified;
    }

    /// <summary>Cancelled, with the reason; any measure not yet closed.</summary>
    public void Cancel(string reason)
    {
        Require(!IsClosed);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Measure.ReasonRequired", nameof(CancelReason));
        }

        CancelReason = reason.Trim();
        Status = MeasureStatus.Cancelled;
    }

    private void Require(bool allowed)
    {
        if (!allowed)
        {
            throw new DomainRuleException("Measure.IllegalMove", nameof(Status));
        }
    }
}
