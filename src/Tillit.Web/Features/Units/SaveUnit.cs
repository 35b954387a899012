using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Common;
using Tillit.Domain.Organisations;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Units;

/// <summary>Creates or changes a unit. The one place the rules of a unit's name and place in the tree apply.</summary>
public sealed class SaveUnit(TillitDbContext db, CurrentUser user)
{
    public sealed record Command(string? Name, UnitKind? Kind, Guid? ParentId, int? Version);

    public async Task<Outcome<Guid>> CreateAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await user.HasOrganisationWideAsync(Permissions.UnitsManage, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = Validate(command);
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        Unit? parent = null;
        if (command.ParentId is { } parentId)
        {
            parent = await db.Units.FirstOrDefaultAsync(u => u.Id == parentId, cancellationToken);
            if (parent is null)
            {
                return Outcome<Guid>.Invalid(nameof(Command.ParentId), "Unit.ParentUnknown");
            }
        }

        var unit = new Unit(user.OrganisationId!.Value, command.Name!.Trim(), command.Kind!.Value, parent);
        db.Units.Add(unit);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(unit.Id);
    }

    public async Task<Outcome<Guid>> UpdateAsync(Guid id, Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return Outcome<Guid>.NotFound();
        }

        if (!await user.HasOrganisationWideAsync(Permissions.UnitsManage, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = Validate(command).Check(command.Version is not null, nameof(Command.Version), "Validation.Required");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        db.Entry(unit).Property(u => u.Version).OriginalValue = command.Version!.Value;
        unit.Name = command.Name!.Trim();
        unit.Kind = command.Kind!.Value;

        if (command.ParentId != unit.ParentId)
        {
            Unit? parent = null;
            if (command.ParentId is { } parentId)
            {
                parent = await db.Units.FirstOrDefaultAsync(u => u.Id == parentId, cancellationToken);
                if (parent is null)
                {
                    return Outcome<Guid>.Invalid(nameof(Command.ParentId), "Unit.ParentUnknown");
                }
            }

            var oldPath = unit.Path;
            try
            {
                unit.MoveUnder(parent);
            }
            catch (DomainRuleException rule)
            {
                return Outcome<Guid>.Invalid(nameof(Command.ParentId), rule.MessageKey);
            }

            // Descendants carry the old path as their prefix; rewrite them in the same save.
            var descendants = await db.Units.Where(u => u.Path.StartsWith(oldPath) && u.Id != unit.Id).ToListAsync(cancellationToken);
            foreach (var d in descendants)
            {
                d.RebaseFrom(oldPath, unit.Path);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict();
        }

        return Outcome<Guid>.Ok(unit.Id);
    }

    private static Validator Validate(Command command) => new Validator()
        .Required(nameof(Command.Name), command.Name, 200)
        .Defined(nameof(Command.Kind), command.Kind);
}
