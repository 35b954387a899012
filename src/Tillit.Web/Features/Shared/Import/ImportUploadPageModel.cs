using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Shared.Import;

/// <summary>
/// The first step of every register import (/…/import), the upload: the file is read once here so a file that
/// is not a spreadsheet (or a zip bomb, or too large) is refused at once; then it is kept server-side
/// (<see cref="ImportUploads"/>) and the page's preview takes over. Needs the permission organisation-wide.
/// A page gives the permission and the path it redirects to; its view uses the shared _ImportUpload partial.
/// Put <c>RequestSizeLimit</c> and <c>RequestFormLimits</c> of <see cref="SpreadsheetReader.MaxUploadBytes"/> on the page.
/// </summary>
public abstract class ImportUploadPageModel(ImportUploads uploads, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The permission needed organisation-wide, as for creating one record.</summary>
    protected abstract string Permission { get; }

    /// <summary>The preview's path without the id ("/systems/import").</summary>
    protected abstract string PreviewPath { get; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await user.HasOrganisationWideAsync(Permission, cancellationToken) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(IFormFile? upload, CancellationToken cancellationToken)
    {
        if (!await user.HasOrganisationWideAsync(Permission, cancellationToken))
        {
            return Forbid();
        }

        var (id, refusal, arguments) = await uploads.AcceptAsync(upload, cancellationToken);
        if (id is { } accepted)
        {
            return Redirect($"{PreviewPath}/{accepted}");
        }

        ModelState.AddModelError("upload", l[refusal!, arguments]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
