using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Common;
using Tillit.Domain.Preparedness;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Continuity;

/// <summary>Writes the continuity plan of a system: creates it the first time, changes it after (continuity.manage for the system).</summary>
public sealed class SaveContinuityPlan(TillitDbContext db, ContinuityQueries queries, CurrentUser user)
{
    /// <param name="MaxDowntimeHours">Maximum tolerable downtime, hours.</param>
    /// <param name="RecoveryTimeHours">Recovery time objective, hours; not more than the maximum downtime.</param>
    /// <param name="RecoveryPointHours">Recovery point objective, hours of data that may be lost.</param>
    /// <param name="FallbackRoutines">How operations carry on without the system.</param>
    /// <param name="Contacts">Whom to call.</param>
    /// <param name="Dependencies">What else the system needs (power, network, people, premises).</param>
    /// <param name="ResponsibleId">Who keeps the plan; required with a review date.</param>
    /// <param name="NextReview">When the plan is reviewed next.</param>
    /// <param name="Version">The version read, when changing an existing plan.</param>
    public sealed record Command(
        int? MaxDowntimeHours,
        int? RecoveryTimeHours,
        int? RecoveryPointHours,
        string? FallbackRoutines,
        string? Contacts,
        string? Dependencies,
        Guid? ResponsibleId,
        DateOnly? NextReview,
        int? Version = null);

    public async Task<Outcome<Guid>> HandleAsync(Guid systemId, Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await queries.MayAsync(Permissions.ContinuityRead, systemId, cancellationToken))
        {
            return Outcome<Guid>.NotFound();
        }

        if (!await queries.MayAsync(Permissions.ContinuityManage, systemId, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = new Validator()
            .Check(command.MaxDowntimeHours is not null, nameof(Command.MaxDowntimeHours), "Validation.Required")
            .Check(command.RecoveryTimeHours is not null, nameof(Command.RecoveryTimeHours), "Validation.Required")
            .Check(command.RecoveryPointHours is not null, nameof(Command.RecoveryPointHours), "Validation.Required")
            .Required(nameof(Command.FallbackRoutines), command.FallbackRoutines, ContinuityPlan.TextLength)
            .Optional(nameof(Command.Contacts), command.Contacts, ContinuityPlan.TextLength)
            .Optional(nameof(Command.Dependencies), command.Dependencies, ContinuityPlan.TextLength)
            .Check(command.NextReview is null || command.ResponsibleId is not null, nameof(Command.ResponsibleId), "Law.ReviewNeedsResponsible");
        if (command.ResponsibleId is { } responsible)
        {
            errors.Check(await db.People.AnyAsync(p => p.Id == responsible && p.IsActive, cancellationToken), nameof(Command.ResponsibleId), "Validation.InvalidValue");
        }

        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        var objectives = new RecoveryObjectives(command.MaxDowntimeHours!.Value, command.RecoveryTimeHours!.Value, command.RecoveryPointHours!.Value);
        var plan = await db.ContinuityPlans.FirstOrDefaultAsync(p => p.SystemId == systemId, cancellationToken);
        try
        {
            if (plan is null)
            {
                plan = new ContinuityPlan(user.OrganisationId!.Value, systemId, objectives, command.FallbackRoutines!);
                db.ContinuityPlans.Add(plan);
            }
            else
            {
                if (command.Version is not { } version)
                {
                    return Outcome<Guid>.Invalid(nameof(Command.Version), "Validation.Required");
                }

                db.Entry(plan).Property(p => p.Version).OriginalValue = version;
            }

            plan.Change(objectives, command.FallbackRoutines!, command.Contacts, command.Dependencies);
            plan.Plan(command.ResponsibleId, command.NextReview);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (db.Entry(plan).State == EntityState.Added)
        {
            // Two first saves of the same system's plan at once: the unique index lets one win.
            return Outcome<Guid>.Conflict();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict();
        }

        return Outcome<Guid>.Ok(plan.Id);
    }
}

/// <summary>Adds a role to the crisis organisation (continuity.manage organisation-wide).</summary>
public sealed class SaveCrisisRole(TillitDbContext db, ContinuityQueries queries, CurrentUser user)
{
    /// <param name="Title">The role.</param>
    /// <param name="Holder">Who holds it and how to call them.</param>
    /// <param name="Deputy">The deputy, if any.</param>
    /// <param name="Reach">How to reach them when the usual channels are down.</param>
    /// <param name="Id">The role to change; empty to add one.</param>
    /// <param name="Version">The version read, when changing.</param>
    public sealed record Command(string? Title, string? Holder, string? Deputy, string? Reach, Guid? Id = null, int? Version = null);

    public async Task<Outcome<Guid>> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await queries.MayManageAllAsync(cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = new Validator()
            .Required(nameof(Command.Title), command.Title, CrisisRole.TitleLength)
            .Required(nameof(Command.Holder), command.Holder, CrisisRole.TextLength)
            .Optional(nameof(Command.Deputy), command.Deputy, CrisisRole.TextLength)
            .Optional(nameof(Command.Reach), command.Reach, CrisisRole.TextLength)
            .Check(command.Id is null || command.Version is not null, nameof(Command.Version), "Validation.Required");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        if (command.Id is { } id)
        {
            var existing = await db.CrisisRoles.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (existing is null)
            {
                return Outcome<Guid>.NotFound();
            }

            db.Entry(existing).Property(r => r.Version).OriginalValue = command.Version!.Value;
            existing.Change(command.Title!, command.Holder!, command.Deputy, command.Reach, existing.Order);
            return await SaveAsync(id, cancellationToken);
        }

        var order = (await db.CrisisRoles.MaxAsync(r => (int?)r.Order, cancellationToken) ?? 0) + 1;
        var role = new CrisisRole(user.OrganisationId!.Value, command.Title!, command.Holder!, command.Deputy, command.Reach, order);
        db.CrisisRoles.Add(role);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(role.Id);
    }

    /// <summary>Removes a role that the crisis organisation no longer has (the removal, with the role's last content, is in the audit trail).</summary>
    public async Task<Outcome<Guid>> RemoveAsync(Guid? id, int? version, CancellationToken cancellationToken)
    {
        if (!await queries.MayManageAllAsync(cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        if (id is null || version is null)
        {
            return Outcome<Guid>.Invalid(string.Empty, "Validation.Required");
        }

        var role = await db.CrisisRoles.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (role is null)
        {
            return Outcome<Guid>.NotFound();
        }

        db.Entry(role).Property(r => r.Version).OriginalValue = version.Value;
        db.CrisisRoles.Remove(role);
        return await SaveAsync(id.Value, cancellationToken);
    }

    private async Task<Outcome<Guid>> SaveAsync(Guid id, CancellationToken cancellationToken)
    {
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
}
