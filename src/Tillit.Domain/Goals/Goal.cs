using Tillit.Domain.Common;

namespace Tillit.Domain.Goals;

/// <summary>
/// One of the organisation's long-term goals for its information security work (the policy lists ten);
/// stable over the years, with the yearly goals of the ordinary planning under it.
/// </summary>
public sealed class LongTermGoal : Entity
{
    public const int TitleLength = 300;
    public const int TextLength = 2000;

    private LongTermGoal()
    {
        Title = TitleEn = Description = DescriptionEn = string.Empty;
    }

    public LongTermGoal(Guid organisationId, int number, string title, string titleEn, string description, string descriptionEn)
        : base(organisationId)
    {
        if (number is < 1 or > 99)
        {
            throw new DomainRuleException("Validation.InvalidValue", nameof(Number));
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("Validation.Required", nameof(Title));
        }

        Number = number;
        Title = title.Trim();
        TitleEn = string.IsNullOrWhiteSpace(titleEn) ? Title : titleEn.Trim();
        Description = (description ?? string.Empty).Trim();
        DescriptionEn = (descriptionEn ?? string.Empty).Trim();
    }

    /// <summary>Its place in the list (1–10 for the policy's goals).</summary>
    public int Number { get; private set; }

    public string Title { get; private set; }

    public string TitleEn { get; private set; }

    /// <summary>What it means for the work, in a sentence or two.</summary>
    public string Description { get; private set; }

    public string DescriptionEn { get; private set; }
}

/// <summary>Values are stored; never renumber.</summary>
public enum YearlyGoalStatus
{
    /// <summary>Decided in the planning, not yet followed up.</summary>
    Planned = 0,
    OnTrack = 1,

    /// <summary>Followed up and at risk of not being met this year.</summary>
    AtRisk = 2,
    Met = 3,
    NotMet = 4,
}

/// <summary>
/// A goal for one year under a long-term goal: what is to be reached (target), who answers for it, and
/// where it stands at follow-up. It may name an indicator and a target value; the indicator pages then
/// measure the year against that value instead of the default target.
/// </summary>
public sealed class YearlyGoal : Entity
{
    public const int TitleLength = 300;
    public const int TextLength = 2000;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    private YearlyGoal()
    {
        Title = Target = string.Empty;
    }

    public YearlyGoal(Guid organisationId, Guid longTermGoalId, int year, string title, string target, Guid ownerId, string? indicatorKey, decimal? targetValue)
        : base(organisationId)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new DomainRuleException("Goal.YearRange", nameof(Year));
        }

        LongTermGoalId = longTermGoalId;
        Year = year;
        Title = Target = string.Empty;
        Status = YearlyGoalStatus.Planned;
        Change(title, target, ownerId, indicatorKey, targetValue);
    }

    public Guid LongTermGoalId { get; private set; }

    public int Year { get; private set; }

    public string Title { get; private set; }

    /// <summary>What counts as reached, in words ("every important system has an approved risk analysis").</summary>
    public string Target { get; private set; }

    /// <summary>The person who answers for the goal.</summary>
    public Guid OwnerId { get; private set; }

    /// <summary>The indicator that measures it, if any (a key of the indicator catalogue).</summary>
    public string? IndicatorKey { get; private set; }

    /// <summary>The indicator's target for the year (a percentage or a count), when an indicator is named.</summary>
    public decimal? TargetValue { get; private set; }

    public YearlyGoalStatus Status { get; private set; }

    /// <summary>The owner's or security officer's words at follow-up.</summary>
    public string? FollowUp { get; private set; }

    public void Change(string title, string target, Guid ownerId, string? indicatorKey, decimal? targetValue)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("Validation.Required", nameof(Title));
        }

        if (string.IsNullOrWhiteSpace(target))
        {
            throw new DomainRuleException("Validation.Required", nameof(Target));
        }

        if (ownerId == Guid.Empty)
        {
            throw new DomainRuleException("Validation.Required", nameof(OwnerId));
        }

        var key = string.IsNullOrWhiteSpace(indicatorKey) ? null : indicatorKey.Trim();
        if (key is null && targetValue is not null)
        {
            throw new DomainRuleException("Goal.TargetValueNeedsIndicator", nameof(TargetValue));
        }

        if (targetValue is < 0)
        {
            throw new DomainRuleException("Validation.InvalidValue", nameof(TargetValue));
        }

        Title = title.Trim();
        Target = target.Trim();
        OwnerId = ownerId;
        IndicatorKey = key;
        TargetValue = targetValue;
    }

    /// <summary>Records the follow-up: where the goal stands, with a comment (required when it is not met or at risk).</summary>
    public void FollowUpWith(YearlyGoalStatus status, string? comment)
    {
        if (!Enum.IsDefined(status))
        {
            throw new DomainRuleException("Validation.InvalidValue", nameof(Status));
        }

        if (status is YearlyGoalStatus.AtRisk or YearlyGoalStatus.NotMet && string.IsNullOrWhiteSpace(comment))
        {
            throw new DomainRuleException("Goal.CommentRequired", nameof(FollowUp));
        }

        Status = status;
        FollowUp = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
    }

    /// <summary>
    /// The same goal for the following year, as the start of that year's planning: same long-term goal,
    /// title, target, owner and indicator; planned, without follow-up.
    /// </summary>
    public YearlyGoal CopyToNextYear() =>
        new(OrganisationId, LongTermGoalId, Year + 1, Title, Target, OwnerId, IndicatorKey, TargetValue);
}
