using Tillit.Domain.Common;

namespace Tillit.Domain.Requirements;

/// <summary>Who answers a questionnaire: the managers of units, or the owners of systems (one form per system). Stored.</summary>
public enum QuestionnaireRecipients
{
    Units = 0,
    SystemOwners = 1,
}

/// <summary>
/// A compliance self-assessment (självskattning): the security officer asks units or system owners how far
/// they follow a guideline, requirement by requirement, by a deadline. Sending makes one
/// <see cref="QuestionnaireResponse"/> per recipient with one <see cref="QuestionnaireAnswer"/> per requirement.
/// </summary>
public sealed class Questionnaire : Entity
{
    public const int TitleLength = 200;

    private Questionnaire()
    {
        Title = string.Empty;
    }

    public Questionnaire(Guid organisationId, Guid documentId, string title, QuestionnaireRecipients recipients, DateOnly dueDate, Guid sentById, DateOnly sentOn)
        : base(organisationId)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("Validation.Required", nameof(Title));
        }

        if (!Enum.IsDefined(recipients))
        {
            throw new DomainRuleException("Validation.InvalidValue", nameof(Recipients));
        }

        if (dueDate <= sentOn)
        {
            throw new DomainRuleException("SelfAssessment.DueInPast", nameof(DueDate));
        }

        DocumentId = documentId;
        Title = title.Trim();
        Recipients = recipients;
        DueDate = dueDate;
        SentById = sentById;
        SentOn = sentOn;
    }

    /// <summary>The guideline whose requirements are asked about.</summary>
    public Guid DocumentId { get; private set; }

    public string Title { get; private set; }

    public QuestionnaireRecipients Recipients { get; private set; }

    public DateOnly DueDate { get; private set; }

    public Guid SentById { get; private set; }

    public DateOnly SentOn { get; private set; }
}

/// <summary>
/// One recipient's form of a questionnaire: a unit (answered by its manager) or a system (answered by its owner).
/// Saved answers are a draft until submitted; a submitted form is locked.
/// </summary>
public sealed class QuestionnaireResponse : Entity
{
    private QuestionnaireResponse()
    {
    }

    public QuestionnaireResponse(Guid organisationId, Guid questionnaireId, Guid unitId, Guid? systemId, Guid respondentId)
        : base(organisationId)
    {
        QuestionnaireId = questionnaireId;
        UnitId = unitId;
        SystemId = systemId;
        RespondentId = respondentId;
    }

    public Guid QuestionnaireId { get; private set; }

    /// <summary>The unit answered for: the unit itself, or the system's unit (what the roll-up groups by).</summary>
    public Guid UnitId { get; private set; }

    /// <summary>The system answered for, when the questionnaire goes to system owners.</summary>
    public Guid? SystemId { get; private set; }

    /// <summary>The manager or system owner who answers (fixed when sent).</summary>
    public Guid RespondentId { get; private set; }

    public DateTime? SubmittedUtc { get; private set; }

    public Guid? SubmittedById { get; private set; }

    /// <summary>When the one reminder before the deadline went out; null until then.</summary>
    public DateOnly? ReminderSentOn { get; private set; }

    public bool IsSubmitted => SubmittedUtc is not null;

    /// <summary>Locks the form; every answer must have a status.</summary>
    public void Submit(IEnumerable<QuestionnaireAnswer> answers, Guid byPersonId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(answers);
        RequireOpen();
        if (answers.Any(a => a.Status is null))
        {
            throw new DomainRuleException("SelfAssessment.Unanswered");
        }

        SubmittedUtc = nowUtc;
        SubmittedById = byPersonId;
    }

    public void RequireOpen()
    {
        if (IsSubmitted)
        {
            throw new DomainRuleException("SelfAssessment.Submitted");
        }
    }

    /// <summary>Claims the one reminder; false when it was sent already or the form is submitted.</summary>
    public bool ClaimReminder(DateOnly today)
    {
        if (IsSubmitted || ReminderSentOn is not null)
        {
            return false;
        }

        ReminderSentOn = today;
        return true;
    }

    /// <summary>Gives the claim back when the mail could not be sent, so the next run tries again.</summary>
    public void ReleaseReminder() => ReminderSentOn = null;
}

/// <summary>One requirement of one form: met, partly, not met or not applicable, with a comment; and the measure made of a gap.</summary>
public sealed class QuestionnaireAnswer : Entity
{
    public const int CommentLength = 2000;

    private QuestionnaireAnswer()
    {
        Comment = string.Empty;
    }

    public QuestionnaireAnswer(Guid organisationId, Guid responseId, Guid requirementId)
        : base(organisationId)
    {
        ResponseId = responseId;
        RequirementId = requirementId;
        Comment = string.Empty;
    }

    public Guid ResponseId { get; private set; }

    public Guid RequirementId { get; private set; }

    /// <summary>Null until answered.</summary>
    public AssessmentStatus? Status { get; private set; }

    public string Comment { get; private set; }

    /// <summary>The measure of the action plan made of this answer's gap; at most one.</summary>
    public Guid? MeasureId { get; private set; }

    public bool IsGap => Status is AssessmentStatus.NotMet or AssessmentStatus.PartlyMet;

    public void Record(AssessmentStatus? status, string? comment)
    {
        if (status is { } s && !Enum.IsDefined(s))
        {
            throw new DomainRuleException("Validation.InvalidValue", nameof(Status));
        }

        Status = status;
        Comment = (comment ?? string.Empty).Trim();
    }

    /// <summary>Links the measure made of the gap; a second is refused.</summary>
    public void LinkMeasure(Guid measureId)
    {
        if (!IsGap)
        {
            throw new DomainRuleException("Measure.NoGap");
        }

        if (MeasureId is not null)
        {
            throw new DomainRuleException("SelfAssessment.MeasureExists");
        }

        MeasureId = measureId;
    }
}
