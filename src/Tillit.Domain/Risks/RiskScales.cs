using Tillit.Domain.Common;

namespace Tillit.Domain.Risks;

/// <summary>The named band a risk level falls in. Values are stored; never renumber.</summary>
public enum RiskBand
{
    Low = 0,
    Medium = 1,
    High = 2,
    VeryHigh = 3,
}

/// <summary>What is done about a risk. Values are stored; never renumber.</summary>
public enum RiskTreatment
{
    Accept = 0,
    Reduce = 1,
    Avoid = 2,
    Transfer = 3,
}

/// <summary>The aspects a threat or a risk touches, as flags (one column). Values are stored.</summary>
[Flags]
public enum RiskAspects
{
    None = 0,
    Confidentiality = 1,
    Integrity = 2,
    Availability = 4,
    Traceability = 8,
}

/// <summary>The 4×4 scale: likelihood 1–4 times consequence 1–4 gives a level 1–16.</summary>
public static class RiskLevel
{
    public const int Min = 1;
    public const int Max = 4;

    public static bool IsStep(int value) => value is >= Min and <= Max;

    /// <summary>Likelihood × consequence; each must be a step 1–4.</summary>
    public static int Of(int likelihood, int consequence)
    {
        if (!IsStep(likelihood))
        {
            throw new DomainRuleException("Risk.StepOutOfRange", "Likelihood");
        }

        if (!IsStep(consequence))
        {
            throw new DomainRuleException("Risk.StepOutOfRange", "Consequence");
        }

        return likelihood * consequence;
    }
}

/// <summary>
/// Where the bands of an organisation end: a level up to <see cref="LowMax"/> is låg, up to
/// <see cref="MediumMax"/> medel, up to <see cref="HighMax"/> hög, above that extremt hög. The
/// default is 1–2, 3–6, 8–12, 16.
/// </summary>
public sealed record RiskBands(int LowMax, int MediumMax, int HighMax)
{
    public static RiskBands Default { get; } = new(2, 6, 12);

    /// <summary>Each band holds at least one level and the highest band at least level 16.</summary>
    public bool IsValid => LowMax >= 1 && MediumMax > LowMax && HighMax > MediumMax && HighMax < 16;

    public RiskBand BandOf(int level) =>
        level <= LowMax ? RiskBand.Low : level <= MediumMax ? RiskBand.Medium : level <= HighMax ? RiskBand.High : RiskBand.VeryHigh;

    public RiskBand BandOf(int likelihood, int consequence) => BandOf(RiskLevel.Of(likelihood, consequence));
}

/// <summary>Who is accepting a residual risk, by the authority the acceptance criteria know.</summary>
public enum RiskAcceptor
{
    /// <summary>Neither: the acceptance is refused whatever the level.</summary>
    None = 0,

    /// <summary>The owner of a system the analysis covers.</summary>
    SystemOwner = 1,

    /// <summary>The municipal director (kommundirektören), who may accept any level.</summary>
    MunicipalDirector = 2,
}

/// <summary>
/// An organisation's rules for risk analysis: its bands, up to which band a system owner may accept a residual
/// risk (above it only the municipal director may), and how old an approved analysis of an important system may
/// be. One row per organisation; absent means the defaults.
/// </summary>
public sealed class RiskSettings : Entity
{
    public const int DefaultMaxAgeMonths = 12;

    private RiskSettings()
    {
    }

    public RiskSettings(Guid organisationId)
        : base(organisationId)
    {
        Change(RiskBands.Default, RiskBand.Medium, DefaultMaxAgeMonths);
    }

    public int LowMax { get; private set; }

    public int MediumMax { get; private set; }

    public int HighMax { get; private set; }

    /// <summary>The highest residual band a system owner may accept.</summary>
    public RiskBand SystemOwnerMaxBand { get; private set; }

    /// <summary>Months an approved analysis of an important system holds before it is overdue.</summary>
    public int MaxAgeMonths { get; private set; }

    public RiskBands Bands => new(LowMax, MediumMax, HighMax);

    public void Change(RiskBands bands, RiskBand systemOwnerMaxBand, int maxAgeMonths)
    {
        ArgumentNullException.ThrowIfNull(bands);
        if (!bands.IsValid)
        {
            throw new DomainRuleException("Risk.BandsInvalid", nameof(LowMax));
        }

        if (!Enum.IsDefined(systemOwnerMaxBand))
        {
            throw new DomainRuleException("Validation.InvalidValue", nameof(SystemOwnerMaxBand));
        }

        if (maxAgeMonths is < 1 or > 60)
        {
            throw new DomainRuleException("Risk.MaxAgeInvalid", nameof(MaxAgeMonths));
        }

        (LowMax, MediumMax, HighMax) = (bands.LowMax, bands.MediumMax, bands.HighMax);
        SystemOwnerMaxBand = systemOwnerMaxBand;
        MaxAgeMonths = maxAgeMonths;
    }

    /// <summary>The defaults, for an organisation without a row of its own.</summary>
    public static RiskSettings DefaultFor(Guid organisationId) => new(organisationId);

    /// <summary>Whether the acceptor may accept a residual risk in the band.</summary>
    public bool MayAccept(RiskAcceptor acceptor, RiskBand band) => acceptor switch
    {
        RiskAcceptor.MunicipalDirector => true,
        RiskAcceptor.SystemOwner => band <= SystemOwnerMaxBand,
        _ => false,
    };
}
