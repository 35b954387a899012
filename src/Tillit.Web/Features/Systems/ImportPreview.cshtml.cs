using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Features.Shared.Import;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Systems;

/// <summary>
/// /systems/import/{id}: the mapping of the file's columns to the fields (guessed from the headers at
/// first), the preview with every row and column error, and the import itself, which writes nothing
/// unless every row is valid or the user chose to import only the valid rows.
/// </summary>
[RequirePermission(Permissions.SystemsManage)]
public sealed class ImportPreviewModel(ImportUploads uploads, ImportSystems import, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Field to column index (-1 for none); empty means guess from the headers.</summary>
    [BindProperty(SupportsGet = true)]
    public Dictionary<SystemImportField, int> Map { get; set; } = [];

    public Guid Id { get; private set; }

    public ImportResult? Result { get; private set; }

    public bool Imported { get; private set; }

    public string FieldLabel(SystemImportField field) => import.FieldLabel(field);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        return await RunAsync(commit: false, validOnly: false, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, bool validOnly, CancellationToken cancellationToken)
    {
        Id = id;
        return await RunAsync(commit: true, validOnly, cancellationToken);
    }

    private async Task<IActionResult> RunAsync(bool commit, bool validOnly, CancellationToken cancellationToken)
    {
        SheetTable table;
        var stream = uploads.Open(Id);
        if (stream is null)
        {
            return Gone();
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

        var outcome = await import.HandleAsync(table, Map.Count == 0 ? null : Map, commit, validOnly, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refusedResult)
        {
            return refusedResult;
        }

        Result = outcome.Value!;
        Map = new Dictionary<SystemImportField, int>(Result.Mapping);
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

    private PageResult Gone()
    {
        ModelState.AddModelError(string.Empty, l["Import.Expired"]);
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
