using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Common;
using Tillit.Domain.Risks;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Risk;

/// <summary>The security officer keeps the threat catalogue: adds threats, changes them, retires them.</summary>
public sealed class SaveThreat(TillitDbContext db, CurrentUser user)
{
    /// <param name="Code">Short and unique (e.g. HOT-36).</param>
    /// <param name="Name">Swedish name.</param>
    /// <param name="NameEn">English name.</param>
    /// <param name="Description">Swedish description.</param>
    /// <param name="DescriptionEn">English description.</param>
    /// <param name="Aspects">The aspects it usually touches (flags).</param>
    /// <param name="IsActive">False retires it.</param>
    /// <param name="Version">The version read (changes only).</param>
    public sealed record Command(string? Code, string? Name, string? NameEn, string? Description, string? DescriptionEn, RiskAspects? Aspects, bool IsActive, int? Version);

    public async Task<Outcome<Guid>> CreateAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await user.HasOrganisationWideAsync(Permissions.ThreatsManage, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = await ValidateAsync(null, command, cancellationToken);
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        Threat threat;
        try
        {
            threat = new Threat(user.OrganisationId!.Value, command.Code!, command.Name!, command.NameEn ?? string.Empty, command.Description ?? string.Empty, command.DescriptionEn ?? string.Empty, command.Aspects!.Value);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }

        db.Threats.Add(threat);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(threat.Id);
    }

    public async Task<Outcome<Guid>> UpdateAsync(Guid id, Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await user.HasOrganisationWideAsync(Permissions.ThreatsManage, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var threat = await db.Threats.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (threat is null)
        {
            return Outcome<Guid>.NotFound();
        }

        var errors = (await ValidateAsync(id, command, cancellationToken)).Check(command.Version is not null, nameof(Command.Version), "Validation.Required");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        db.Entry(threat).Property(t => t.Version).OriginalValue = command.Version!.Value;
        try
        {
            threat.Change(command.Code!, command.Name!, command.NameEn ?? string.Empty, command.Description ?? string.Empty, command.DescriptionEn ?? string.Empty, command.Aspects!.Value, command.IsActive);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }

        db.Entry(threat).Property(t => t.Version).IsModified = true;
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

    private async Task<Validator> ValidateAsync(Guid? id, Command command, CancellationToken cancellationToken)
    {
        var errors = new Validator()
            .Required(nameof(Command.Code), command.Code, 20)
            .Required(nameof(Command.Name), command.Name, Threat.NameLength)
            .Optional(nameof(Command.NameEn), command.NameEn, Threat.NameLength)
            .Optional(nameof(Command.Description), command.Description, Threat.TextLength)
            .Optional(nameof(Command.DescriptionEn), command.DescriptionEn, Threat.TextLength)
            .Check(command.Aspects is { } a && a != RiskAspects.None, nameof(Command.Aspects), "Risk.AspectsRequired");
        if (!string.IsNullOrWhiteSpace(command.Code))
        {
            var code = command.Code.Trim();
            errors.Check(!await db.Threats.AnyAsync(t => t.Code == code && t.Id != id, cancellationToken), nameof(Command.Code), "Risk.ThreatCodeTaken");
        }

        return errors;
    }
}

/// <summary>The threat catalogue as lists show it.</summary>
public sealed record ThreatRow(Guid Id, string Code, string Name, string NameEn, string Description, string DescriptionEn, RiskAspects Aspects, bool IsActive, int Version);

/// <summary>Reads the threat catalogue (not protected: it describes threats, not the organisation's weaknesses).</summary>
public sealed class ThreatQueries(TillitDbContext db)
{
    public async Task<IReadOnlyList<ThreatRow>> ListAsync(CancellationToken cancellationToken) =>
        await db.Threats.AsNoTracking().OrderBy(t => t.Code).Take(1000)
            .Select(t => new ThreatRow(t.Id, t.Code, t.Name, t.NameEn, t.Description, t.DescriptionEn, t.Aspects, t.IsActive, t.Version)).ToListAsync(cancellationToken);

    public async Task<ThreatRow?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Threats.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new ThreatRow(t.Id, t.Code, t.Name, t.NameEn, t.Description, t.DescriptionEn, t.Aspects, t.IsActive, t.Version)).FirstOrDefaultAsync(cancellationToken);
}
