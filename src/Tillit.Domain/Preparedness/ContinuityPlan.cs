using Tillit.Domain.Common;
using Tillit.Domain.Register;

namespace Tillit.Domain.Preparedness;

/// <summary>The recovery objectives of a continuity plan, in hours.</summary>
/// <param name="MaxDowntimeHours">Maximum tolerable downtime: how long operations can be without the system at all.</param>
/// <param name="RecoveryTimeHours">Recovery time objective: how soon the system must be back.</param>
/// <param name="RecoveryPointHours">Recovery point objective: how much recent data may be lost.</param>
public sealed record RecoveryObjectives(int MaxDowntimeHours, int RecoveryTimeHours, int RecoveryPointHours)
{
    /// <summary>
    /// Suggested objectives for a system from the availability level of its classification (Tillgänglighet, 0–4):
    /// the higher the consequence of an outage, the shorter the time it may last and the less data it may lose.
    /// A starting point for the owner, who changes them to what operations actually need.
    /// </summary>
    public static RecoveryObjectives SuggestedFor(ConsequenceLevel? availability) => availability switch
    {
        ConsequenceLevel.VerySerious => new(4, 2, 1),
        ConsequenceLevel.Serious => new(24, 8, 4),
        ConsequenceLevel.Significant => new(72, 24, 24),
        ConsequenceLevel.Moderate => new(168, 72, 72),
        _ => new(720, 168, 168),
    };
}

/// <summary>
/// The continuity plan of one information system: recovery objectives, how operations carry on by hand while the
/// system is down, whom to call, what it depends on beyond the register's dependencies, who keeps the plan and when
/// it is reviewed next. One plan per system. A protected record: it names people to call and weak points.
/// </summary>
public sealed class ContinuityPlan : Entity
{
    public const int TextLength = 8000;
    public const int MaxHours = 24 * 365;

    private ContinuityPlan()
    {
        FallbackRoutines = string.Empty;
    }

    public ContinuityPlan(Guid organisationId, Guid systemId, RecoveryObjectives objectives, string fallbackRoutines)
        : base(organisationId)
    {
        SystemId = systemId;
        FallbackRoutines = string.Empty;
        Change(objectives, fallbackRoutines, null, null);
    }

    public Guid SystemId { get; private set; }

    public int MaxDowntimeHours { get; private set; }

    public int RecoveryTimeHours { get; private set; }

    public int RecoveryPointHours { get; private set; }

    /// <summary>How the work goes on without the system (manual routines, forms, another system).</summary>
    public string FallbackRoutines { get; private set; }

    /// <summary>Whom to call: supplier's service desk, operations, the system owner's deputy…</summary>
    public string? Contacts { get; private set; }

    /// <summary>What the system needs beyond the register's dependencies (power, network, a person, premises).</summary>
    public string? Dependencies { get; private set; }

    public Guid? ResponsibleId { get; private set; }

    public DateOnly? NextReview { get; private set; }

    /// <summary>The review date the responsible person was last reminded of (a reminder goes out once per date).</summary>
    public DateOnly? ReviewReminderSentFor { get; private set; }

    public RecoveryObjectives Objectives => new(MaxDowntimeHours, RecoveryTimeHours, RecoveryPointHours);

    public void Change(RecoveryObjectives objectives, string fallbackRoutines, string? contacts, string? dependencies)
    {
        ArgumentNullException.ThrowIfNull(objectives);
        if (objectives.MaxDowntimeHours is < 1 or > MaxHours)
        {
            throw new DomainRuleException("Continuity.HoursOutOfRange", nameof(MaxDowntimeHours));
        }

        if (objectives.RecoveryTimeHours < 1 || objectives.RecoveryTimeHours > objectives.MaxDowntimeHours)
        {
            // Recovering later than operations can bear is no plan.
            throw new DomainRuleException("Continuity.RecoveryAfterMaxDowntime", nameof(RecoveryTimeHours));
        }

        if (objectives.RecoveryPointHours is < 0 or > MaxHours)
        {
            throw new DomainRuleException("Continuity.HoursOutOfRange", nameof(RecoveryPointHours));
        }

        if (string.IsNullOrWhiteSpace(fallbackRoutines))
        {
            throw new DomainRuleException("Validation.Required", nameof(FallbackRoutines));
        }

        MaxDowntimeHours = objectives.MaxDowntimeHours;
        RecoveryTimeHours = objectives.RecoveryTimeHours;
        RecoveryPointHours = objectives.RecoveryPointHours;
        FallbackRoutines = fallbackRoutines.Trim();
        Contacts = string.IsNullOrWhiteSpace(contacts) ? null : contacts.Trim();
        Dependencies = string.IsNullOrWhiteSpace(dependencies) ? null : dependencies.Trim();
    }

    public void Plan(Guid? responsibleId, DateOnly? nextReview)
    {
        if (nextReview is not null && responsibleId is null)
        {
            throw new DomainRuleException("Law.ReviewNeedsResponsible", nameof(ResponsibleId));
        }

        if (nextReview != NextReview)
        {
            ReviewReminderSentFor = null;
        }

        ResponsibleId = responsibleId;
        NextReview = nextReview;
    }

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

/// <summary>A role of the crisis organisation (krisledningsstab) with who holds it, a deputy and how to reach them.</summary>
public sealed class CrisisRole : Entity
{
    public const int TitleLength = 200;
    public const int TextLength = 2000;

    private CrisisRole()
    {
        Title = Holder = string.Empty;
    }

    public CrisisRole(Guid organisationId, string title, string holder, string? deputy, string? reach, int order)
        : base(organisationId)
    {
        Title = Holder = string.Empty;
        Change(title, holder, deputy, reach, order);
    }

    /// <summary>"Krisledningschef", "Informationsansvarig", "IT-samordnare"…</summary>
    public string Title { get; private set; }

    /// <summary>Who holds the role (name, and phone numbers that work without the network).</summary>
    public string Holder { get; private set; }

    public string? Deputy { get; private set; }

    /// <summary>How to reach them when the ordinary channels are down (mobile, RAKEL, meeting place).</summary>
    public string? Reach { get; private set; }

    public int Order { get; private set; }

    public void Change(string title, string holder, string? deputy, string? reach, int order)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("Validation.Required", nameof(Title));
        }

        if (string.IsNullOrWhiteSpace(holder))
        {
            throw new DomainRuleException("Validation.Required", nameof(Holder));
        }

        Title = title.Trim();
        Holder = holder.Trim();
        Deputy = string.IsNullOrWhiteSpace(deputy) ? null : deputy.Trim();
        Reach = string.IsNullOrWhiteSpace(reach) ? null : reach.Trim();
        Order = order;
    }
}
