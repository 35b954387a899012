using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Register;
using Tillit.Web.Features.Systems;
using Tillit.Web.Security;

namespace Tillit.Web.Features.InformationSets;

/// <summary>
/// Creates or changes an information set and the systems that hold it. Needs systems.manage for the
/// organisation, or (to change a set) for one of the systems that hold it. The protection need of every
/// system that gains or loses the set is recomputed in the same transaction.
/// </summary>
public sealed class SaveInformationSet(TillitDbContext db, CurrentUser user, ProtectionNeedQueries needs)
{
    public const int MaxSystems = 100;

    /// <param name="Name">The set's name.</param>
    /// <param name="Description">What information it is.</param>
    /// <param name="OwningUnitId">The unit that owns the information.</param>
    /// <param name="PersonalData">None, Personal or Sensitive.</param>
    /// <param name="SecrecyReference">The secrecy provision (OSL), if any.</param>
    /// <param name="ProtectiveSecurity">Falls under the protective security act (only the flag is kept).</param>
    /// <param name="Systems">Ids of the systems that hold it (replaces the current list).</param>
    /// <param name="Version">The version read, when changing.</param>
    public sealed record Command(
        string? Name,
        string? Description,
        Guid? OwningUnitId,
        PersonalData? PersonalData,
        string? SecrecyReference,
        bool ProtectiveSecurity,
        IReadOnlyList<Guid>? Systems,
        int? Version);

    public async Task<Outcome<Guid>> CreateAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await user.HasOrganisationWideAsync(Permissions.SystemsManage, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = await ValidateAsync(command, cancellationToken);
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        var set = new InformationSet(user.OrganisationId!.Value, command.Name!.Trim(), command.OwningUnitId!.Value);
        Apply(set, command);
        db.InformationSets.Add(set);
        var systems = (command.Systems ?? []).Distinct().ToList();
        foreach (var systemId in systems)
        {
            db.InformationSetSystems.Add(new InformationSetSystem(set.OrganisationId, set.Id, systemId));
        }

        // A new set has no classification, so the systems' protection need does not change.
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(set.Id);
    }

    public async Task<Outcome<Guid>> UpdateAsync(Guid id, Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var set = await db.InformationSets.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (set is null)
        {
            return Outcome<Guid>.NotFound();
        }

        var held = await db.InformationSetSystems.Where(h => h.SetId == id).ToListAsync(cancellationToken);
        if (!await MayChangeAsync(held.Select(h => h.SystemId).ToList(), cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = (await ValidateAsync(command, cancellationToken)).Check(command.Version is not null, nameof(Command.Version), "Validation.Required");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        db.Entry(set).Property(s => s.Version).OriginalValue = command.Version!.Value;
        set.Name = command.Name!.Trim();
        set.OwningUnitId = command.OwningUnitId!.Value;
        Apply(set, command);
        var wanted = (command.Systems ?? []).ToHashSet();
        var removed = held.Where(h => !wanted.Contains(h.SystemId)).ToList();
        var added = wanted.Where(w => held.All(h => h.SystemId != w)).ToList();
        db.InformationSetSystems.RemoveRange(removed);
        foreach (var systemId in added)
        {
            db.InformationSetSystems.Add(new InformationSetSystem(set.OrganisationId, id, systemId));
        }

        if (db.Entry(set).State == EntityState.Unchanged)
        {
            db.Entry(set).Property(s => s.Version).IsModified = true;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await needs.RecomputeAsync([.. removed.Select(r => r.SystemId), .. added], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict();
        }

        return Outcome<Guid>.Ok(id);
    }

    private async Task<bool> MayChangeAsync(IReadOnlyList<Guid> systemIds, CancellationToken cancellationToken)
    {
        if (await user.HasOrganisationWideAsync(Permissions.SystemsManage, cancellationToken))
        {
            return true;
        }

        var own = await user.SystemScopesAsync(Permissions.SystemsManage, cancellationToken);
        return systemIds.Any(own.Contains);
    }

    private static void Apply(InformationSet set, Command command)
    {
        set.Description = string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim();
        set.PersonalData = command.PersonalData!.Value;
        set.SecrecyReference = string.IsNullOrWhiteSpace(command.SecrecyReference) ? null : command.SecrecyReference.Trim();
        set.ProtectiveSecurity = command.ProtectiveSecurity;
    }

    private async Task<Validator> ValidateAsync(Command command, CancellationToken cancellationToken)
    {
        var errors = new Validator()
            .Required(nameof(Command.Name), command.Name, 200)
            .Optional(nameof(Command.Description), command.Description, 2000)
            .Check(command.OwningUnitId is not null, nameof(Command.OwningUnitId), "Validation.Required")
            .Defined(nameof(Command.PersonalData), command.PersonalData)
            .Optional(nameof(Command.SecrecyReference), command.SecrecyReference, 200);
        if (command.OwningUnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId, cancellationToken))
        {
            errors.Check(false, nameof(Command.OwningUnitId), "System.UnitUnknown");
        }

        var systems = (command.Systems ?? []).Distinct().ToList();
        if (systems.Count > MaxSystems)
        {
            errors.Check(false, nameof(Command.Systems), "Set.TooManySystems", MaxSystems);
        }
        else if (systems.Count > 0)
        {
            var known = await db.InformationSystems.CountAsync(s => systems.Contains(s.Id), cancellationToken);
            errors.Check(known == systems.Count, nameof(Command.Systems), "Set.SystemUnknown");
        }

        return errors;
    }
}
