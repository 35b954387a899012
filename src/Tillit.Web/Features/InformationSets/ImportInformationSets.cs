using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tillit.Data;
using Tillit.Domain.Register;
using Tillit.Web.Features.Shared.Import;
using Tillit.Web.Infrastructure.Audit;
using Tillit.Web.Security;

namespace Tillit.Web.Features.InformationSets;

/// <summary>A field of an information set that an import column can be mapped to.</summary>
public enum SetImportField
{
    Name = 0,
    Description = 1,
    Unit = 2,
    Systems = 3,
    PersonalData = 4,
    SensitivePersonalData = 5,
    SecrecyReference = 6,
    ProtectiveSecurity = 7,
}

/// <summary>
/// Imports information sets (informationsmängder) and the systems that hold them from a read sheet with a column
/// mapping, the way the systems import (ImportSystems) does: every row is checked first; nothing is
/// written unless every row is valid or the caller chose only the valid rows, and then every set and every
/// holding is written in one transaction by <see cref="AuditedBulkInsert"/>, each with the create event an
/// ordinary save writes. Needs systems.manage for the whole organisation, as creating one set does. The unit and the systems are named
/// (case-insensitive), the systems separated by ';'. No classification is imported: a classification is
/// approved by a system owner (its ApprovedById), which a file cannot do.
/// </summary>
public sealed class ImportInformationSets(TillitDbContext db, AuditedBulkInsert bulk, CurrentUser user, IStringLocalizer<SharedResource> l)
{
    private static readonly Dictionary<SetImportField, string[]> Synonyms = new()
    {
        [SetImportField.Name] = ["namn", "name", "informationsmängd", "informationsmängdens namn", "information set", "set"],
        [SetImportField.Description] = ["beskrivning", "description", "innehåll", "vilken information"],
        [SetImportField.Unit] = ["ägande verksamhet", "verksamhet", "enhet", "unit", "förvaltning", "ägare", "informationsägare", "owning unit", "department"],
        [SetImportField.Systems] = ["system", "finns i system", "informationssystem", "systems", "held in systems"],
        [SetImportField.PersonalData] = ["personuppgifter", "personal data", "pu"],
        [SetImportField.SensitivePersonalData] = ["känsliga personuppgifter", "känsliga", "sensitive personal data", "sensitive"],
        [SetImportField.SecrecyReference] = ["sekretess", "sekretessbestämmelse", "sekretessbestämmelse (osl)", "osl", "secrecy", "secrecy provision"],
        [SetImportField.ProtectiveSecurity] = ["säkerhetsskydd", "protective security"],
    };

    private static readonly Lazy<ImportChoices> Choices = new(() => new ImportChoices(typeof(PersonalData)));

    public static SetImportField[] RequiredFields => [SetImportField.Name, SetImportField.Unit];

    /// <summary>A mapping guessed from the header names (Swedish and English); each field at most one column.</summary>
    public static Dictionary<SetImportField, int> GuessMapping(IReadOnlyList<string> headers) => ImportCheck<SetImportField>.Guess(headers, Synonyms);

    /// <summary>Validates the sheet with the mapping (guessed when null); writes when <paramref name="commit"/> and valid (or <paramref name="validOnly"/>).</summary>
    public async Task<Outcome<ImportResult<SetImportField>>> HandleAsync(SheetTable table, IReadOnlyDictionary<SetImportField, int>? mapping, bool commit, bool validOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!await user.HasOrganisationWideAsync(Permissions.SystemsManage, cancellationToken))
        {
            return Outcome<ImportResult<SetImportField>>.Forbidden();
        }

