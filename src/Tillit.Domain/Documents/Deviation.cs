using Tillit.Domain.Common;

namespace Tillit.Domain.Documents;

public enum DeviationStatus
{
    /// <summary>Asked for by a unit; waiting for the security officer's assessment.</summary>
    Requested,

    /// <summary>The security officer has assessed it; waiting for the director's decision.</summary>
    Assessed,
    Approved,
    Rejected,

    /// <summary>Taken back by the unit before it was decided.</summary>
    Withdrawn,

    /// <summary>An approved deviation ended before its expiry (the unit now follows the rule).</summary>
    Ended,
}

/// <summary>
/// An avsteg: a unit asks to depart from a requirement of a central governing document, for a reason
/// and until a date. The security officer assesses it and the municipal director decides, in that
/// order; nobody else moves it. An approved deviation past its expiry is a gap until it is ended or
/// a new one is approved.
/// </summary>
public sealed class Deviation : Entity
{
    /// <summary>No deviation is granted for longer than this; the rule is then weighed again.</summary>
    public const int MaxYears = 3;

    private Deviation()
    {
        Requirement = string.Empty;
        Reason = string.Empty;
    }

    public Deviation(Guid organisationId, GoverningDocument document, Guid unitId, string requirement, string reason, string? compensatingMeasures, DateOnly expiresOn, Guid requestedById, DateOnly today)
        : base(organisationId)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.UnitId is not null)
        {
            throw new DomainRuleException("Deviation.CentralOnly", nameof(DocumentId));
        }

        if (string.IsNullOrWhiteSpace(requirement))
        {
            throw new DomainRuleException("Validation.Required", nameof(Requirement));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Validation.Required", nameof(Reason));
        }

        if (expiresOn <= today || expiresOn > today.AddYears(MaxYears))
        {
            throw new DomainRuleException("Deviation.ExpiryRange", nameof(ExpiresOn));
        }

        DocumentId = document.Id;
        UnitId = unitId;
        Requirement = requirement.Trim();
        Reason = reason.Trim();
        CompensatingMeasures = string.IsNullOrWhiteSpace(compensatingMeasures) ? null : compensatingMeasures.Trim();
        ExpiresOn = expiresOn;
        RequestedById = requestedById;
        RequestedOn = today;
        Status = DeviationStatus.Requested;
    }

    public Guid DocumentId { get; private set; }

    /// <summary>The unit that will depart from the rule.</summary>
    public Guid UnitId { get; private set; }

    /// <summary>Which requirement of the document (its section and wording, as the unit states it).</summary>
    public string Requirement { get; private set; }

    public string Reason { get; private set; }

    /// <summary>What the unit does instead to keep the risk down.</summary>
    public string? CompensatingMeasures { get; private set; }

    public DateOnly ExpiresOn { get; private set; }

    public Guid RequestedById { get; private set; }

    public DateOnly RequestedOn { get; private set; }

    public DeviationStatus Status { get; private set; }

    public Guid? AssessedById { get; private set; }

    public DateOnly? AssessedOn { get; private set; }

    /// <summary>The security officer's view: whether they recommend approving it, and why.</summary>
    public bool? Recommended { get; private set; }

    public string? Assessment { get; private set; }

    public Guid? DecidedById { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public string? DecisionReference { get; private set; }

    public string? DecisionComment { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    /// <summary>Approved, not ended, and past its expiry on <paramref name="today"/>: a gap.</summary>
    public bool IsExpiredOn(DateOnly today) => Status == DeviationStatus.Approved && ExpiresOn < today;

    public void Assess(Guid securityOfficerId, bool recommend, string assessment, DateOnly today)
    {
        if (Status != DeviationStatus.Requested)
        {
            throw new DomainRuleException("Deviation.NotRequested");
        }

        if (string.IsNullOrWhiteSpace(assessment))
        {
            throw new DomainRuleException("Validation.Required", nameof(Assessment));
        }

        AssessedById = securityOfficerId;
        AssessedOn = today;
        Recommended = recommend;
        Assessment = assessment.Trim();
        Status = DeviationStatus.Assessed;
    }

    public void Decide(Guid directorId, bool approve, string decisionReference, string? comment, DateOnly today)
    {
        if (Status != DeviationStatus.Assessed)
        {
            throw new DomainRuleException("Deviation.NotAssessed");
        }

        if (string.IsNullOrWhiteSpace(decisionReference))
        {
            throw new DomainRuleException("Validation.Required", nameof(DecisionReference));
        }

        if (approve && ExpiresOn <= today)
        {
            throw new DomainRuleException("Deviation.ExpiryRange", nameof(ExpiresOn));
        }

        DecidedById = directorId;
        DecidedOn = today;
        DecisionReference = decisionReference.Trim();
        DecisionComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        Status = approve ? DeviationStatus.Approved : DeviationStatus.Rejected;
    }

    public void Withdraw()
    {
        if (Status is not (DeviationStatus.Requested or DeviationStatus.Assessed))
        {
            throw new DomainRuleException("Deviation.NotOpen");
        }

        Status = DeviationStatus.Withdrawn;
    }

    /// <summary>The unit follows the rule again (before or after the expiry); the record stays.</summary>
    public void End(DateOnly today)
    {
        if (Status != DeviationStatus.Approved)
        {
            throw new DomainRuleException("Deviation.NotApproved");
        }

        EndedOn = today;
        Status = DeviationStatus.Ended;
    }
}
