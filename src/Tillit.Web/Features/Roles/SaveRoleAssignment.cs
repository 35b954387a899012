using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Access;
using Tillit.Domain.Common;
using Tillit.Web.Features.People;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Roles;

/// <summary>
/// Appoints a person to a role and ends an appointment. Records who appointed (the signed-in
/// person) and by which decision. Who may appoint which role is decided by Roles.MayAppoint:
/// the municipal director and an administrator every role, the security officer all but the privileged ones.
/// </summary>
public sealed class SaveRoleAssignment(
    TillitDbContext db,
    CurrentUser user,
    PeopleQueries people,
    IAuthorizationService authorization,
    IHttpContextAccessor http,
    TimeProvider clock)
{
    /// <param name="PersonId">Who is appointed.</param>
    /// <param name="Role">The role.</param>
    /// <param name="ScopeKind">Organisation or Unit (information systems come with the register).</param>
    /// <param name="UnitId">The unit, for a unit scope; ignored for the organisation.</param>
    /// <param name="DecisionReference">The decision (registry number or § of the minutes).</param>
    /// <param name="ValidFrom">The first day; today when left out.</param>
    /// <param name="ValidTo">The last day, if known.</param>
    public sealed record Command(Guid? PersonId, Role? Role, ScopeKind? ScopeKind, Guid? UnitId, string? DecisionReference, DateOnly? ValidFrom, DateOnly? ValidTo);

    public sealed record EndCommand(DateOnly? LastDay, int? Version);

    public async Task<Outcome<Guid>> CreateAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await user.HasAsync(Permissions.RolesAssign, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = new Validator()
            .Check(command.PersonId is not null, nameof(Command.PersonId), "Validation.Required")
            .Defined(nameof(Command.Role), command.Role)
            .Defined(nameof(Command.ScopeKind), command.ScopeKind)
            .Required(nameof(Command.DecisionReference), command.DecisionReference, 200);
        if (command.ScopeKind == Domain.Access.ScopeKind.Unit)
        {
            errors.Check(command.UnitId is not null, nameof(Command.UnitId), "RoleAssignment.UnitRequired");
        }

        errors.Check(command.ScopeKind != Domain.Access.ScopeKind.InformationSystem, nameof(Command.ScopeKind), "RoleAssignment.SystemScopeNotYet");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        var found = await people.FindAsync(command.PersonId!.Value, cancellationToken);
        if (found is null)
        {
            return Outcome<Guid>.Invalid(nameof(Command.PersonId), "RoleAssignment.PersonUnknown");
        }

        var role = command.Role!.Value;
        var scopeKind = command.ScopeKind!.Value;
        Guid? scopeId = null;
        if (scopeKind == Domain.Access.ScopeKind.Unit)
        {
            var unitPath = await db.Units.Where(u => u.Id == command.UnitId).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken);
            if (unitPath is null)
            {
                return Outcome<Guid>.Invalid(nameof(Command.UnitId), "RoleAssignment.UnitUnknown");
            }

            if (!await user.HasForUnitAsync(Permissions.RolesAssign, unitPath, cancellationToken))
            {
                return Outcome<Guid>.Forbidden();
            }

            scopeId = command.UnitId;
        }

        var mayAppoint = await authorization.AuthorizeAsync(http.HttpContext!.User, new PersonResource(found.Value.Person, found.Value.UnitPath), new PermissionRequirement(Permissions.RolesAssign));
        if (!mayAppoint.Succeeded || !Domain.Access.Roles.MayAppoint(await user.RolesAsync(cancellationToken), role))
        {
            return Outcome<Guid>.Forbidden();
        }

        var validFrom = command.ValidFrom ?? Today;
        RoleAssignment assignment;
        try
        {
            assignment = new RoleAssignment(
                user.OrganisationId!.Value, found.Value.Person.Id, role, scopeKind, scopeId, user.PersonId, command.DecisionReference!.Trim(), validFrom, command.ValidTo);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(FieldOf(rule), rule.MessageKey);
        }

        var overlapping = RoleAssignment.Overlapping(validFrom, command.ValidTo);
        if (await db.RoleAssignments.Where(a => a.PersonId == assignment.PersonId && a.Role == role && a.ScopeKind == scopeKind && a.ScopeId == scopeId).AnyAsync(overlapping, cancellationToken))
        {
            return Outcome<Guid>.Invalid(nameof(Command.Role), "RoleAssignment.Overlaps");
        }

        db.RoleAssignments.Add(assignment);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(assignment.Id);
    }

    /// <summary>Ends the appointment on its last day; the record stays as history.</summary>
    public async Task<Outcome<Guid>> EndAsync(Guid id, EndCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var assignment = await db.RoleAssignments.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assignment is null)
        {
            return Outcome<Guid>.NotFound();
        }

        var found = await people.FindAsync(assignment.PersonId, cancellationToken);
        var mayEnd = found is not null
            && (await authorization.AuthorizeAsync(http.HttpContext!.User, new PersonResource(found.Value.Person, found.Value.UnitPath), new PermissionRequirement(Permissions.RolesAssign))).Succeeded;
        if (!mayEnd || !Domain.Access.Roles.MayAppoint(await user.RolesAsync(cancellationToken), assignment.Role))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = new Validator()
            .Check(command.LastDay is not null, nameof(EndCommand.LastDay), "Validation.Required")
            .Check(command.Version is not null, nameof(EndCommand.Version), "Validation.Required");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        db.Entry(assignment).Property(a => a.Version).OriginalValue = command.Version!.Value;
        try
        {
            assignment.End(command.LastDay!.Value);
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

        return Outcome<Guid>.Ok(assignment.Id);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The domain names its fields; the form and the API body call the scope's id UnitId.</summary>
    private static string FieldOf(DomainRuleException rule) => rule.Field switch
    {
        nameof(RoleAssignment.ScopeId) => nameof(Command.UnitId),
        null => string.Empty,
        var field => field,
    };
}
