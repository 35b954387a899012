using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Agreements;
using Tillit.Domain.Common;

namespace Tillit.Web.Features.Agreements;

/// <summary>Registers an agreement or changes one, with the systems it covers (agreements.manage, see <see cref="AgreementAccess"/>).</summary>
public sealed class SaveAgreement(TillitDbContext db, AgreementAccess access, Security.CurrentUser user)
{
    /// <summary>The most systems one agreement may cover.</summary>
    public const int MaxSystems = 500;

    /// <param name="Supplier">The supplier's name.</param>
    /// <param name="Title">What the agreement is for.</param>
    /// <param name="Reference">The agreement's number or registry number (optional).</param>
    /// <param name="SecurityRequirements">The security requirements the agreement sets (optional).</param>
    /// <param name="StartsOn">When the agreement started.</param>
    /// <param name="EndsOn">When it ends unless extended; empty while it runs until further notice.</param>
    /// <param name="NoticeBy">The last day to give notice; on or before the end date.</param>
    /// <param name="IncludesDataProcessing">A data processing agreement (personuppgiftsbiträdesavtal) is part of it.</param>
    /// <param name="TransferOutsideEea">Unknown, No or Yes.</param>
    /// <param name="TransferBasis">The legal basis of a transfer outside the EU/EEA; required when Yes.</param>
    /// <param name="ResponsibleId">The person who follows it up; required with a notice or end date.</param>
    /// <param name="Systems">The information systems it covers.</param>
    /// <param name="Version">The version read, when changing.</param>
    public sealed record Command(
        string? Supplier,
        string? Title,
        string? Reference,
        string? SecurityRequirements,
        DateOnly? StartsOn,
        DateOnly? EndsOn,
        DateOnly? NoticeBy,
        bool IncludesDataProcessing,
        ThirdCountryTransfer? TransferOutsideEea,
        string? TransferBasis,
        Guid? ResponsibleId,
        IReadOnlyList<Guid>? Systems,
        int? Version = null);

    public async Task<Outcome<Guid>> CreateAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var wanted = (command.Systems ?? []).Distinct().ToList();
        if (!await access.MayManageAsync(await access.PathsOfAsync(wanted, cancellationToken), cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = await ValidateAsync(command, wanted, cancellationToken);
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        Agreement agreement;
        try
        {
            agreement = new Agreement(user.OrganisationId!.Value, command.Supplier!, command.Title!);
            Apply(agreement, command);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }

        db.Agreements.Add(agreement);
        Link(agreement, wanted, []);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(agreement.Id);
    }

    public async Task<Outcome<Guid>> UpdateAsync(Guid id, Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var current = await access.SystemsOfAsync(id, cancellationToken);
        if (!await access.MayReadAsync(current, cancellationToken))
        {
            return Outcome<Guid>.NotFound();
        }

        var agreement = await db.Agreements.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agreement is null)
        {
            return Outcome<Guid>.NotFound();
        }

        // Both the systems it covers now and those it is to cover must be the writer's.
        var wanted = (command.Systems ?? []).Distinct().ToList();
        if (!await access.MayManageAsync(current, cancellationToken) || !await access.MayManageAsync(await access.PathsOfAsync(wanted, cancellationToken), cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = (await ValidateAsync(command, wanted, cancellationToken)).Check(command.Version is not null, nameof(Command.Version), "Validation.Required");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        db.Entry(agreement).Property(a => a.Version).OriginalValue = command.Version!.Value;
        try
        {
            Apply(agreement, command);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }

        Link(agreement, wanted, await db.AgreementSystems.Where(x => x.AgreementId == id).ToListAsync(cancellationToken));

        // The links are rows of their own; the agreement's version moves with them so a stale form is refused.
        if (db.Entry(agreement).State == EntityState.Unchanged)
        {
            db.Entry(agreement).Property(a => a.Version).IsModified = true;
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

    private static void Apply(Agreement agreement, Command command)
    {
        agreement.Describe(command.Supplier!, command.Title!, command.Reference, command.SecurityRequirements);
        agreement.SetDataProtection(command.IncludesDataProcessing, command.TransferOutsideEea ?? ThirdCountryTransfer.Unknown, command.TransferBasis);
        agreement.Plan(command.ResponsibleId, command.StartsOn, command.EndsOn, command.NoticeBy);
    }

    private void Link(Agreement agreement, List<Guid> wanted, List<AgreementSystem> links)
    {
        db.AgreementSystems.RemoveRange(links.Where(x => !wanted.Contains(x.SystemId)));
        foreach (var systemId in wanted.Where(s => links.All(x => x.SystemId != s)))
        {
            db.AgreementSystems.Add(new AgreementSystem(agreement.OrganisationId, agreement.Id, systemId));
        }
    }

    private async Task<Validator> ValidateAsync(Command command, List<Guid> systems, CancellationToken cancellationToken)
    {
        var errors = new Validator()
            .Required(nameof(Command.Supplier), command.Supplier, Agreement.SupplierLength)
            .Required(nameof(Command.Title), command.Title, Agreement.TitleLength)
            .Optional(nameof(Command.Reference), command.Reference, Agreement.ReferenceLength)
            .Optional(nameof(Command.SecurityRequirements), command.SecurityRequirements, Agreement.TextLength)
            .Optional(nameof(Command.TransferBasis), command.TransferBasis, Agreement.TextLength);
        if (command.TransferOutsideEea is { } transfer)
        {
            errors.Check(Enum.IsDefined(transfer), nameof(Command.TransferOutsideEea), "Validation.InvalidValue");
            errors.Check(transfer != ThirdCountryTransfer.Yes || !string.IsNullOrWhiteSpace(command.TransferBasis), nameof(Command.TransferBasis), "Agreement.TransferBasisRequired");
        }

        errors.Check(command.StartsOn is null || command.EndsOn is null || command.EndsOn >= command.StartsOn, nameof(Command.EndsOn), "Agreement.EndsBeforeStart");
        errors.Check(command.NoticeBy is null || command.EndsOn is null || command.NoticeBy <= command.EndsOn, nameof(Command.NoticeBy), "Agreement.NoticeAfterEnd");
        errors.Check((command.NoticeBy is null && command.EndsOn is null) || command.ResponsibleId is not null, nameof(Command.ResponsibleId), "Agreement.DatesNeedResponsible");
        errors.Check(systems.Count <= MaxSystems, nameof(Command.Systems), "Law.TooManyLinks", MaxSystems);
        if (!errors.IsValid)
        {
            return errors;
        }

        if (command.ResponsibleId is { } responsible)
        {
            errors.Check(await db.People.AnyAsync(p => p.Id == responsible && p.IsActive, cancellationToken), nameof(Command.ResponsibleId), "Validation.InvalidValue");
        }

        // The tenant filter makes another organisation's ids count as missing.
        if (systems.Count > 0)
        {
            errors.Check(await db.InformationSystems.CountAsync(s => systems.Contains(s.Id), cancellationToken) == systems.Count, nameof(Command.Systems), "Validation.InvalidValue");
        }

        return errors;
    }
}
