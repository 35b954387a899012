using Microsoft.Extensions.Localization;
using Tillit.Web.Features.Shared.Import;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Systems;

/// <summary>/systems/import/{id}: the mapping, preview and import of information systems (<see cref="ImportSystems"/>).</summary>
[RequirePermission(Permissions.SystemsManage)]
public sealed class ImportPreviewModel(ImportUploads uploads, ImportSystems import, IStringLocalizer<SharedResource> localizer) : ImportPreviewPageModel<SystemImportField>(uploads, localizer)
{
    public override string ListPath => "/systems";

    public override string UploadPath => "/systems/import";

    public override string MappingHint => Localizer["Import.MappingHint"];

    protected override IReadOnlyCollection<SystemImportField> RequiredFields => ImportSystems.RequiredFields;

    public override string FieldLabel(SystemImportField field) => import.FieldLabel(field);

    protected override string Done(int created) => Localizer["Import.Done", created];

    protected override Task<Outcome<ImportResult<SystemImportField>>> ImportAsync(SheetTable table, IReadOnlyDictionary<SystemImportField, int>? mapping, bool commit, bool validOnly, CancellationToken cancellationToken) =>
        import.HandleAsync(table, mapping, commit, validOnly, cancellationToken);
}
