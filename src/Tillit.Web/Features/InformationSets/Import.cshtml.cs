using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tillit.Web.Features.Shared.Import;
using Tillit.Web.Security;

namespace Tillit.Web.Features.InformationSets;

/// <summary>/information-sets/import: the upload step of the set import (<see cref="ImportUploadPageModel"/>); the same permission as creating a set.</summary>
[RequirePermission(Permissions.SystemsManage)]
[RequestSizeLimit(SpreadsheetReader.MaxUploadBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = SpreadsheetReader.MaxUploadBytes + (1024 * 1024))]
public sealed class ImportModel(ImportUploads uploads, CurrentUser user, IStringLocalizer<SharedResource> l) : ImportUploadPageModel(uploads, user, l)
{
    protected override string Permission => Permissions.SystemsManage;

    protected override string PreviewPath => "/information-sets/import";
}
