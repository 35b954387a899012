using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tillit.Data;
using Tillit.Domain.Register;
using Tillit.Web.Features.Shared.Import;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Systems;

/// <summary>A field of an information system that an import column can be mapped to.</summary>
public enum SystemImportField
{
    Name = 0,
    Purpose = 1,
    Unit = 2,
    Form = 3,
    Important = 4,
    Hosting = 5,
    Lifecycle = 6,
    Supplier = 7,
}

/// <summary>An error of a row (its number in the file, 0 for the file as a whole) and column, the message already translated.</summary>
public sealed record ImportError(int Row, string Column, string Message);

/// <summary>What an import found (and, when written, created). Errors are listed up to <see cref="ImportSystems.MaxErrorsListed"/>; <see cref="ErrorCount"/> counts all.</summary>
public sealed record ImportResult(
    IReadOnlyList<string> Headers,
    IReadOnlyDictionary<SystemImportField, int> Mapping,
    int Rows,
    int ValidRows,
    int ErrorCount,
    IReadOnlyList<ImportError> Errors,
    int Created,
    bool Written);

/// <summary>
/// Imports information systems from a read sheet with a column mapping. Validates every row first; writes
/// nothing unless every row is valid or the caller chose to import only the valid rows, and then writes
/// all of them in one SaveChanges (one transaction), each audited as an ordinary create. Needs
/// systems.manage for the whole organisation, as creating one system does. Units are named (unit name,
/// case-insensitive); the choice fields take the Swedish or English text shown in Tillit or the API value.
/// </summary>
public sealed class ImportSystems(TillitDbContext db, CurrentUser user, IStringLocalizer<SharedResource> l)
{
    public const int MaxErrorsListed = 1_000;

    private static readonly Dictionary<SystemImportField, string[]> Synonyms = new()
    {
        [SystemImportField.Name] = ["namn", "name", "system", "systemnamn", "informationssystem", "system name"],
        [SystemImportField.Purpose] = ["syfte", "purpose", "ändamål", "beskrivning", "description"],
        [SystemImportField.Unit] = ["verksamhet", "enhet", "unit", "förvaltning", "organisation", "organisationsenhet", "department"],
        [SystemImportField.Form] = ["form", "typ", "type", "automatiserat/manuellt"],
        [SystemImportField.Important] = ["viktigt för verksamheten", "viktigt", "verksamhetskritiskt", "important", "important to operations", "critical"],
        [SystemImportField.Hosting] = ["drift", "driftform", "hosting", "driftmiljö"],
        [SystemImportField.Lifecycle] = ["livscykel", "status", "lifecycle", "livscykelstatus"],
        [SystemImportField.Supplier] = ["leverantör", "supplier", "vendor"],
    };

    private static readonly Lazy<Dictionary<string, object>> ChoiceTexts = new(BuildChoiceTexts);

