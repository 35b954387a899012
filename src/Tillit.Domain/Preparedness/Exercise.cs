using Tillit.Domain.Common;

namespace Tillit.Domain.Preparedness;

/// <summary>How an exercise is run. Values are stored.</summary>
public enum ExerciseKind
{
    /// <summary>People talk a scenario through around a table (seminarieövning, diskussionsövning).</summary>
    Tabletop = 0,

    /// <summary>One function is tried for real: a restore from backup, a switch to the manual routine, a call chain.</summary>
    Functional = 1,

    /// <summary>The crisis organisation works a scenario as if it were happening (ledningsövning, fullskaleövning).</summary>
    FullScale = 2,
}

/// <summary>
/// An exercise of the continuity plans and the crisis organisation: planned for a date, then held with its
/// participants, outcome and lessons. A held exercise counts as exercising the plans of the systems it covers.
/// Lessons are rows of their own (<see cref="ExerciseLesson"/>) so each can become a measure in the action plan.
/// A protected record: its outcome names the weak points found.
/// </summary>
public sealed class Exercise : Entity
{
    public const int TitleLength = 300;
    public const int TextLength = 8000;

    private Exercise()
    {
        Title = Scenario = string.Empty;
    }

    public Exercise(Guid organisationId, string title, ExerciseKind kind, string scenario, DateOnly plannedOn, Guid? leaderId = null)
        : base(organisationId)
    {
        Title = Scenario = string.Empty;
        Plan(title, kind, scenario, plannedOn, leaderId);
    }

    public string Title { get; private set; }

    public ExerciseKind Kind { get; private set; }

    /// <summary>What is exercised: the event assumed, its course and what the participants are to do.</summary>
    public string Scenario { get; private set; }

    public DateOnly PlannedOn { get; private set; }

    /// <summary>Who leads the exercise and follows up its lessons.</summary>
    public Guid? LeaderId { get; private set; }

    /// <summary>The day it was held; null while it is only planned.</summary>
    public DateOnly? HeldOn { get; private set; }

    /// <summary>Who took part (names, roles, units, suppliers).</summary>
    public string? Participants { get; private set; }

    /// <summary>How it went: what worked, what did not, whether the objectives held.</summary>
    public string? Outcome { get; private set; }

    public bool IsHeld => HeldOn is not null;

    public void Plan(string title, ExerciseKind kind, string scenario, DateOnly plannedOn, Guid? leaderId)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("Validation.Required", nameof(Title));
        }

        if (string.IsNullOrWhiteSpace(scenario))
        {
            throw new DomainRuleException("Validation.Required", nameof(Scenario));
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("Validation.InvalidValue", nameof(Kind));
        }

        Title = title.Trim();
        Kind = kind;
        Scenario = scenario.Trim();
        PlannedOn = plannedOn;
        LeaderId = leaderId;
    }

    /// <summary>Records that the exercise was held, and how it went. May be corrected later; a day after today is refused.</summary>
    public void Record(DateOnly heldOn, string participants, string outcome, DateOnly today)
    {
        if (heldOn > today)
        {
            // An exercise in the future has not been held; plan it instead.
            throw new DomainRuleException("Exercise.HeldInFuture", nameof(HeldOn));
        }

        if (string.IsNullOrWhiteSpace(participants))
        {
            throw new DomainRuleException("Validation.Required", nameof(Participants));
        }

        if (string.IsNullOrWhiteSpace(outcome))
        {
            throw new DomainRuleException("Validation.Required", nameof(Outcome));
        }

        HeldOn = heldOn;
        Participants = participants.Trim();
        Outcome = outcome.Trim();
    }

    /// <summary>A lesson learned; only a held exercise has lessons.</summary>
    public ExerciseLesson Learn(string text)
    {
        if (!IsHeld)
        {
            throw new DomainRuleException("Exercise.LessonNeedsHeld", nameof(HeldOn));
        }

        return new ExerciseLesson(OrganisationId, Id, text);
    }
}

/// <summary>An information system whose continuity plan an exercise tries.</summary>
public sealed class ExerciseSystem : Entity
{
    private ExerciseSystem()
    {
    }

    public ExerciseSystem(Guid organisationId, Guid exerciseId, Guid systemId)
        : base(organisationId)
    {
        ExerciseId = exerciseId;
        SystemId = systemId;
    }

    public Guid ExerciseId { get; private set; }

    public Guid SystemId { get; private set; }
}

/// <summary>What an exercise taught; it becomes a measure in the action plan at most once.</summary>
public sealed class ExerciseLesson : Entity
{
    public const int TextLength = 2000;

    private ExerciseLesson()
    {
        Text = string.Empty;
    }

    internal ExerciseLesson(Guid organisationId, Guid exerciseId, string text)
        : base(organisationId)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException("Validation.Required", nameof(Text));
        }

        ExerciseId = exerciseId;
        Text = text.Trim();
    }

    public Guid ExerciseId { get; private set; }

    public string Text { get; private set; }

    /// <summary>The measure the lesson became, once it did.</summary>
    public Guid? MeasureId { get; private set; }

    public void BecameMeasure(Guid measureId)
    {
        if (MeasureId is not null)
        {
            throw new DomainRuleException("Exercise.LessonHasMeasure", nameof(MeasureId));
        }

        MeasureId = measureId;
    }
}
