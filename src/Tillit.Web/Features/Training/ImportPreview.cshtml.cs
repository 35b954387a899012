using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Features.Shared.Import;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Training;

/// <summary>
/// /training/import/{id}: the mapping of the file's columns (guessed from the headers at first), the preview with
/// every row and column error, and the import, which writes every row or, when any row is wrong, nothing.
/// </summary>
[RequirePermission(Permissions.TrainingManage)]
public sealed class ImportPreviewModel(ImportUploads uploads, ImportCompletions import, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Field to column index (-1 for none); empty means guess from the headers.</summary>
    [BindProperty(SupportsGet = true)]
    public Dictionary<CompletionImportField, int> Map { get; set; } = [];

    public Guid Id { get; private set; }

    public CompletionImportResult? Result { get; private set; }

    public bool Imported { get; private set; }

    public string FieldLabel(CompletionImportField field) => import.FieldLabel(field);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        return await RunAsync(commit: false, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        return await RunAsync(commit: true, cancellationToken);
    }

    private async Task<IActionResult> RunAsync(bool commit, CancellationToken cancellationToken)
    {
        SheetTable table;
        var stream = uploads.Open(Id);
        if (stream is null)
        {
            ModelState.AddModelError(string.Empty, l["Import.Expired"]);
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        using (stream)
        {
            try
            {
                table = SpreadsheetReader.Read(stream);
            }
            catch (SpreadsheetRefusedException refused)
            {
                ModelState.AddModelError(string.Empty, l[refused.Key, [.. refused.Arguments]]);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
        }

        var outcome = await import.HandleAsync(table, Map.Count == 0 ? null : Map, commit, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refusedResult)
        {
            return refusedResult;
        }

        Result = outcome.Value!;
        Map = new Dictionary<CompletionImportField, int>(Result.Mapping);
        if (Result.Written)
        {
            uploads.Delete(Id);
            Imported = true;
        }
        else if (commit)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
