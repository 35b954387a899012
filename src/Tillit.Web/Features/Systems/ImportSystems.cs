using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tillit.Data;
using Tillit.Domain.Register;
using Tillit.Web.Features.Shared.Import;
using Tillit.Web.Infrastructure.Audit;
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

/// <summary>
/// Imports information systems from a read sheet with a column mapping. Validates every row first; writes
/// nothing unless every row is valid or the caller chose to import only the valid rows, and then writes
/// all of them in one transaction with <see cref="AuditedBulkInsert"/>: each audited by the same create event
/// an ordinary save writes, without a command per row (25,000 rows within the 10 s budget). Needs
/// systems.manage for the whole organisation, as creating one system does. Units are named (unit name,
/// case-insensitive); the choice fields take the Swedish or English text shown in Tillit or the API value.
/// </summary>
public sealed class ImportSystems(TillitDbContext db, AuditedBulkInsert bulk, CurrentUser user, IStringLocalizer<SharedResource> l)
{
    public const int MaxErrorsListed = ImportCheck<SystemImportField>.MaxErrorsListed;

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

    private static readonly Lazy<ImportChoices> Choices = new(() => new ImportChoices(typeof(SystemForm), typeof(Hosting), typeof(Lifecycle)));

    /// <summary>A mapping guessed from the header names (Swedish and English); each field at most one column.</summary>
    public static Dictionary<SystemImportField, int> GuessMapping(IReadOnlyList<string> headers) => ImportCheck<SystemImportField>.Guess(headers, Synonyms);

    public static SystemImportField[] RequiredFields => [SystemImportField.Name, SystemImportField.Purpose, SystemImportField.Unit];

    /// <summary>Validates the sheet with the mapping (guessed when null); writes when <paramref name="commit"/> and valid (or <paramref name="validOnly"/>).</summary>
    public async Task<Outcome<ImportResult<SystemImportField>>> HandleAsync(SheetTable table, IReadOnlyDictionary<SystemImportField, int>? mapping, bool commit, bool validOnly, CancellationToken cancellationToken, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!await user.HasOrganisationWideAsync(Permissions.SystemsManage, cancellationToken))
        {
            return Outcome<ImportResult<SystemImportField>>.Forbidden();
        }

        var check = new ImportCheck<SystemImportField>(table, mapping, Synonyms, RequiredFields, FieldLabel, l);
        var units = await ImportLookups.UnitsByNameAsync(db, cancellationToken);
        var existing = (await db.InformationSystems.AsNoTracking().Select(s => s.Name).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.CurrentCultureIgnoreCase);
        var seen = new HashSet<string>(StringComparer.CurrentCultureIgnoreCase);
        var valid = new List<InformationSystem>();
        var organisationId = user.OrganisationId!.Value;
        var processed = 0;
        foreach (var row in check.MappingComplete ? table.Rows : [])
        {
            var before = check.ErrorCount;
            var name = check.Text(row, SystemImportField.Name, 200, required: true);
            if (name.Length is > 0 and <= 200)
            {
                if (existing.Contains(name))
                {
                    check.Fail(row.Number, SystemImportField.Name, "Import.SystemExists", name);
                }
                else if (!seen.Add(name))
                {
                    check.Fail(row.Number, SystemImportField.Name, "Import.DuplicateInFile", name);
                }
            }

            var purpose = check.Text(row, SystemImportField.Purpose, 2000, required: true);
            var unitId = ImportLookups.Unit(check, row, SystemImportField.Unit, units);
            var form = Choices.Value.Choice(check, row, SystemImportField.Form, SystemForm.Automated);
            var hosting = Choices.Value.Choice(check, row, SystemImportField.Hosting, form == SystemForm.Manual ? Hosting.NotApplicable : Hosting.OwnOperation);
            var lifecycle = Choices.Value.Choice(check, row, SystemImportField.Lifecycle, Lifecycle.InUse);
            var important = check.YesNo(row, SystemImportField.Important);
            var supplier = check.Text(row, SystemImportField.Supplier, 200, required: false);
            if (check.ErrorCount == before)
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

        var write = check.MayWrite(commit, validOnly, valid.Count);
        if (write)
        {
            await bulk.InsertAsync([BulkRows.Of(valid)], cancellationToken);
        }

        return Outcome<ImportResult<SystemImportField>>.Ok(check.Result(table.Rows.Count, valid.Count, write));
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
}
