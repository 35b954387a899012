using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Features.Shared.Import;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Training;

/// <summary>
/// /training/import: the first step of an import, the upload. The file is read once here so a file that is
/// not a spreadsheet (or a zip bomb, or too large) is refused at once; then it is kept server-side
/// (<see cref="ImportUploads"/>) and the mapping and preview page takes over.
/// </summary>
[RequirePermission(Permissions.TrainingManage)]
[RequestSizeLimit(SpreadsheetReader.MaxUploadBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = SpreadsheetReader.MaxUploadBytes + (1024 * 1024))]
public sealed class ImportModel(ImportUploads uploads, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await user.HasOrganisationWideAsync(Permissions.TrainingManage, cancellationToken) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(IFormFile? upload, CancellationToken cancellationToken)
    {
        if (!await user.HasOrganisationWideAsync(Permissions.TrainingManage, cancellationToken))
        {
            return Forbid();
        }

        var (id, refusal, arguments) = await uploads.AcceptAsync(upload, cancellationToken);
        return id is { } accepted ? Redirect($"/training/import/{accepted}") : Refuse(refusal!, arguments);
    }

    private PageResult Refuse(string key, params object[] args)
    {
        ModelState.AddModelError("upload", l[key, args]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
