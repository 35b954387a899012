using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Access;
using Tillit.Domain.Common;
using Tillit.Domain.Register;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Systems;

/// <summary>
/// Appoints (or changes) the owner of a system: only the municipal director or a person with an active
/// delegation from the director (<see cref="SystemOwnership.MayAppoint"/>). The appointment is a
/// system-scoped SystemOwner role assignment; the previous one is ended and stays as history.
/// </summary>
public sealed class AppointSystemOwner(TillitDbContext db, CurrentUser user, SystemQueries systems, TimeProvider clock, Infrastructure.OrganisationCache cache)
{
    /// <param name="PersonId">The new system owner.</param>
    /// <param name="DecisionReference">The decision (registry number or § of the minutes).</param>
    /// <param name="ValidFrom">The first day; today when left out.</param>
    public sealed record Command(Guid? PersonId, string? DecisionReference, DateOnly? ValidFrom);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Whether the signed-in person may appoint system owners (director or delegate). For showing the way to do it, the
    /// organisation's delegates of the day come from the organisation cache (a system's page is read far more often
    /// than delegations change); an appointment itself asks the database (<paramref name="fresh"/>).
    /// </summary>
    public async Task<bool> MayAppointAsync(CancellationToken cancellationToken, bool fresh = false)
    {
        if (user.PersonId is not { } me)
        {
            return false;
        }

        var roles = await user.RolesAsync(cancellationToken);
        if (SystemOwnership.MayAppoint(roles, false))
        {
            return true;
        }

        var today = Today;
        var current = db.AppointmentDelegations.AsNoTracking().Where(d => d.ValidFrom <= today && (d.ValidTo == null || d.ValidTo >= today));
        var delegated = fresh || db.CurrentOrganisationId is not { } organisationId
            ? await current.AnyAsync(d => d.PersonId == me, cancellationToken)
            : (await cache.GetOrCreateAsync(typeof(AppointmentDelegation), "appointment-delegates:" + today.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), organisationId, async () =>
                (await current.Select(d => d.PersonId).Distinct().ToListAsync(cancellationToken)).ToHashSet())).Contains(me);
        return SystemOwnership.MayAppoint(roles, delegated);
    }

    public async Task<Outcome<Guid>> HandleAsync(Guid systemId, Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await systems.FindAsync(systemId, cancellationToken) is null)
        {
            return Outcome<Guid>.NotFound();
        }

        if (!await MayAppointAsync(cancellationToken, fresh: true))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = new Validator()
            .Check(command.PersonId is not null, nameof(Command.PersonId), "Validation.Required")
            .Required(nameof(Command.DecisionReference), command.DecisionReference, 200);
        if (command.PersonId is { } pid && !await db.People.AnyAsync(p => p.Id == pid && p.IsActive, cancellationToken))
        {
            errors.Check(false, nameof(Command.PersonId), "RoleAssignment.PersonUnknown");
        }

        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        var validFrom = command.ValidFrom ?? Today;
        var active = await db.RoleAssignments
            .Where(a => a.Role == Role.SystemOwner && a.ScopeKind == ScopeKind.InformationSystem && a.ScopeId == systemId && (a.ValidTo == null || a.ValidTo >= validFrom))
            .ToListAsync(cancellationToken);

        // An appointment made for a later day is replaced, never left to start behind the new one.
        var current = active.OrderByDescending(a => a.ValidFrom).ThenByDescending(a => a.Id).FirstOrDefault();
        RoleAssignment appointment;
        try
        {
            appointment = SystemOwnership.Appoint(user.OrganisationId!.Value, systemId, command.PersonId!.Value, user.PersonId!.Value, command.DecisionReference!, validFrom, current);
            foreach (var other in active.Where(a => a != current && (a.ValidTo is null || a.ValidTo >= validFrom)))
            {
                other.End(other.ValidFrom > validFrom.AddDays(-1) ? other.ValidFrom : validFrom.AddDays(-1));
            }
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }

        db.RoleAssignments.Add(appointment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict();
        }

        return Outcome<Guid>.Ok(appointment.Id);
    }
}
