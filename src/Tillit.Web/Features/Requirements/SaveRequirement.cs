using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Common;
using Tillit.Domain.Register;
using Tillit.Domain.Requirements;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Requirements;

/// <summary>Adds a requirement to the catalogue or changes one; the security officer's work (requirements.manage, organisation-wide).</summary>
public sealed class SaveRequirement(TillitDbContext db, CurrentUser user)
{
    /// <param name="Code">Short code, letters, a dash and a number ("BEH-12"); unique in the catalogue.</param>
    /// <param name="Title">Swedish title.</param>
    /// <param name="TitleEn">English title (optional).</param>
    /// <param name="Description">What is required, in the organisation's own words.</param>
    /// <param name="Aspect">Confidentiality, Integrity, Availability or Traceability.</param>
    /// <param name="FromLevel">The lowest level (1–4) of the aspect at which it applies.</param>
    /// <param name="Area">The topic.</param>
    /// <param name="IsoControls">ISO/IEC 27001:2022 Annex A numbers, comma separated ("A.5.15, A.8.5").</param>
    /// <param name="Nis2Areas">NIS2 Art. 21(2) points, letters a–j, comma separated.</param>
    /// <param name="IsActive">An inactive requirement selects no system.</param>
    /// <param name="Version">The version read, when changing.</param>
    public sealed record Command(
        string? Code,
        string? Title,
        string? TitleEn,
        string? Description,
        Aspect? Aspect,
        ConsequenceLevel? FromLevel,
        RequirementArea? Area,
        string? IsoControls,
        string? Nis2Areas,
        bool IsActive = true,
        int? Version = null);

    public async Task<Outcome<Guid>> CreateAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await user.HasOrganisationWideAsync(Permissions.RequirementsManage, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = await ValidateAsync(command, null, cancellationToken);
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        Requirement requirement;
        try
        {
            requirement = new Requirement(user.OrganisationId!.Value, command.Code!, command.Title!, command.Description!, command.Aspect!.Value, command.FromLevel!.Value, command.Area!.Value, command.IsoControls ?? string.Empty, command.Nis2Areas ?? string.Empty);
            requirement.Change(command.Code!, command.Title!, command.TitleEn, command.Description!, command.Aspect!.Value, command.FromLevel!.Value, command.Area!.Value, command.IsoControls ?? string.Empty, command.Nis2Areas ?? string.Empty);
            requirement.SetActive(command.IsActive);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }

        db.Requirements.Add(requirement);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(requirement.Id);
    }

    public async Task<Outcome<Guid>> UpdateAsync(Guid id, Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var requirement = await db.Requirements.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (requirement is null)
        {
            return Outcome<Guid>.NotFound();
        }

        if (!await user.HasOrganisationWideAsync(Permissions.RequirementsManage, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = (await ValidateAsync(command, id, cancellationToken)).Check(command.Version is not null, nameof(Command.Version), "Validation.Required");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        db.Entry(requirement).Property(r => r.Version).OriginalValue = command.Version!.Value;
        try
        {
            requirement.Change(command.Code!, command.Title!, command.TitleEn, command.Description!, command.Aspect!.Value, command.FromLevel!.Value, command.Area!.Value, command.IsoControls ?? string.Empty, command.Nis2Areas ?? string.Empty);
            requirement.SetActive(command.IsActive);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }

        if (db.Entry(requirement).State == EntityState.Unchanged)
        {
            db.Entry(requirement).Property(r => r.Version).IsModified = true;
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

    private async Task<Validator> ValidateAsync(Command command, Guid? id, CancellationToken cancellationToken)
    {
        var errors = new Validator()
            .Required(nameof(Command.Code), command.Code, 20)
            .Required(nameof(Command.Title), command.Title, 200)
            .Optional(nameof(Command.TitleEn), command.TitleEn, 200)
            .Required(nameof(Command.Description), command.Description, 4000)
            .Defined(nameof(Command.Aspect), command.Aspect)
            .Defined(nameof(Command.FromLevel), command.FromLevel)
            .Defined(nameof(Command.Area), command.Area)
            .Optional(nameof(Command.IsoControls), command.IsoControls, 200)
            .Optional(nameof(Command.Nis2Areas), command.Nis2Areas, 40);
        errors.Check(command.FromLevel is null or >= ConsequenceLevel.Moderate, nameof(Command.FromLevel), "Requirement.FromLevelRange");
        errors.Check(Requirement.NormaliseIso(command.IsoControls) is not null, nameof(Command.IsoControls), "Requirement.IsoFormat");
        errors.Check(Requirement.NormaliseNis2(command.Nis2Areas) is not null, nameof(Command.Nis2Areas), "Requirement.Nis2Format");
        if (!string.IsNullOrWhiteSpace(command.Code))
        {
            var code = command.Code.Trim().ToUpperInvariant();
            errors.Check(!await db.Requirements.AnyAsync(r => r.Code == code && r.Id != id, cancellationToken), nameof(Command.Code), "Requirement.CodeTaken");
        }

        return errors;
    }
}
