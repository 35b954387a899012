using Microsoft.Extensions.Localization;
using Tillit.Domain.Register;
using Tillit.Web.Features.InformationSets;
using Tillit.Web.Features.Shared.Export;
using Tillit.Web.Infrastructure.Audit;

namespace Tillit.Web.Features.Systems;

/// <summary>
/// Exports of the register's lists (systems, information sets) with the list's filters and sort, as
/// .xlsx or .csv. Each export is one audit event (action export) naming the query and the row count,
/// recorded after the file is written and before it is sent. The systems' columns are the ones the
/// import reads, so an export can be edited and imported into another organisation.
/// </summary>
public sealed class RegisterExportQueries(SystemQueries systems, InformationSetQueries sets, AuditTrail trail, IStringLocalizer<SharedResource> l)
{
    public const string SystemRecordType = "InformationSystem";
    public const string SetRecordType = "InformationSet";

    public async Task<ExportFile> SystemsAsync(SystemFilter filter, string? sort, bool descending, ExportFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (rows, seesNeed) = await systems.ExportAsync(filter, sort, descending, cancellationToken);
        List<ExportColumn<SystemExportRow>> columns =
        [
            new(l["System.Name"], r => r.Name),
            new(l["System.Purpose"], r => r.Purpose),
            new(l["System.Unit"], r => r.UnitName),
            new(l["System.Form"], r => l["SystemForm." + r.Form].Value),
            new(l["System.Important"], r => r.ImportantToOperations ? l["Common.Yes"].Value : l["Common.No"].Value),
            new(l["System.Hosting"], r => l["Hosting." + r.Hosting].Value),
            new(l["System.Lifecycle"], r => l["Lifecycle." + r.Lifecycle].Value),
            new(l["System.Supplier"], r => r.Supplier),
            new(l["System.Owner"], r => r.OwnerName),
        ];
        if (seesNeed)
        {
            columns.Add(new(l["System.ProtectionNeed"], r => r.ProtectionNeed));
        }

        var file = await TableExport.WriteAsync(format, l["Export.SystemsFile"], columns, rows, cancellationToken);
        await trail.RecordListAsync(SystemRecordType, $"q={filter.Q};unit={filter.Unit};owner={filter.Owner};need={filter.Need};gap={filter.Gap};sort={sort};desc={descending};format={format}", file.Rows, export: true);
        return file;
    }

    public async Task<ExportFile> SetsAsync(SetFilter filter, string? sort, bool descending, ExportFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (rows, sees) = await sets.ExportAsync(filter, sort, descending, cancellationToken);
        List<ExportColumn<SetExportRow>> columns =
        [
            new(l["Set.Name"], r => r.Name),
            new(l["Set.Description"], r => r.Description),
            new(l["Set.Unit"], r => r.UnitName),
            new(l["Set.PersonalData"], r => l["PersonalData." + r.PersonalData].Value),
            new(l["Set.SecrecyReference"], r => r.SecrecyReference),
            new(l["Set.SystemCount"], r => r.Systems),
        ];
        if (sees)
        {
            columns.Add(new(l["Set.Classification"], r => r.State is { } s ? l["ClassificationState." + s].Value : null));
            columns.Add(new(l["System.ProtectionNeed"], r => r.ProtectionNeed));
            columns.Add(new(l["Set.ValidUntil"], r => r.ValidUntil));
        }

        var file = await TableExport.WriteAsync(format, l["Export.SetsFile"], columns, rows, cancellationToken);
        await trail.RecordListAsync(sees ? InformationSetQueries.ProtectedType : SetRecordType, $"q={filter.Q};unit={filter.Unit};system={filter.System};state={filter.State};sort={sort};desc={descending};format={format}", file.Rows, export: true);
        return file;
    }
}
