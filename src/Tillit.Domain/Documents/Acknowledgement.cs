using Tillit.Domain.Access;
using Tillit.Domain.Common;

namespace Tillit.Domain.Documents;

/// <summary>Who a campaign asks: everyone, the people of some units (and their sub-units), or the holders of some roles. Stored.</summary>
public enum AudienceKind
{
    Everyone = 0,
    Units = 1,
    Roles = 2,
}

/// <summary>
/// A request to an audience to confirm (kvittera) that they have read a current document by a date.
/// A round is tied to the major version that started it: a confirmation of that version or of a later
/// minor version counts; a new major version closes the round and starts the next one.
/// </summary>
public sealed class AcknowledgementCampaign : Entity
{
    private readonly List<CampaignAudience> _audience = [];

    private AcknowledgementCampaign()
    {
    }

    private AcknowledgementCampaign(Guid organisationId, Guid documentId, Guid versionId, int baseNumber, int round, AudienceKind kind, DateOnly startedOn, DateOnly dueDate, Guid startedById, Guid? previousId)
        : base(organisationId)
    {
        DocumentId = documentId;
        VersionId = versionId;
        BaseNumber = baseNumber;
        Round = round;
        AudienceKind = kind;
        StartedOn = startedOn;
        DueDate = dueDate;
        StartedById = startedById;
        PreviousId = previousId;
    }

    public Guid DocumentId { get; private set; }

    /// <summary>The major version this round asks people to confirm.</summary>
    public Guid VersionId { get; private set; }

    /// <summary>That version's number: confirmations of this number or higher count.</summary>
    public int BaseNumber { get; private set; }

    public int Round { get; private set; }

    public AudienceKind AudienceKind { get; private set; }

    public DateOnly StartedOn { get; private set; }

    public DateOnly DueDate { get; private set; }

    public Guid StartedById { get; private set; }

    public Guid? PreviousId { get; private set; }

    /// <summary>When the round was closed (by a newer major version or by hand); null while open.</summary>
    public DateOnly? ClosedOn { get; private set; }

    public IReadOnlyList<CampaignAudience> Audience => _audience;

    public bool IsOpen => ClosedOn is null;

    /// <summary>Starts the first round for the current version of a document.</summary>
    public static AcknowledgementCampaign Start(
        GoverningDocument document, DocumentVersion version, AudienceKind kind, IReadOnlyCollection<Guid> unitIds, IReadOnlyCollection<Role> roles, DateOnly today, DateOnly dueDate, Guid startedById)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(unitIds);
        ArgumentNullException.ThrowIfNull(roles);
        if (version.DocumentId != document.Id || version.Status != DocumentStatus.Current)
        {
            throw new DomainRuleException("Campaign.VersionNotCurrent");
        }

        if (dueDate <= today)
        {
            throw new DomainRuleException("Campaign.DueInPast", nameof(DueDate));
        }

