using System.Text.RegularExpressions;
using Tillit.Domain.Common;
using Tillit.Domain.Register;

namespace Tillit.Domain.Requirements;

/// <summary>The topic a requirement belongs to, for grouping and filtering the catalogue. Values are stored.</summary>
public enum RequirementArea
{
    Governance = 0,
    AccessControl = 1,
    Logging = 2,
    Backup = 3,
    Encryption = 4,
    Suppliers = 5,
    Continuity = 6,
    Vulnerabilities = 7,
    Training = 8,
    Incidents = 9,
    Network = 10,
    Physical = 11,
    Development = 12,
    Records = 13,
}

/// <summary>
/// One entry of the organisation's requirement catalogue (kravkatalog): a security requirement in the
/// organisation's own words, the aspect and the level from which it applies, and where it maps in
/// ISO/IEC 27001:2022 Annex A and in NIS2 Art. 21(2). A system's protection need selects the active
/// requirements (see <see cref="AppliesTo"/>).
/// </summary>
public sealed partial class Requirement : Entity
{
    private Requirement()
    {
        Code = Title = Description = IsoControls = Nis2Areas = string.Empty;
    }

    public Requirement(Guid organisationId, string code, string title, string description, Aspect aspect, ConsequenceLevel fromLevel, RequirementArea area, string isoControls, string nis2Areas)
        : base(organisationId)
    {
        Code = Title = Description = IsoControls = Nis2Areas = string.Empty;
        Change(code, title, null, description, aspect, fromLevel, area, isoControls, nis2Areas);
        IsActive = true;
    }

    /// <summary>The organisation's short code, unique in its catalogue ("BEH-01").</summary>
    public string Code { get; private set; }

    /// <summary>The title in Swedish.</summary>
    public string Title { get; private set; }

    /// <summary>The title in English, when given (shown in the English interface).</summary>
    public string? TitleEn { get; private set; }

    /// <summary>What the requirement asks, in the organisation's own words (Swedish).</summary>
    public string Description { get; private set; }

    public Aspect Aspect { get; private set; }

    /// <summary>The lowest level of the aspect at which the requirement applies (1–4).</summary>
    public ConsequenceLevel FromLevel { get; private set; }

    public RequirementArea Area { get; private set; }

    /// <summary>ISO/IEC 27001:2022 Annex A controls, normalised as "A.5.15, A.8.2" (numbers only, no text).</summary>
    public string IsoControls { get; private set; }

    /// <summary>NIS2 Art. 21(2) points as letters a–j, normalised as "d, i".</summary>
    public string Nis2Areas { get; private set; }

    /// <summary>An inactive requirement stays in the catalogue (and in old assessments) but selects no system.</summary>
    public bool IsActive { get; private set; }

    /// <summary>
    /// The rule of selection: an active requirement applies to a system whose protection need on the
    /// requirement's aspect is at least <see cref="FromLevel"/>. No protection need (nothing classified)
    /// or level 0 selects nothing, because <see cref="FromLevel"/> is at least 1.
    /// </summary>
    public bool AppliesTo(ProtectionNeed? need) => IsActive && need is { } n && n[Aspect] >= FromLevel;

