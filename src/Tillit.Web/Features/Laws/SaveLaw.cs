using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Common;
using Tillit.Domain.Laws;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Laws;

/// <summary>Adds an entry to the legal register or changes one, with the units and systems it applies to (laws.manage, organisation-wide).</summary>
public sealed class SaveLaw(TillitDbContext db, CurrentUser user)
{
    /// <summary>The most units or systems one entry may name (a rule for everyone names none: it applies to all).</summary>
    public const int MaxLinks = 500;

    /// <param name="Reference">How the rule is cited: "SFS 2009:400", "(EU) 2016/679"; unique in the register.</param>
    /// <param name="Kind">Law, Ordinance, EuRegulation, AgencyRegulation or Other.</param>
    /// <param name="Title">Swedish title.</param>
    /// <param name="TitleEn">English title (optional).</param>
    /// <param name="Demands">What the rule demands of the organisation, in its own words.</param>
    /// <param name="DemandsEn">The same in English (optional).</param>
    /// <param name="ResponsibleId">The person who follows the rule; required with a review date.</param>
    /// <param name="NextReview">When the entry is reviewed next; the responsible person is reminded before.</param>
    /// <param name="Compliance">NotAssessed, Compliant, PartlyCompliant, NotCompliant or NotApplicable.</param>
    /// <param name="ComplianceComment">Why; required when partly or not compliant.</param>
    /// <param name="Units">Units whose operations the rule applies to (none: the whole organisation).</param>
    /// <param name="Systems">Information systems the rule applies to.</param>
    /// <param name="Version">The version read, when changing.</param>
    public sealed record Command(
        string? Reference,
        LegalKind? Kind,
        string? Title,
        string? TitleEn,
        string? Demands,
        string? DemandsEn,
        Guid? ResponsibleId,
        DateOnly? NextReview,
        ComplianceStatus? Compliance,
        string? ComplianceComment,
        IReadOnlyList<Guid>? Units,
        IReadOnlyList<Guid>? Systems,
        int? Version = null);

    public async Task<Outcome<Guid>> CreateAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await user.HasOrganisationWideAsync(Permissions.LawsManage, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = await ValidateAsync(command, null, cancellationToken);
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        LegalRequirement law;
        try
        {
            law = new LegalRequirement(user.OrganisationId!.Value, command.Reference!, command.Kind!.Value, command.Title!, command.Demands!);
            Apply(law, command);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }

        db.LegalRequirements.Add(law);
        LinkAll(law, command, [], []);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(law.Id);
    }