        var campaign = new AcknowledgementCampaign(document.OrganisationId, document.Id, version.Id, version.Number, 1, kind, today, dueDate, startedById, null);
        campaign.SetAudience(kind, unitIds, roles);
        return campaign;
    }

    /// <summary>
    /// A new major version was decided: this round closes and the next asks the same audience to
    /// confirm the new version, with as many days to do so as this round gave.
    /// </summary>
    public AcknowledgementCampaign NextRound(DocumentVersion version, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!IsOpen)
        {
            throw new DomainRuleException("Campaign.Closed");
        }

        if (version.DocumentId != DocumentId || version.Status != DocumentStatus.Current || !version.IsMajorChange || version.Number <= BaseNumber)
        {
            throw new DomainRuleException("Campaign.VersionNotCurrent");
        }

        var days = Math.Max(1, DueDate.DayNumber - StartedOn.DayNumber);
        var next = new AcknowledgementCampaign(OrganisationId, DocumentId, version.Id, version.Number, Round + 1, AudienceKind, today, today.AddDays(days), StartedById, Id);
        next.SetAudience(AudienceKind, _audience.Where(a => a.UnitId is not null).Select(a => a.UnitId!.Value).ToList(), _audience.Where(a => a.Role is not null).Select(a => a.Role!.Value).ToList());
        ClosedOn = today;
        return next;
    }

    public void Close(DateOnly today)
    {
        if (!IsOpen)
        {
            throw new DomainRuleException("Campaign.Closed");
        }

        ClosedOn = today;
    }

    /// <summary>Whether a confirmation of the given version number of the campaign's document counts in this round.</summary>
    public bool Counts(int versionNumber) => versionNumber >= BaseNumber;

    /// <summary>Whether a person (their unit's path and active roles) belongs to the audience; unit paths of the audience given.</summary>
    public bool Includes(string personUnitPath, IReadOnlySet<Role> personRoles, IReadOnlyCollection<string> audienceUnitPaths)
    {
        ArgumentNullException.ThrowIfNull(personUnitPath);
        ArgumentNullException.ThrowIfNull(personRoles);
        ArgumentNullException.ThrowIfNull(audienceUnitPaths);
        return AudienceKind switch
        {
            AudienceKind.Everyone => true,
            AudienceKind.Units => audienceUnitPaths.Any(p => personUnitPath.StartsWith(p, StringComparison.Ordinal)),
            _ => _audience.Any(a => a.Role is { } r && personRoles.Contains(r)),
        };
    }

    private void SetAudience(AudienceKind kind, IReadOnlyCollection<Guid> unitIds, IReadOnlyCollection<Role> roles)
    {
        switch (kind)
        {
            case AudienceKind.Everyone:
                break;
            case AudienceKind.Units:
                if (unitIds.Count == 0)
                {
                    throw new DomainRuleException("Campaign.AudienceEmpty", "UnitIds");
                }

                _audience.AddRange(unitIds.Distinct().Select(u => new CampaignAudience(OrganisationId, Id, u, null)));
                break;
            case AudienceKind.Roles:
                if (roles.Count == 0)
                {
                    throw new DomainRuleException("Campaign.AudienceEmpty", "Roles");
                }

                _audience.AddRange(roles.Distinct().Select(r => new CampaignAudience(OrganisationId, Id, null, r)));
                break;
            default:
                throw new DomainRuleException("Validation.InvalidValue", nameof(AudienceKind));
        }
    }
}

/// <summary>One unit or one role of a campaign's audience.</summary>
public sealed class CampaignAudience : Entity
{
    private CampaignAudience()
    {
    }

    internal CampaignAudience(Guid organisationId, Guid campaignId, Guid? unitId, Role? role)
        : base(organisationId)
    {
        CampaignId = campaignId;
        UnitId = unitId;
        Role = role;
    }

    public Guid CampaignId { get; private set; }

    public Guid? UnitId { get; private set; }

    public Role? Role { get; private set; }
}

/// <summary>A person's confirmation that they have read one version of a document.</summary>
public sealed class Acknowledgement : Entity
{
    private Acknowledgement()
    {
    }

    public Acknowledgement(Guid organisationId, Guid personId, DocumentVersion version, DateTime confirmedUtc)
        : base(organisationId)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.Status != DocumentStatus.Current)
        {
            throw new DomainRuleException("Acknowledgement.VersionNotCurrent");
        }

        PersonId = personId;
        DocumentId = version.DocumentId;
        VersionId = version.Id;
        VersionNumber = version.Number;
        ConfirmedUtc = confirmedUtc;
    }

    public Guid PersonId { get; private set; }

    public Guid DocumentId { get; private set; }

    public Guid VersionId { get; private set; }

    public int VersionNumber { get; private set; }

    public DateTime ConfirmedUtc { get; private set; }
}

/// <summary>
/// A reminder mailed to one person of a campaign's audience who had not yet confirmed: at most one per
/// person and campaign round. The row is written (claimed) before the mail goes out and removed again
/// if sending fails, so the next run tries once more.
/// </summary>
public sealed class CampaignReminder : Entity
{
    private CampaignReminder()
    {
    }

    public CampaignReminder(Guid organisationId, Guid campaignId, Guid personId, DateTime sentUtc)
        : base(organisationId)
    {
        CampaignId = campaignId;
        PersonId = personId;
        SentUtc = sentUtc;
    }

    public Guid CampaignId { get; private set; }

    public Guid PersonId { get; private set; }

    public DateTime SentUtc { get; private set; }
}
