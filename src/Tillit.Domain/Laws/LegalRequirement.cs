using Tillit.Domain.Common;

namespace Tillit.Domain.Laws;

/// <summary>What kind of rule an entry of the legal register is. Values are stored.</summary>
public enum LegalKind
{
    Law = 0,
    Ordinance = 1,
    EuRegulation = 2,
    AgencyRegulation = 3,
    Other = 4,
}

/// <summary>How far the organisation follows a rule, as last judged. Values are stored.</summary>
public enum ComplianceStatus
{
    NotAssessed = 0,
    Compliant = 1,
    PartlyCompliant = 2,
    NotCompliant = 3,
    NotApplicable = 4,
}

/// <summary>
/// One entry of the legal register (laglista): a law, ordinance or regulation the organisation must
/// follow, what it demands in the organisation's own words, who keeps track of it, the units and
/// systems it applies to (<see cref="LegalRequirementUnit"/>, <see cref="LegalRequirementSystem"/>),
/// when it is reviewed next and how far it is followed.
/// </summary>
public sealed class LegalRequirement : Entity
{
    public const int ReferenceLength = 60;
    public const int TitleLength = 300;
    public const int TextLength = 4000;

    private LegalRequirement()
    {
        Reference = Title = Demands = string.Empty;
    }

    public LegalRequirement(Guid organisationId, string reference, LegalKind kind, string title, string demands)
        : base(organisationId)
    {
        Reference = Title = Demands = string.Empty;
        Change(reference, kind, title, null, demands, null);
    }

    /// <summary>"SFS 2009:400", "(EU) 2016/679", "MSBFS 2020:6": how the rule is cited.</summary>
    public string Reference { get; private set; }

    public LegalKind Kind { get; private set; }

    /// <summary>The title in Swedish.</summary>
    public string Title { get; private set; }

    /// <summary>The title in English, when given.</summary>
    public string? TitleEn { get; private set; }

    /// <summary>What the rule demands of the organisation, in its own words (Swedish).</summary>
    public string Demands { get; private set; }

    /// <summary>The same in English, when given.</summary>
    public string? DemandsEn { get; private set; }

    /// <summary>The person who follows the rule and reviews the entry; reminded before <see cref="NextReview"/>.</summary>
    public Guid? ResponsibleId { get; private set; }

    public DateOnly? NextReview { get; private set; }

    /// <summary>The review date a reminder was last sent for (so it goes out once per date).</summary>
    public DateOnly? ReviewReminderSentFor { get; private set; }

    public ComplianceStatus Compliance { get; private set; }

    /// <summary>Why the status is what it is, what is missing.</summary>
    public string? ComplianceComment { get; private set; }

    public void Change(string reference, LegalKind kind, string title, string? titleEn, string demands, string? demandsEn)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            throw new DomainRuleException("Validation.Required", nameof(Reference));
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("Validation.Required", nameof(Title));
        }

        if (string.IsNullOrWhiteSpace(demands))
        {
            throw new DomainRuleException("Validation.Required", nameof(Demands));
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("Validation.InvalidValue", nameof(Kind));
        }

        Reference = reference.Trim();
        Kind = kind;
        Title = title.Trim();
        TitleEn = string.IsNullOrWhiteSpace(titleEn) ? null : titleEn.Trim();
        Demands = demands.Trim();
        DemandsEn = string.IsNullOrWhiteSpace(demandsEn) ? null : demandsEn.Trim();
    }

    /// <summary>Sets who follows the rule and when it is reviewed next; a new date allows a new reminder.</summary>
    public void Plan(Guid? responsibleId, DateOnly? nextReview)
    {
        if (nextReview is not null && responsibleId is null)
        {
            // A review date nobody is reminded of would be a silent gap.
            throw new DomainRuleException("Law.ReviewNeedsResponsible", nameof(ResponsibleId));
        }

        if (nextReview != NextReview)
        {
            ReviewReminderSentFor = null;
        }

        ResponsibleId = responsibleId;
        NextReview = nextReview;
    }

    public void Assess(ComplianceStatus status, string? comment)
    {
        if (!Enum.IsDefined(status))
        {
            throw new DomainRuleException("Validation.InvalidValue", nameof(Compliance));
        }

        if (status is ComplianceStatus.PartlyCompliant or ComplianceStatus.NotCompliant && string.IsNullOrWhiteSpace(comment))
        {
            // A shortfall without a word on what is missing cannot be followed up.
            throw new DomainRuleException("Law.CommentRequired", nameof(ComplianceComment));
        }

        Compliance = status;
        ComplianceComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
    }

    /// <summary>The review date has passed: a gap.</summary>
    public bool IsReviewOverdue(DateOnly today) => NextReview is { } due && due < today;

    /// <summary>Claims the reminder for the current review date; false when there is none or it was already sent.</summary>
    public bool ClaimReviewReminder()
    {
        if (NextReview is not { } due || ReviewReminderSentFor == due || ResponsibleId is null)
        {
            return false;
        }

        ReviewReminderSentFor = due;
        return true;
    }

    /// <summary>Gives the claim back when the mail could not be sent.</summary>
    public void ReleaseReviewReminder() => ReviewReminderSentFor = null;
}

/// <summary>A unit whose operations a rule of the legal register applies to.</summary>
public sealed class LegalRequirementUnit : Entity
{
    private LegalRequirementUnit()
    {
    }

    public LegalRequirementUnit(Guid organisationId, Guid legalRequirementId, Guid unitId)
        : base(organisationId)
    {
        LegalRequirementId = legalRequirementId;
        UnitId = unitId;
    }

    public Guid LegalRequirementId { get; private set; }

    public Guid UnitId { get; private set; }
}

/// <summary>An information system a rule of the legal register applies to.</summary>
public sealed class LegalRequirementSystem : Entity
{
    private LegalRequirementSystem()
    {
    }

    public LegalRequirementSystem(Guid organisationId, Guid legalRequirementId, Guid systemId)
        : base(organisationId)
    {
        LegalRequirementId = legalRequirementId;
        SystemId = systemId;
    }

    public Guid LegalRequirementId { get; private set; }

    public Guid SystemId { get; private set; }
}
