using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Documents;

/// <summary>A version of a document as a PDF shown in the browser (inline), with the access of its page.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class PdfModel(DocumentPdfQueries pdfs) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid versionId, CancellationToken cancellationToken)
    {
        var outcome = await pdfs.GetAsync(id, versionId, cancellationToken);
        if (!outcome.IsOk)
        {
            return outcome.Kind == OutcomeKind.Forbidden ? Forbid() : NotFound();
        }

        var pdf = outcome.Value!;
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(pdf.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(pdf.Content, "application/pdf");
    }
}
