using Tillit.Domain.Access;
using Tillit.Domain.Common;
using Tillit.Domain.Documents;

namespace Tillit.Domain.Courses;

/// <summary>
/// A training course (utbildning) about the security rules: who must take it (the whole organisation, the
/// people of some units and their sub-units, or the holders of some roles — the same audience model as an
/// acknowledgement campaign) and how often it is repeated. A completion counts as current for
/// <see cref="RepeatMonths"/> months after it was completed, or for ever when the course is taken once.
/// </summary>
public sealed class TrainingCourse : Entity
{
    public const int TitleLength = 200;
    public const int CodeLength = 40;
    public const int TextLength = 4000;
    public const int MaxRepeatMonths = 120;

    private readonly List<CourseAudience> _audience = [];

    private TrainingCourse()
    {
        Title = string.Empty;
    }

    public TrainingCourse(Guid organisationId, string title)
        : base(organisationId)
    {
        Title = string.Empty;
        Describe(title, null, null);
        IsActive = true;
    }

    public string Title { get; private set; }

    /// <summary>The learning platform's code for the course, when it has one; an import may name the course by it.</summary>
    public string? Code { get; private set; }

    public string? Description { get; private set; }

    public AudienceKind AudienceKind { get; private set; }

    /// <summary>How many months a completion stays current; null when the course is taken once.</summary>
    public int? RepeatMonths { get; private set; }

    /// <summary>An inactive course is kept with its completions but no longer counted in the coverage.</summary>
    public bool IsActive { get; private set; }

    public IReadOnlyList<CourseAudience> Audience => _audience;

    public void Describe(string title, string? code, string? description)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("Validation.Required", nameof(Title));
        }

        Title = title.Trim();
        Code = string.IsNullOrWhiteSpace(code) ? null : code.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
    }

    public void SetRepeat(int? months, bool active)
    {
        if (months is { } m && (m < 1 || m > MaxRepeatMonths))
        {
            throw new DomainRuleException("Training.RepeatOutOfRange", nameof(RepeatMonths));
        }

        RepeatMonths = months;
        IsActive = active;
    }

    /// <summary>The first day a completion must fall on (or after) to be current on <paramref name="today"/>.</summary>
    public static DateOnly CurrentFrom(int? repeatMonths, DateOnly today) =>
        repeatMonths is { } m ? today.AddMonths(-m) : DateOnly.MinValue;

    /// <summary>Replaces the audience; returns the rows to remove (the caller's context deletes them).</summary>
    public IReadOnlyList<CourseAudience> SetAudience(AudienceKind kind, IReadOnlyCollection<Guid> unitIds, IReadOnlyCollection<Role> roles)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        ArgumentNullException.ThrowIfNull(roles);
        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("Validation.InvalidValue", nameof(AudienceKind));
        }

        if (kind == AudienceKind.Units && unitIds.Count == 0)
        {
            throw new DomainRuleException("Campaign.AudienceEmpty", "UnitIds");
        }

        if (kind == AudienceKind.Roles && roles.Count == 0)
        {
            throw new DomainRuleException("Campaign.AudienceEmpty", "Roles");
        }

        var removed = _audience.ToList();
        _audience.Clear();
        AudienceKind = kind;
        if (kind == AudienceKind.Units)
        {
            _audience.AddRange(unitIds.Distinct().Select(u => new CourseAudience(OrganisationId, Id, u, null)));
        }
        else if (kind == AudienceKind.Roles)
        {
            _audience.AddRange(roles.Distinct().Select(r => new CourseAudience(OrganisationId, Id, null, r)));
        }

        return removed;
    }
}

/// <summary>One unit or one role of a course's audience.</summary>
public sealed class CourseAudience : Entity
{
    private CourseAudience()
    {
    }

    internal CourseAudience(Guid organisationId, Guid courseId, Guid? unitId, Role? role)
        : base(organisationId)
    {
        CourseId = courseId;
        UnitId = unitId;
        Role = role;
    }

    public Guid CourseId { get; private set; }

    public Guid? UnitId { get; private set; }

    public Role? Role { get; private set; }
}

/// <summary>A person's completion of a course on a day (entered by hand or imported from a learning platform).</summary>
public sealed class TrainingCompletion : Entity
{
    private TrainingCompletion()
    {
    }

    public TrainingCompletion(Guid organisationId, Guid courseId, Guid personId, DateOnly completedOn, bool imported)
        : base(organisationId)
    {
        CourseId = courseId;
        PersonId = personId;
        CompletedOn = completedOn;
        Imported = imported;
    }

    public Guid CourseId { get; private set; }

    public Guid PersonId { get; private set; }

    public DateOnly CompletedOn { get; private set; }

    /// <summary>Came from a learning platform's export rather than entered by hand.</summary>
    public bool Imported { get; private set; }
}
