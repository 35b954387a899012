using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Access;
using Tillit.Domain.Common;
using Tillit.Domain.Documents;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Documents;

/// <summary>
/// Confirmations (kvittenser) and the campaigns that ask for them: each person confirms a current
/// version they have read; the security officer asks an audience (everyone, units, roles) to do so by
/// a date. The one place these rules apply; pages and API call it.
/// </summary>
public sealed class AcknowledgementWork(TillitDbContext db, CurrentUser user, TimeProvider clock)
{
    public sealed record CampaignCommand(AudienceKind? AudienceKind, IReadOnlyList<Guid>? UnitIds, IReadOnlyList<Role>? Roles, DateOnly? DueDate);

    /// <summary>The signed-in person confirms that they have read a current version. Confirming twice changes nothing.</summary>
    public async Task<Outcome<Guid>> HandleAsync(Guid documentId, Guid versionId, CancellationToken cancellationToken)
    {
        var version = await db.DocumentVersions.FirstOrDefaultAsync(v => v.Id == versionId && v.DocumentId == documentId, cancellationToken);
        if (version is null)
        {
            return Outcome<Guid>.NotFound();
        }

        if (user.PersonId is not { } personId)
        {
            return Outcome<Guid>.Forbidden();
        }

        var existing = await db.Acknowledgements.Where(a => a.PersonId == personId && a.VersionId == versionId).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return Outcome<Guid>.Ok(id);
        }

        try
        {
            var acknowledgement = new Acknowledgement(version.OrganisationId, personId, version, clock.GetUtcNow().UtcDateTime);
            db.Acknowledgements.Add(acknowledgement);
            await db.SaveChangesAsync(cancellationToken);
            return Outcome<Guid>.Ok(acknowledgement.Id);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(string.Empty, rule.MessageKey);
        }
        catch (DbUpdateException)
        {
            // The same person confirmed the same version in a parallel request: the confirmation stands.
            return Outcome<Guid>.Ok(versionId);
        }
    }

    /// <summary>Starts a campaign for the document's current version.</summary>
    public async Task<Outcome<Guid>> CreateAsync(Guid documentId, CampaignCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var document = await db.Documents.Include(d => d.Versions.Where(v => v.Status == DocumentStatus.Current)).FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
        {
            return Outcome<Guid>.NotFound();
        }

        if (!await user.HasOrganisationWideAsync(Permissions.DocumentsCampaigns, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = new Validator()
            .Defined(nameof(CampaignCommand.AudienceKind), command.AudienceKind)
            .Check(command.DueDate is not null, nameof(CampaignCommand.DueDate), "Validation.Required");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        var unitIds = command.UnitIds?.Distinct().ToList() ?? [];
        if (unitIds.Count > 0 && await db.Units.CountAsync(u => unitIds.Contains(u.Id), cancellationToken) != unitIds.Count)
        {
            return Outcome<Guid>.Invalid(nameof(CampaignCommand.UnitIds), "Document.UnitUnknown");
        }

        if (command.Roles?.Any(r => !Enum.IsDefined(r)) == true)
        {
            return Outcome<Guid>.Invalid(nameof(CampaignCommand.Roles), "Validation.InvalidValue");
        }

        if (document.Current is not { } current)
        {
            return Outcome<Guid>.Invalid(string.Empty, "Campaign.VersionNotCurrent");
        }

        try
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var campaign = AcknowledgementCampaign.Start(document, current, command.AudienceKind!.Value, unitIds, command.Roles ?? [], today, command.DueDate!.Value, user.PersonId!.Value);
            db.AcknowledgementCampaigns.Add(campaign);
            await db.SaveChangesAsync(cancellationToken);
            return Outcome<Guid>.Ok(campaign.Id);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }
    }
}
