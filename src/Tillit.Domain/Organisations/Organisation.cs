namespace Tillit.Domain.Organisations;

/// <summary>The tenant: a municipality, one of its companies or a shared regional service.</summary>
public sealed class Organisation
{
    public const int DefaultExerciseIntervalMonths = 24;

    private Organisation()
    {
        Name = string.Empty;
        Code = string.Empty;
    }

    public Organisation(string name, string code)
    {
        Id = Guid.CreateVersion7();
        Name = name;
        Code = code;
    }

    public Guid Id { get; private set; }

    public string Name { get; set; }

    /// <summary>Short unique code used on the command line (e.g. "exempelby").</summary>
    public string Code { get; set; }

    /// <summary>How many months a new classification holds unless the classifier sets another date.</summary>
    public int ClassificationValidityMonths { get; set; } = 12;

    /// <summary>
    /// How many months may pass before a continuity plan must have been exercised again; a plan of a system no held
    /// exercise covered within them is a gap.
    /// </summary>
    public int ExerciseIntervalMonths { get; set; } = DefaultExerciseIntervalMonths;

    public int Version { get; set; }
}
