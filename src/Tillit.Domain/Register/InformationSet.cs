using Tillit.Domain.Common;

namespace Tillit.Domain.Register;

/// <summary>Whether a set holds personal data, and of which kind (GDPR art. 9 for sensitive). Values are stored.</summary>
public enum PersonalData
{
    None = 0,
    Personal = 1,
    Sensitive = 2,
}

/// <summary>
/// An information set (informationsmängd): information of one kind owned by one unit, held in one or
/// more systems. Its classification lives in <see cref="Classification"/> records, newest current.
/// </summary>
public sealed class InformationSet : Entity
{
    private InformationSet()
    {
        Name = string.Empty;
    }

    public InformationSet(Guid organisationId, string name, Guid owningUnitId)
        : base(organisationId)
    {
        Name = name;
        OwningUnitId = owningUnitId;
    }

    public string Name { get; set; }

    public string? Description { get; set; }

    public Guid OwningUnitId { get; set; }

    public PersonalData PersonalData { get; set; }

    /// <summary>The secrecy provision that applies, e.g. "OSL 26 kap. 1 §"; null when none.</summary>
    public string? SecrecyReference { get; set; }

    /// <summary>
    /// The set falls under the protective security act (säkerhetsskydd). Tillit only records the flag;
    /// such content is never stored here and needs its own analysis.
    /// </summary>
    public bool ProtectiveSecurity { get; set; }
}

/// <summary>The set is held in the system (a set may be held in several).</summary>
public sealed class InformationSetSystem : Entity
{
    private InformationSetSystem()
    {
    }

    public InformationSetSystem(Guid organisationId, Guid setId, Guid systemId)
        : base(organisationId)
    {
        SetId = setId;
        SystemId = systemId;
    }

    public Guid SetId { get; private set; }

    public Guid SystemId { get; private set; }
}
