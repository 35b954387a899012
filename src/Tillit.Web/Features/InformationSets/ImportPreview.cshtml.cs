using Microsoft.Extensions.Localization;
using Tillit.Web.Features.Shared.Import;
using Tillit.Web.Security;

namespace Tillit.Web.Features.InformationSets;

/// <summary>/information-sets/import/{id}: the mapping, preview and import of information sets (<see cref="ImportInformationSets"/>).</summary>
[RequirePermission(Permissions.SystemsManage)]
public sealed class ImportPreviewModel(ImportUploads uploads, ImportInformationSets import, IStringLocalizer<SharedResource> localizer) : ImportPreviewPageModel<SetImportField>(uploads, localizer)
{
    public override string ListPath => "/information-sets";

    public override string UploadPath => "/information-sets/import";

    public override string MappingHint => Localizer["Sets.ImportMappingHint"];

    protected override IReadOnlyCollection<SetImportField> RequiredFields => ImportInformationSets.RequiredFields;

    public override string FieldLabel(SetImportField field) => import.FieldLabel(field);

    protected override string Done(int created) => Localizer["Sets.ImportDone", created];

    protected override Task<Outcome<ImportResult<SetImportField>>> ImportAsync(SheetTable table, IReadOnlyDictionary<SetImportField, int>? mapping, bool commit, bool validOnly, CancellationToken cancellationToken) =>
        import.HandleAsync(table, mapping, commit, validOnly, cancellationToken);
}
