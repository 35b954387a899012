namespace Tillit.Domain.Organisations;

/// <summary>The tenant: a municipality, one of its companies or a shared regional service.</summary>
public sealed class Organisation
{
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

    public int Version { get; set; }
}
