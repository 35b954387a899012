using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Common;
using Tillit.Domain.Documents;
using Tillit.Domain.Register;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Delegations;

/// <summary>
/// Records and ends the director's delegations. Only the municipal director (delegations.manage) comes
/// here; a delegate cannot pass the delegation on. The person recording is the one who delegated.
/// </summary>
public sealed class SaveDelegation(TillitDbContext db, CurrentUser user, DelegationQueries queries)
{
    /// <param name="Kind">AppointSystemOwners, DecideForDirector or EnterBoardDecisions.</param>
    /// <param name="PersonId">The person who is given the task.</param>
    /// <param name="DecisionReference">The director's decision (registry number or § of the minutes).</param>
    /// <param name="ValidFrom">The first day; today when left out.</param>
    /// <param name="ValidTo">The last day; open-ended when left out.</param>
    public sealed record Command(DelegationKind? Kind, Guid? PersonId, string? DecisionReference, DateOnly? ValidFrom, DateOnly? ValidTo);

    /// <param name="LastDay">The last day the delegation holds.</param>
    /// <param name="Version">The version read; a changed record gives a conflict.</param>
    public sealed record EndCommand(DateOnly? LastDay, int? Version);

    public async Task<Outcome<Guid>> CreateAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new Validator()
            .Check(command.Kind is { } k && Enum.IsDefined(k), nameof(Command.Kind), "Validation.Required")
            .Check(command.PersonId is not null, nameof(Command.PersonId), "Validation.Required")
            .Required(nameof(Command.DecisionReference), command.DecisionReference, 200);
        if (command.PersonId is { } pid && !await db.People.AnyAsync(p => p.Id == pid && p.IsActive, cancellationToken))
        {
            errors.Check(false, nameof(Command.PersonId), "RoleAssignment.PersonUnknown");
        }

        var from = command.ValidFrom ?? queries.Today;
        var to = command.ValidTo;
        errors.Check(to is null || to >= from, nameof(Command.ValidTo), "RoleAssignment.EndsBeforeStart");
        if (errors.IsValid && await OverlapsAsync(command.Kind!.Value, command.PersonId!.Value, from, to, cancellationToken))
        {
            errors.Check(false, nameof(Command.PersonId), "Delegation.Overlaps");
        }

        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        var organisation = user.OrganisationId!.Value;
        var me = user.PersonId!.Value;
        Entity delegation = command.Kind switch
        {
            DelegationKind.AppointSystemOwners => new AppointmentDelegation(organisation, command.PersonId!.Value, me, command.DecisionReference!, from, to),
            DelegationKind.EnterBoardDecisions => new DecisionDelegation(organisation, command.PersonId!.Value, DecisionAuthority.Board, command.DecisionReference!, from, to, me),
            _ => new DecisionDelegation(organisation, command.PersonId!.Value, DecisionAuthority.Director, command.DecisionReference!, from, to, me),
        };
        db.Add(delegation);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(delegation.Id);
    }

    public async Task<Outcome<Guid>> EndAsync(Guid id, EndCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var appointing = await db.AppointmentDelegations.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        var deciding = appointing is null ? await db.DecisionDelegations.FirstOrDefaultAsync(d => d.Id == id, cancellationToken) : null;
        Entity? found = (Entity?)appointing ?? deciding;
        if (found is null)
        {
            return Outcome<Guid>.NotFound();
        }

        var errors = new Validator()
            .Check(command.LastDay is not null, nameof(EndCommand.LastDay), "Validation.Required")
            .Check(command.Version is not null, nameof(EndCommand.Version), "Validation.Required");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        db.Entry(found).Property(nameof(Entity.Version)).OriginalValue = command.Version!.Value;
        try
        {
            appointing?.End(command.LastDay!.Value);
            deciding?.End(command.LastDay!.Value);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(nameof(EndCommand.LastDay), rule.MessageKey);
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

    // Two delegations of the same kind to the same person for overlapping days say the same thing twice.
    private Task<bool> OverlapsAsync(DelegationKind kind, Guid personId, DateOnly from, DateOnly? to, CancellationToken cancellationToken)
    {
        var last = to ?? DateOnly.MaxValue;
        if (kind == DelegationKind.AppointSystemOwners)
        {
            return db.AppointmentDelegations.AnyAsync(d => d.PersonId == personId && d.ValidFrom <= last && (d.ValidTo == null || d.ValidTo >= from), cancellationToken);
        }

        var authority = kind == DelegationKind.EnterBoardDecisions ? DecisionAuthority.Board : DecisionAuthority.Director;
        return db.DecisionDelegations.AnyAsync(d => d.PersonId == personId && d.Authority == authority && d.ValidFrom <= last && (d.ValidTo == null || d.ValidTo >= from), cancellationToken);
    }
}
