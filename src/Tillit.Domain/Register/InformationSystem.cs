using Tillit.Domain.Common;

namespace Tillit.Domain.Register;

/// <summary>Automated (software) or manual (a paper archive, a routine on forms). Values are stored.</summary>
public enum SystemForm
{
    Automated = 0,
    Manual = 1,
}

/// <summary>Where the system runs. Values are stored.</summary>
public enum Hosting
{
    OwnOperation = 0,
    SharedService = 1,
    SupplierHosted = 2,
    Cloud = 3,
    NotApplicable = 4,
}

/// <summary>Where the system is in its life. Values are stored.</summary>
public enum Lifecycle
{
    Planned = 0,
    InUse = 1,
    PhasingOut = 2,
    Retired = 3,
}

/// <summary>
/// An information system in the register, automated or manual. Its owner is not a field: it is the
/// current system-scoped <c>SystemOwner</c> role assignment (see docs/decisions.md). Its protection need
/// is derived from the classifications of the sets it holds and kept here so lists can filter and
/// sort by it; <see cref="SetProtectionNeed"/> is the only way it changes.
/// </summary>
public sealed class InformationSystem : Entity
{
    private InformationSystem()
    {
        Name = string.Empty;
        Purpose = string.Empty;
    }

    public InformationSystem(Guid organisationId, string name, string purpose, Guid unitId, SystemForm form)
        : base(organisationId)
    {
        Name = name;
        Purpose = purpose;
        UnitId = unitId;
        Form = form;
        Lifecycle = Lifecycle.InUse;
        Hosting = form == SystemForm.Manual ? Hosting.NotApplicable : Hosting.OwnOperation;
    }

    public string Name { get; set; }

    public string Purpose { get; set; }

    /// <summary>The unit whose operations the system serves.</summary>
    public Guid UnitId { get; set; }

    public SystemForm Form { get; set; }

    public bool ImportantToOperations { get; set; }

    public Hosting Hosting { get; set; }

    public Lifecycle Lifecycle { get; set; }

    /// <summary>The supplier, if any (free text until the agreement register exists).</summary>
    public string? Supplier { get; set; }

    /// <summary>The derived protection need; null when none of its sets is classified.</summary>
    public ConsequenceLevel? NeedConfidentiality { get; private set; }

    public ConsequenceLevel? NeedIntegrity { get; private set; }

    public ConsequenceLevel? NeedAvailability { get; private set; }

    public ConsequenceLevel? NeedTraceability { get; private set; }

    /// <summary>The highest level over the four aspects (for filtering and sorting), null when unclassified.</summary>
    public ConsequenceLevel? NeedHighest { get; private set; }

    public ProtectionNeed? ProtectionNeed =>
        NeedConfidentiality is { } k && NeedIntegrity is { } r && NeedAvailability is { } t && NeedTraceability is { } s
            ? new ProtectionNeed(k, r, t, s)
            : null;

    public void SetProtectionNeed(ProtectionNeed? need)
    {
        NeedConfidentiality = need?.Confidentiality;
        NeedIntegrity = need?.Integrity;
        NeedAvailability = need?.Availability;
        NeedTraceability = need?.Traceability;
        NeedHighest = need?.Highest;
    }
}

/// <summary>System A depends on system B (B's outage or error affects A).</summary>
public sealed class SystemDependency : Entity
{
    private SystemDependency()
    {
    }

    public SystemDependency(Guid organisationId, Guid systemId, Guid dependsOnId)
        : base(organisationId)
    {
        if (systemId == dependsOnId)
        {
            throw new DomainRuleException("System.DependsOnItself", "DependsOn");
        }

        SystemId = systemId;
        DependsOnId = dependsOnId;
    }

    public Guid SystemId { get; private set; }

    public Guid DependsOnId { get; private set; }
}