    /// <summary>A mapping guessed from the header names (Swedish and English); each field at most one column.</summary>
    public static Dictionary<SystemImportField, int> GuessMapping(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var mapping = new Dictionary<SystemImportField, int>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i].Trim().ToLowerInvariant();
            foreach (var (field, names) in Synonyms)
            {
                if (!mapping.ContainsKey(field) && !mapping.ContainsValue(i) && names.Contains(header))
                {
                    mapping[field] = i;
                }
            }
        }

        return mapping;
    }

    public static SystemImportField[] RequiredFields => [SystemImportField.Name, SystemImportField.Purpose, SystemImportField.Unit];

    /// <summary>Validates the sheet with the mapping (guessed when null); writes when <paramref name="commit"/> and valid (or <paramref name="validOnly"/>).</summary>
    public async Task<Outcome<ImportResult>> HandleAsync(SheetTable table, IReadOnlyDictionary<SystemImportField, int>? mapping, bool commit, bool validOnly, CancellationToken cancellationToken, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!await user.HasOrganisationWideAsync(Permissions.SystemsManage, cancellationToken))
        {
            return Outcome<ImportResult>.Forbidden();
        }

        var map = mapping is null ? GuessMapping(table.Headers) : mapping.Where(m => m.Value >= 0 && m.Value < table.Headers.Count).ToDictionary();
        var errors = new List<ImportError>();
        var errorCount = 0;
        void Fail(int row, SystemImportField field, string key, params object[] args)
        {
            errorCount++;
            if (errors.Count < MaxErrorsListed)
            {
                var column = map.TryGetValue(field, out var c) && !string.IsNullOrWhiteSpace(table.Headers[c]) ? table.Headers[c] : FieldLabel(field);
                errors.Add(new ImportError(row, column, row == 0 ? l["Import.FileError", column, l[key, args]] : l["Import.RowError", row, column, l[key, args]]));
            }
        }

        foreach (var field in RequiredFields.Where(f => !map.ContainsKey(f)))
        {
            Fail(0, field, "Import.FieldNotMapped");
        }

        var units = (await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken))
            .GroupBy(u => u.Name.Trim(), StringComparer.CurrentCultureIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count() == 1 ? g.First().Id : (Guid?)null, StringComparer.CurrentCultureIgnoreCase);
        var existing = (await db.InformationSystems.AsNoTracking().Select(s => s.Name).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.CurrentCultureIgnoreCase);
        var seen = new HashSet<string>(StringComparer.CurrentCultureIgnoreCase);
        var valid = new List<InformationSystem>();
        var organisationId = user.OrganisationId!.Value;
        var processed = 0;
        foreach (var row in errorCount > 0 ? [] : table.Rows)
        {
            var before = errorCount;
            string Cell(SystemImportField field) => map.TryGetValue(field, out var c) && c < row.Cells.Length ? row.Cells[c] : string.Empty;

            var name = Cell(SystemImportField.Name);
            if (name.Length == 0)
            {
                Fail(row.Number, SystemImportField.Name, "Import.Required");
            }
            else if (name.Length > 200)
            {
                Fail(row.Number, SystemImportField.Name, "Import.TooLong", 200);
            }
            else if (existing.Contains(name))
            {
                Fail(row.Number, SystemImportField.Name, "Import.SystemExists", name);
            }
            else if (!seen.Add(name))
            {
                Fail(row.Number, SystemImportField.Name, "Import.DuplicateInFile", name);
            }

            var purpose = Cell(SystemImportField.Purpose);
            if (purpose.Length == 0)
            {
                Fail(row.Number, SystemImportField.Purpose, "Import.Required");
            }
            else if (purpose.Length > 2000)
            {
                Fail(row.Number, SystemImportField.Purpose, "Import.TooLong", 2000);
            }

            var unitName = Cell(SystemImportField.Unit);
            Guid unitId = default;
            if (unitName.Length == 0)
            {
                Fail(row.Number, SystemImportField.Unit, "Import.Required");
            }
            else if (!units.TryGetValue(unitName, out var found))
            {
                Fail(row.Number, SystemImportField.Unit, "Import.UnitUnknown", unitName);
            }
            else if (found is not { } id)
            {
                Fail(row.Number, SystemImportField.Unit, "Import.UnitAmbiguous", unitName);
            }
            else
            {
                unitId = id;
            }

            var form = Choice(row.Number, SystemImportField.Form, Cell(SystemImportField.Form), SystemForm.Automated);
            var hosting = Choice(row.Number, SystemImportField.Hosting, Cell(SystemImportField.Hosting), form == SystemForm.Manual ? Hosting.NotApplicable : Hosting.OwnOperation);
            var lifecycle = Choice(row.Number, SystemImportField.Lifecycle, Cell(SystemImportField.Lifecycle), Lifecycle.InUse);
            var important = Cell(SystemImportField.Important).ToLowerInvariant() switch
            {
                "" or "nej" or "no" or "false" or "0" or "falskt" => false,
                "ja" or "yes" or "true" or "1" or "x" or "sant" => true,
                var other => Invalid(row.Number, SystemImportField.Important, other),
            };
            var supplier = Cell(SystemImportField.Supplier);
            if (supplier.Length > 200)
            {
                Fail(row.Number, SystemImportField.Supplier, "Import.TooLong", 200);
            }

            if (errorCount == before)
            {
                valid.Add(new InformationSystem(organisationId, name, purpose, unitId, form)
                {
                    ImportantToOperations = important,
                    Hosting = hosting,
                    Lifecycle = lifecycle,
                    Supplier = supplier.Length == 0 ? null : supplier,
                });
            }

            if (++processed % 1000 == 0)
            {
                progress?.Report(processed);
            }
        }

        var write = commit && valid.Count > 0 && (errorCount == 0 || (validOnly && table.Rows.Count > 0 && !RequiredFields.Any(f => !map.ContainsKey(f))));
        if (write)
        {
            db.InformationSystems.AddRange(valid);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome<ImportResult>.Ok(new ImportResult(table.Headers, map, table.Rows.Count, valid.Count, errorCount, errors, write ? valid.Count : 0, write));

        T Choice<T>(int rowNumber, SystemImportField field, string text, T fallback)
            where T : struct, Enum
        {
            if (text.Length == 0)
            {
                return fallback;
            }

            if (ChoiceTexts.Value.TryGetValue(typeof(T).Name + ":" + text.ToLowerInvariant(), out var value))
            {
                return (T)value;
            }

            Fail(rowNumber, field, "Import.ChoiceUnknown", text);
            return fallback;
        }

        bool Invalid(int rowNumber, SystemImportField field, string text)
        {
            Fail(rowNumber, field, "Import.ChoiceUnknown", text);
            return false;
        }
    }

    /// <summary>The label of a field, as in the system form.</summary>
    public string FieldLabel(SystemImportField field) => l[field switch
    {
        SystemImportField.Name => "System.Name",
        SystemImportField.Purpose => "System.Purpose",
        SystemImportField.Unit => "System.Unit",
        SystemImportField.Form => "System.Form",
        SystemImportField.Important => "System.Important",
        SystemImportField.Hosting => "System.Hosting",
        SystemImportField.Lifecycle => "System.Lifecycle",
        _ => "System.Supplier",
    }];

    // "Hosting:molntjänst" -> Hosting.Cloud: the API names and the Swedish and English texts of every choice.
    private static Dictionary<string, object> BuildChoiceTexts()
    {
        var texts = new Dictionary<string, object>(StringComparer.Ordinal);
        var resources = new System.Resources.ResourceManager("Tillit.Web.SharedResource", typeof(SharedResource).Assembly);
        foreach (var type in new[] { typeof(SystemForm), typeof(Hosting), typeof(Lifecycle) })
        {
            foreach (var value in Enum.GetValues(type))
            {
                var name = value.ToString()!;
                texts[type.Name + ":" + name.ToLowerInvariant()] = value;
                foreach (var culture in new[] { CultureInfo.GetCultureInfo("sv"), CultureInfo.GetCultureInfo("en") })
                {
                    if (resources.GetString(type.Name + "." + name, culture) is { Length: > 0 } text)
                    {
                        texts.TryAdd(type.Name + ":" + text.Trim().ToLowerInvariant(), value);
                    }
                }
            }
        }

        return texts;
    }
}
