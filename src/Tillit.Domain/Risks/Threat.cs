using Tillit.Domain.Common;

namespace Tillit.Domain.Risks;

/// <summary>
/// An entry of the organisation's threat catalogue (hotkatalog): a name, what it is, and the aspects it usually
/// touches. Risks pick a threat from it; the security officer keeps it, and retires rather than deletes an entry
/// that risks already use.
/// </summary>
public sealed class Threat : Entity
{
    public const int NameLength = 200;
    public const int TextLength = 2000;

    private Threat()
    {
        Code = Name = NameEn = Description = DescriptionEn = string.Empty;
    }

    public Threat(Guid organisationId, string code, string name, string nameEn, string description, string descriptionEn, RiskAspects aspects)
        : base(organisationId)
    {
        Code = Name = NameEn = Description = DescriptionEn = string.Empty;
        IsActive = true;
        Change(code, name, nameEn, description, descriptionEn, aspects, true);
    }

    /// <summary>Short and unique within the organisation (e.g. "HOT-01").</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public string NameEn { get; private set; }

    public string Description { get; private set; }

    public string DescriptionEn { get; private set; }

    public RiskAspects Aspects { get; private set; }

    /// <summary>False: kept for the risks that use it, but not offered for new ones.</summary>
    public bool IsActive { get; private set; }

    public void Change(string code, string name, string nameEn, string description, string descriptionEn, RiskAspects aspects, bool isActive)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new DomainRuleException("Validation.Required", nameof(Code));
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("Validation.Required", nameof(Name));
        }

        if (aspects == RiskAspects.None || (aspects & ~(RiskAspects.Confidentiality | RiskAspects.Integrity | RiskAspects.Availability | RiskAspects.Traceability)) != 0)
        {
            throw new DomainRuleException("Risk.AspectsRequired", nameof(Aspects));
        }

        Code = code.Trim();
        Name = name.Trim();
        NameEn = (nameEn ?? string.Empty).Trim();
        Description = (description ?? string.Empty).Trim();
        DescriptionEn = (descriptionEn ?? string.Empty).Trim();
        Aspects = aspects;
        IsActive = isActive;
    }
}
