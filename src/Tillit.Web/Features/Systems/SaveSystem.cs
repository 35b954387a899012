using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Common;
using Tillit.Domain.Register;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Systems;

/// <summary>
/// Creates or changes an information system and its dependencies. Creating needs systems.manage for the
/// whole organisation (the security officer); changing needs it for the system (also its owner).
/// </summary>
public sealed class SaveSystem(TillitDbContext db, CurrentUser user, SystemQueries systems)
{
    public const int MaxDependencies = 100;

    /// <param name="Name">The system's name.</param>
    /// <param name="Purpose">What it is for.</param>
    /// <param name="UnitId">The unit it serves.</param>
    /// <param name="Form">Automated or Manual.</param>
    /// <param name="ImportantToOperations">Important to the organisation's operations.</param>
    /// <param name="Hosting">Where it runs.</param>
    /// <param name="Lifecycle">Planned, InUse, PhasingOut, Retired.</param>
    /// <param name="Supplier">The supplier, if any.</param>
    /// <param name="DependsOn">Ids of the systems it depends on (replaces the current list).</param>
    /// <param name="Version">The version read, when changing.</param>
    public sealed record Command(
        string? Name,
        string? Purpose,
        Guid? UnitId,
        SystemForm? Form,
        bool ImportantToOperations,
        Hosting? Hosting,
        Lifecycle? Lifecycle,
        string? Supplier,
        IReadOnlyList<Guid>? DependsOn,
        int? Version);

    public async Task<Outcome<Guid>> CreateAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await user.HasOrganisationWideAsync(Permissions.SystemsManage, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = await ValidateAsync(command, null, cancellationToken);
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        var system = new InformationSystem(user.OrganisationId!.Value, command.Name!.Trim(), command.Purpose!.Trim(), command.UnitId!.Value, command.Form!.Value);
        Apply(system, command);
        db.InformationSystems.Add(system);
        foreach (var target in (command.DependsOn ?? []).Distinct())
        {
            db.SystemDependencies.Add(new SystemDependency(system.OrganisationId, system.Id, target));
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(system.Id);
    }

    public async Task<Outcome<Guid>> UpdateAsync(Guid id, Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var found = await systems.FindAsync(id, cancellationToken);
        if (found is not { } f)
        {
            return Outcome<Guid>.NotFound();
        }

        if (!await user.HasForSystemAsync(Permissions.SystemsManage, id, f.UnitPath, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = (await ValidateAsync(command, id, cancellationToken)).Check(command.Version is not null, nameof(Command.Version), "Validation.Required");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        var system = f.System;
        db.Entry(system).Property(s => s.Version).OriginalValue = command.Version!.Value;
        system.Name = command.Name!.Trim();
        system.Purpose = command.Purpose!.Trim();
        system.UnitId = command.UnitId!.Value;
        system.Form = command.Form!.Value;
        Apply(system, command);

        // The dependencies are replaced by the list sent; the row of the system itself carries the version.
        var wanted = (command.DependsOn ?? []).ToHashSet();
        var existing = await db.SystemDependencies.Where(d => d.SystemId == id).ToListAsync(cancellationToken);
        db.SystemDependencies.RemoveRange(existing.Where(d => !wanted.Contains(d.DependsOnId)));
        foreach (var target in wanted.Where(t => existing.All(d => d.DependsOnId != t)))
        {
            db.SystemDependencies.Add(new SystemDependency(system.OrganisationId, id, target));
        }

        // Saved even when only dependencies changed, so a concurrent edit of the list is caught too.
        if (db.Entry(system).State == EntityState.Unchanged)
        {
            db.Entry(system).Property(s => s.Version).IsModified = true;
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

    private static void Apply(InformationSystem system, Command command)
    {
        system.ImportantToOperations = command.ImportantToOperations;
        system.Hosting = command.Hosting!.Value;
        system.Lifecycle = command.Lifecycle!.Value;
        system.Supplier = string.IsNullOrWhiteSpace(command.Supplier) ? null : command.Supplier.Trim();
    }

    private async Task<Validator> ValidateAsync(Command command, Guid? id, CancellationToken cancellationToken)
    {
        var errors = new Validator()
            .Required(nameof(Command.Name), command.Name, 200)
            .Required(nameof(Command.Purpose), command.Purpose, 2000)
            .Check(command.UnitId is not null, nameof(Command.UnitId), "Validation.Required")
            .Defined(nameof(Command.Form), command.Form)
            .Defined(nameof(Command.Hosting), command.Hosting)
            .Defined(nameof(Command.Lifecycle), command.Lifecycle)
            .Optional(nameof(Command.Supplier), command.Supplier, 200);
        if (command.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId, cancellationToken))
        {
            errors.Check(false, nameof(Command.UnitId), "System.UnitUnknown");
        }

        var targets = (command.DependsOn ?? []).Distinct().ToList();
        if (targets.Count > MaxDependencies)
        {
            errors.Check(false, nameof(Command.DependsOn), "System.TooManyDependencies", MaxDependencies);
        }
        else if (targets.Count > 0)
        {
            errors.Check(id is null || !targets.Contains(id.Value), nameof(Command.DependsOn), "System.DependsOnItself");
            var known = await db.InformationSystems.CountAsync(s => targets.Contains(s.Id), cancellationToken);
            errors.Check(known == targets.Count, nameof(Command.DependsOn), "System.DependencyUnknown");
        }

        return errors;
    }
}
