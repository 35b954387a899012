using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tillit.Web.Features.Shared.Import;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Systems;

/// <summary>/systems/import: the upload step of the import (<see cref="ImportUploadPageModel"/>).</summary>
[RequirePermission(Permissions.SystemsManage)]
[RequestSizeLimit(SpreadsheetReader.MaxUploadBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = SpreadsheetReader.MaxUploadBytes + (1024 * 1024))]
public sealed class ImportModel(ImportUploads uploads, CurrentUser user, IStringLocalizer<SharedResource> l) : ImportUploadPageModel(uploads, user, l)
{
    protected override string Permission => Permissions.SystemsManage;

    protected override string PreviewPath => "/systems/import";
}
