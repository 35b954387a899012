using Tillit.Domain.Common;

namespace Tillit.Domain.Register;

/// <summary>
/// Consequence levels of KLASSA and the MSB method: 0 Ingen/försumbar, 1 Måttlig, 2 Betydande,
/// 3 Allvarlig, 4 Synnerligen allvarlig. Values are stored and compared; never renumber.
/// </summary>
public enum ConsequenceLevel
{
    Negligible = 0,
    Moderate = 1,
    Significant = 2,
    Serious = 3,
    VerySerious = 4,
}

/// <summary>The four aspects, in the order of K-R-T-S.</summary>
public enum Aspect
{
    Confidentiality = 0,
    Integrity = 1,
    Availability = 2,
    Traceability = 3,
}

/// <summary>Whether a set has a classification that is still valid.</summary>
public enum ClassificationState
{
    Never = 0,
    Valid = 1,
    Stale = 2,
}

/// <summary>A level per aspect, written K-R-T-S ("2-3-1-2").</summary>
public readonly record struct ProtectionNeed(ConsequenceLevel Confidentiality, ConsequenceLevel Integrity, ConsequenceLevel Availability, ConsequenceLevel Traceability)
{
    public ConsequenceLevel Highest => (ConsequenceLevel)Math.Max(Math.Max((int)Confidentiality, (int)Integrity), Math.Max((int)Availability, (int)Traceability));

    /// <summary>Level 4 on any aspect: the set or system needs an analysis of its own.</summary>
    public bool NeedsSeparateAnalysis => Highest == ConsequenceLevel.VerySerious;

    public ConsequenceLevel this[Aspect aspect] => aspect switch
    {
        Aspect.Confidentiality => Confidentiality,
        Aspect.Integrity => Integrity,
        Aspect.Availability => Availability,
        _ => Traceability,
    };

    /// <summary>
    /// A system's protection need: the highest level per aspect over the sets it holds; null when
    /// none of them is classified.
    /// </summary>
    public static ProtectionNeed? HighestOf(IEnumerable<ProtectionNeed> needs)
    {
        ArgumentNullException.ThrowIfNull(needs);
        ProtectionNeed? result = null;
        foreach (var n in needs)
        {
            result = result is not { } r
                ? n
                : new ProtectionNeed(Max(r.Confidentiality, n.Confidentiality), Max(r.Integrity, n.Integrity), Max(r.Availability, n.Availability), Max(r.Traceability, n.Traceability));
        }

        return result;
    }

    public override string ToString() => $"{(int)Confidentiality}-{(int)Integrity}-{(int)Availability}-{(int)Traceability}";

    private static ConsequenceLevel Max(ConsequenceLevel a, ConsequenceLevel b) => a >= b ? a : b;
}

/// <summary>
/// One classification of an information set: a level and a motivation per aspect, who took part, the
/// system owner who approved it, when, and until when it holds. A new classification supersedes the
/// current one, which stays as history.
/// </summary>
public sealed class Classification : Entity
{
    public const int DefaultValidityMonths = 12;

    private Classification()
    {
        ConfidentialityMotivation = IntegrityMotivation = AvailabilityMotivation = TraceabilityMotivation = Participants = string.Empty;
    }

    public Classification(
        Guid organisationId,
        Guid setId,
        ProtectionNeed levels,
        (string Confidentiality, string Integrity, string Availability, string Traceability) motivations,
        string participants,
        Guid approvedById,
        DateOnly classifiedOn,
        DateOnly validUntil)
        : base(organisationId)
    {
        foreach (var level in new[] { levels.Confidentiality, levels.Integrity, levels.Availability, levels.Traceability })
        {
            if (!Enum.IsDefined(level))
            {
                throw new DomainRuleException("Classification.LevelOutOfRange");
            }
        }

        if (string.IsNullOrWhiteSpace(motivations.Confidentiality) || string.IsNullOrWhiteSpace(motivations.Integrity)
            || string.IsNullOrWhiteSpace(motivations.Availability) || string.IsNullOrWhiteSpace(motivations.Traceability))
        {
            throw new DomainRuleException("Classification.MotivationRequired");
        }

        if (string.IsNullOrWhiteSpace(participants))
        {
            throw new DomainRuleException("Classification.ParticipantsRequired", nameof(Participants));
        }

        if (validUntil <= classifiedOn)
        {
            throw new DomainRuleException("Classification.ValidUntilBeforeDate", nameof(ValidUntil));
        }

        SetId = setId;
        Confidentiality = levels.Confidentiality;
        Integrity = levels.Integrity;
        Availability = levels.Availability;
        Traceability = levels.Traceability;
        ConfidentialityMotivation = motivations.Confidentiality.Trim();
        IntegrityMotivation = motivations.Integrity.Trim();
        AvailabilityMotivation = motivations.Availability.Trim();
        TraceabilityMotivation = motivations.Traceability.Trim();
        Participants = participants.Trim();
        ApprovedById = approvedById;
        ClassifiedOn = classifiedOn;
        ValidUntil = validUntil;
        IsCurrent = true;
    }

    public Guid SetId { get; private set; }

    public ConsequenceLevel Confidentiality { get; private set; }

    public ConsequenceLevel Integrity { get; private set; }

    public ConsequenceLevel Availability { get; private set; }

    public ConsequenceLevel Traceability { get; private set; }

    public string ConfidentialityMotivation { get; private set; }

    public string IntegrityMotivation { get; private set; }

    public string AvailabilityMotivation { get; private set; }

    public string TraceabilityMotivation { get; private set; }

    public string Participants { get; private set; }

    /// <summary>The system owner who approved it.</summary>
    public Guid ApprovedById { get; private set; }

    public DateOnly ClassifiedOn { get; private set; }

    public DateOnly ValidUntil { get; private set; }

    /// <summary>False once a newer classification of the set replaced it.</summary>
    public bool IsCurrent { get; private set; }

    public ProtectionNeed Levels => new(Confidentiality, Integrity, Availability, Traceability);

    public bool NeedsSeparateAnalysis => Levels.NeedsSeparateAnalysis;

    /// <summary>The default last day: the date plus the organisation's validity (12 months unless set otherwise).</summary>
    public static DateOnly DefaultValidUntil(DateOnly classifiedOn, int validityMonths) =>
        classifiedOn.AddMonths(validityMonths is > 0 and <= 120 ? validityMonths : DefaultValidityMonths);

    /// <summary>Stale from the day after <see cref="ValidUntil"/>, by the clock given (UTC date).</summary>
    public bool IsStale(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return IsStaleOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    public bool IsStaleOn(DateOnly day) => day > ValidUntil;

    /// <summary>The state of a set given its current classification (null: never classified).</summary>
    public static ClassificationState StateOf(Classification? current, TimeProvider clock) =>
        current is null ? ClassificationState.Never : current.IsStale(clock) ? ClassificationState.Stale : ClassificationState.Valid;

    /// <summary>Replaced by <paramref name="next"/>; the record stays as history.</summary>
    public void SupersedeBy(Classification next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (!IsCurrent)
        {
            throw new DomainRuleException("Classification.NotCurrent");
        }

        if (next.SetId != SetId || next.Id == Id)
        {
            throw new DomainRuleException("Classification.OtherSet");
        }

        IsCurrent = false;
    }
}