    public async Task<Outcome<Guid>> UpdateAsync(Guid id, Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var law = await db.LegalRequirements.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (law is null)
        {
            return Outcome<Guid>.NotFound();
        }

        if (!await user.HasOrganisationWideAsync(Permissions.LawsManage, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = (await ValidateAsync(command, id, cancellationToken)).Check(command.Version is not null, nameof(Command.Version), "Validation.Required");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        db.Entry(law).Property(l => l.Version).OriginalValue = command.Version!.Value;
        try
        {
            Apply(law, command);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }

        var units = await db.LegalRequirementUnits.Where(x => x.LegalRequirementId == id).ToListAsync(cancellationToken);
        var systems = await db.LegalRequirementSystems.Where(x => x.LegalRequirementId == id).ToListAsync(cancellationToken);
        LinkAll(law, command, units, systems);

        // The links are rows of their own; the entry's version moves with them so a stale form is refused.
        if (db.Entry(law).State == EntityState.Unchanged)
        {
            db.Entry(law).Property(l => l.Version).IsModified = true;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict();
        }

        return Outcome<Guid>.Ok(id);
    }

    private static void Apply(LegalRequirement law, Command command)
    {
        law.Change(command.Reference!, command.Kind!.Value, command.Title!, command.TitleEn, command.Demands!, command.DemandsEn);
        law.Plan(command.ResponsibleId, command.NextReview);
        law.Assess(command.Compliance ?? ComplianceStatus.NotAssessed, command.ComplianceComment);
    }

    private void LinkAll(LegalRequirement law, Command command, List<LegalRequirementUnit> units, List<LegalRequirementSystem> systems)
    {
        var wantedUnits = (command.Units ?? []).ToHashSet();
        db.LegalRequirementUnits.RemoveRange(units.Where(u => !wantedUnits.Contains(u.UnitId)));
        foreach (var unitId in wantedUnits.Where(u => units.All(x => x.UnitId != u)))
        {
            db.LegalRequirementUnits.Add(new LegalRequirementUnit(law.OrganisationId, law.Id, unitId));
        }

        var wantedSystems = (command.Systems ?? []).ToHashSet();
        db.LegalRequirementSystems.RemoveRange(systems.Where(s => !wantedSystems.Contains(s.SystemId)));
        foreach (var systemId in wantedSystems.Where(s => systems.All(x => x.SystemId != s)))
        {
            db.LegalRequirementSystems.Add(new LegalRequirementSystem(law.OrganisationId, law.Id, systemId));
        }
    }

    private async Task<Validator> ValidateAsync(Command command, Guid? id, CancellationToken cancellationToken)
    {
        var errors = new Validator()
            .Required(nameof(Command.Reference), command.Reference, LegalRequirement.ReferenceLength)
            .Defined(nameof(Command.Kind), command.Kind)
            .Required(nameof(Command.Title), command.Title, LegalRequirement.TitleLength)
            .Optional(nameof(Command.TitleEn), command.TitleEn, LegalRequirement.TitleLength)
            .Required(nameof(Command.Demands), command.Demands, LegalRequirement.TextLength)
            .Optional(nameof(Command.DemandsEn), command.DemandsEn, LegalRequirement.TextLength)
            .Optional(nameof(Command.ComplianceComment), command.ComplianceComment, LegalRequirement.TextLength);
        if (command.Compliance is { } status)
        {
            errors.Check(Enum.IsDefined(status), nameof(Command.Compliance), "Validation.InvalidValue");
            errors.Check(status is not (ComplianceStatus.PartlyCompliant or ComplianceStatus.NotCompliant) || !string.IsNullOrWhiteSpace(command.ComplianceComment), nameof(Command.ComplianceComment), "Law.CommentRequired");
        }

        errors.Check(command.NextReview is null || command.ResponsibleId is not null, nameof(Command.ResponsibleId), "Law.ReviewNeedsResponsible");
        var units = (command.Units ?? []).Distinct().ToList();
        var systems = (command.Systems ?? []).Distinct().ToList();
        errors.Check(units.Count <= MaxLinks, nameof(Command.Units), "Law.TooManyLinks", MaxLinks);
        errors.Check(systems.Count <= MaxLinks, nameof(Command.Systems), "Law.TooManyLinks", MaxLinks);
        if (!errors.IsValid)
        {
            return errors;
        }

        var reference = command.Reference!.Trim();
        errors.Check(!await db.LegalRequirements.AnyAsync(l => l.Reference == reference && l.Id != id, cancellationToken), nameof(Command.Reference), "Law.ReferenceTaken");
        if (command.ResponsibleId is { } responsible)
        {
            errors.Check(await db.People.AnyAsync(p => p.Id == responsible && p.IsActive, cancellationToken), nameof(Command.ResponsibleId), "Validation.InvalidValue");
        }

        // The tenant filter makes another organisation's ids count as missing.
        if (units.Count > 0)
        {
            errors.Check(await db.Units.CountAsync(u => units.Contains(u.Id), cancellationToken) == units.Count, nameof(Command.Units), "Validation.InvalidValue");
        }

        if (systems.Count > 0)
        {
            errors.Check(await db.InformationSystems.CountAsync(s => systems.Contains(s.Id), cancellationToken) == systems.Count, nameof(Command.Systems), "Validation.InvalidValue");
        }

        return errors;
    }
}