        var check = new ImportCheck<SetImportField>(table, mapping, Synonyms, RequiredFields, FieldLabel, l);
        var units = await ImportLookups.UnitsByNameAsync(db, cancellationToken);
        var systems = await ImportLookups.SystemsByNameAsync(db, cancellationToken);
        var existing = (await db.InformationSets.AsNoTracking().Select(s => s.Name).ToListAsync(cancellationToken))
            .Select(n => n.Trim()).ToHashSet(StringComparer.CurrentCultureIgnoreCase);
        var seen = new HashSet<string>(StringComparer.CurrentCultureIgnoreCase);
        var organisationId = user.OrganisationId!.Value;
        var sets = new List<InformationSet>();
        var holdings = new List<InformationSetSystem>();
        foreach (var row in check.MappingComplete ? table.Rows : [])
        {
            var before = check.ErrorCount;
            var name = check.Text(row, SetImportField.Name, 200, required: true);
            if (name.Length is > 0 and <= 200)
            {
                if (existing.Contains(name))
                {
                    check.Fail(row.Number, SetImportField.Name, "Import.SetExists", name);
                }
                else if (!seen.Add(name))
                {
                    check.Fail(row.Number, SetImportField.Name, "Import.DuplicateInFile", name);
                }
            }

            var description = check.Text(row, SetImportField.Description, 2000, required: false);
            var unitId = ImportLookups.Unit(check, row, SetImportField.Unit, units);
            var held = HeldIn(check, row, systems);
            var personal = PersonalDataOf(check, row);
            var secrecy = check.Text(row, SetImportField.SecrecyReference, 200, required: false);
            var protective = check.YesNo(row, SetImportField.ProtectiveSecurity);
            if (check.ErrorCount == before)
            {
                var set = new InformationSet(organisationId, name, unitId)
                {
                    Description = description.Length == 0 ? null : description,
                    PersonalData = personal,
                    SecrecyReference = secrecy.Length == 0 ? null : secrecy,
                    ProtectiveSecurity = protective,
                };
                sets.Add(set);
                holdings.AddRange(held.Select(systemId => new InformationSetSystem(organisationId, set.Id, systemId)));
            }
        }

        var write = check.MayWrite(commit, validOnly, sets.Count);
        if (write)
        {
            // A new set has no classification, so no system's protection need changes.
            // The sets first: the holdings refer to them.
            await bulk.InsertAsync([BulkRows.Of(sets), BulkRows.Of(holdings)], cancellationToken);
        }

        return Outcome<ImportResult<SetImportField>>.Ok(check.Result(table.Rows.Count, sets.Count, write));
    }

    /// <summary>The label of a field, as in the set form.</summary>
    public string FieldLabel(SetImportField field) => l[field switch
    {
        SetImportField.Name => "Set.Name",
        SetImportField.Description => "Set.Description",
        SetImportField.Unit => "Set.Unit",
        SetImportField.Systems => "Set.Systems",
        SetImportField.PersonalData => "Set.PersonalData",
        SetImportField.SensitivePersonalData => "Set.SensitivePersonalData",
        SetImportField.SecrecyReference => "Set.SecrecyReference",
        _ => "Set.ProtectiveSecurity",
    }];

    // "Lönesystem; Personalsystem" -> their ids; each name must name exactly one system.
    private static List<Guid> HeldIn(ImportCheck<SetImportField> check, SheetRow row, Dictionary<string, Guid?> systems)
    {
        var ids = new List<Guid>();
        foreach (var name in check.Cell(row, SetImportField.Systems).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!systems.TryGetValue(name, out var found))
            {
                check.Fail(row.Number, SetImportField.Systems, "Import.SystemUnknown", name);
            }
            else if (found is not { } id)
            {
                check.Fail(row.Number, SetImportField.Systems, "Import.SystemAmbiguous", name);
            }
            else if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        if (ids.Count > SaveInformationSet.MaxSystems)
        {
            check.Fail(row.Number, SetImportField.Systems, "Import.TooManySystems", SaveInformationSet.MaxSystems);
        }

        return ids;
    }

    // The personal data column takes the texts of the choice (Inga personuppgifter, Personuppgifter, Känsliga
    // personuppgifter) or yes/no; a yes in the sensitive column makes it sensitive whatever the first says.
    private static PersonalData PersonalDataOf(ImportCheck<SetImportField> check, SheetRow row)
    {
        var text = check.Cell(row, SetImportField.PersonalData);
        var personal = ImportChoices.YesNo(text) is { } yes
            ? (yes ? PersonalData.Personal : PersonalData.None)
            : Choices.Value.Choice(check, row, SetImportField.PersonalData, PersonalData.None);
        return check.YesNo(row, SetImportField.SensitivePersonalData) ? PersonalData.Sensitive : personal;
    }
}
