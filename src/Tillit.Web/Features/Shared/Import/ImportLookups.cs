using Microsoft.EntityFrameworkCore;
using Tillit.Data;

namespace Tillit.Web.Features.Shared.Import;

/// <summary>
/// Records an import names by their name (case-insensitive, trimmed), read once per import rather than once per
/// row: a name that two records share maps to null, so the row is refused as ambiguous instead of guessed.
/// </summary>
public static class ImportLookups
{
    /// <summary>The organisation's units by name.</summary>
    public static async Task<Dictionary<string, Guid?>> UnitsByNameAsync(TillitDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
        return ByName(units.Select(u => (u.Id, u.Name)));
    }

    /// <summary>The organisation's information systems by name.</summary>
    public static async Task<Dictionary<string, Guid?>> SystemsByNameAsync(TillitDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var systems = await db.InformationSystems.AsNoTracking().Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        return ByName(systems.Select(s => (s.Id, s.Name)));
    }

    /// <summary>The unit named in the field's cell (required); an error and the empty id when missing, unknown or ambiguous.</summary>
    public static Guid Unit<TField>(ImportCheck<TField> check, SheetRow row, TField field, IReadOnlyDictionary<string, Guid?> units)
        where TField : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(units);
        var name = check.Cell(row, field);
        if (name.Length == 0)
        {
            check.Fail(row.Number, field, "Import.Required");
        }
        else if (!units.TryGetValue(name, out var found))
        {
            check.Fail(row.Number, field, "Import.UnitUnknown", name);
        }
        else if (found is not { } id)
        {
            check.Fail(row.Number, field, "Import.UnitAmbiguous", name);
        }
        else
        {
            return id;
        }

        return Guid.Empty;
    }

    private static Dictionary<string, Guid?> ByName(IEnumerable<(Guid Id, string Name)> records) =>
        records.GroupBy(r => r.Name.Trim(), StringComparer.CurrentCultureIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count() == 1 ? g.First().Id : (Guid?)null, StringComparer.CurrentCultureIgnoreCase);
}