    /// <summary>The requirements of a catalogue that a system with the given protection need must meet, by code.</summary>
    public static IReadOnlyList<Requirement> SelectFor(IEnumerable<Requirement> catalogue, ProtectionNeed? need)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return [.. catalogue.Where(r => r.AppliesTo(need)).OrderBy(r => r.Code, StringComparer.Ordinal)];
    }

    public void Change(string code, string title, string? titleEn, string description, Aspect aspect, ConsequenceLevel fromLevel, RequirementArea area, string isoControls, string nis2Areas)
    {
        if (string.IsNullOrWhiteSpace(code) || !CodePattern().IsMatch(code.Trim()))
        {
            throw new DomainRuleException("Requirement.CodeFormat", nameof(Code));
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("Validation.Required", nameof(Title));
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            throw new DomainRuleException("Validation.Required", nameof(Description));
        }

        if (!Enum.IsDefined(aspect))
        {
            throw new DomainRuleException("Validation.InvalidValue", nameof(Aspect));
        }

        if (fromLevel is < ConsequenceLevel.Moderate or > ConsequenceLevel.VerySerious)
        {
            throw new DomainRuleException("Requirement.FromLevelRange", nameof(FromLevel));
        }

        if (!Enum.IsDefined(area))
        {
            throw new DomainRuleException("Validation.InvalidValue", nameof(Area));
        }

        Code = code.Trim().ToUpperInvariant();
        Title = title.Trim();
        TitleEn = string.IsNullOrWhiteSpace(titleEn) ? null : titleEn.Trim();
        Description = description.Trim();
        Aspect = aspect;
        FromLevel = fromLevel;
        Area = area;
        IsoControls = NormaliseIso(isoControls) ?? throw new DomainRuleException("Requirement.IsoFormat", nameof(IsoControls));
        Nis2Areas = NormaliseNis2(nis2Areas) ?? throw new DomainRuleException("Requirement.Nis2Format", nameof(Nis2Areas));
    }

    public void SetActive(bool active) => IsActive = active;

    /// <summary>"a.8.13 ,A.5.15" becomes "A.5.15, A.8.13"; null when a part is not an Annex A number (A.5.1–A.5.37, A.6.1–A.6.8, A.7.1–A.7.14, A.8.1–A.8.34).</summary>
    public static string? NormaliseIso(string? text)
    {
        var parts = Split(text);
        var result = new List<(int Theme, int Number)>();
        foreach (var part in parts)
        {
            var m = IsoPattern().Match(part);
            if (!m.Success)
            {
                return null;
            }

            var theme = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var number = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            var max = theme switch { 5 => 37, 6 => 8, 7 => 14, 8 => 34, _ => 0 };
            if (number < 1 || number > max)
            {
                return null;
            }

            result.Add((theme, number));
        }

        return string.Join(", ", result.Distinct().OrderBy(x => x.Theme).ThenBy(x => x.Number).Select(x => $"A.{x.Theme}.{x.Number}"));
    }

    /// <summary>"i, D" becomes "d, i"; null when a part is not a letter a–j of Art. 21(2).</summary>
    public static string? NormaliseNis2(string? text)
    {
        var parts = Split(text).Select(p => p.Trim('(', ')').ToLowerInvariant()).ToList();
        if (parts.Any(p => p.Length != 1 || p[0] is < 'a' or > 'j'))
        {
            return null;
        }

        return string.Join(", ", parts.Distinct().Order(StringComparer.Ordinal));
    }

    private static string[] Split(string? text) =>
        (text ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"^[A-Z0-9ÅÄÖ]{1,8}-[0-9]{1,3}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^[Aa]\.([5-8])\.([0-9]{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();
}

/// <summary>How far a system meets a requirement. Values are stored.</summary>
public enum AssessmentStatus
{
    Met = 0,
    PartlyMet = 1,
    NotMet = 2,
    NotApplicable = 3,
}

/// <summary>
/// The system owner's (or the security officer's) assessment of one requirement for one system: met,
/// partly, not met or not applicable, and how (or why not). One record per system and requirement,
/// changed in place; its history is the audit trail.
/// </summary>
public sealed class RequirementAssessment : Entity
{
    private RequirementAssessment()
    {
        How = string.Empty;
    }

    public RequirementAssessment(Guid organisationId, Guid systemId, Guid requirementId, AssessmentStatus status, string how, Guid assessedById, DateOnly assessedOn)
        : base(organisationId)
    {
        How = string.Empty;
        SystemId = systemId;
        RequirementId = requirementId;
        Record(status, how, assessedById, assessedOn);
    }

    public Guid SystemId { get; private set; }

    public Guid RequirementId { get; private set; }

    public AssessmentStatus Status { get; private set; }

    /// <summary>How the requirement is met, what is missing, or why it does not apply.</summary>
    public string How { get; private set; }

    public Guid AssessedById { get; private set; }

    public DateOnly AssessedOn { get; private set; }

    /// <summary>A gap worth a measure: not met, or only partly.</summary>
    public bool IsGap => Status is AssessmentStatus.NotMet or AssessmentStatus.PartlyMet;

    public void Record(AssessmentStatus status, string how, Guid assessedById, DateOnly assessedOn)
    {
        if (!Enum.IsDefined(status))
        {
            throw new DomainRuleException("Validation.InvalidValue", nameof(Status));
        }

        if (string.IsNullOrWhiteSpace(how))
        {
            throw new DomainRuleException("Assessment.HowRequired", nameof(How));
        }

        Status = status;
        How = how.Trim();
        AssessedById = assessedById;
        AssessedOn = assessedOn;
    }
}
