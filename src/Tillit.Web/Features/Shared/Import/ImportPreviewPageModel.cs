using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Tillit.Web.Features.Shared.Import;

/// <summary>A field in the mapping form: its name (the form key), label, whether it must have a column, and the chosen column (-1: none).</summary>
public sealed record ImportFieldChoice(string Name, string Label, bool Required, int Chosen);

/// <summary>What the shared preview partial (Features/Shared/_ImportPreview.cshtml) shows.</summary>
public interface IImportPreview
{
    ImportSummary? Summary { get; }

    bool Imported { get; }

    IEnumerable<ImportFieldChoice> Fields { get; }

    /// <summary>The list the import adds to ("/systems").</summary>
    string ListPath { get; }

    /// <summary>The upload page ("/systems/import").</summary>
    string UploadPath { get; }

    /// <summary>What the empty values of the optional fields become (shown under the mapping).</summary>
    string MappingHint { get; }

    /// <summary>"{0} systems imported."</summary>
    string DoneMessage { get; }
}

/// <summary>
/// The second step of every register import (/…/import/{id}): the mapping of the file's columns to the fields
/// (guessed from the headers at first), the preview with every row and column error, and the import itself,
/// which writes nothing unless every row is valid or the user chose to import only the valid rows. A page
/// names its import, fields and paths; the view is the shared partial.
/// </summary>
public abstract class ImportPreviewPageModel<TField>(ImportUploads uploads, IStringLocalizer<SharedResource> l) : PageModel, IImportPreview
    where TField : struct, Enum
{
    /// <summary>The localizer of the messages, for the page's own texts.</summary>
    protected IStringLocalizer<SharedResource> Localizer { get; } = l;

    /// <summary>Field to column index (-1 for none); empty means guess from the headers.</summary>
    [BindProperty(SupportsGet = true)]
    public Dictionary<TField, int> Map { get; set; } = [];

    public Guid Id { get; private set; }

    public ImportResult<TField>? Result { get; private set; }

    public ImportSummary? Summary => Result;

    public bool Imported { get; private set; }

    public IEnumerable<ImportFieldChoice> Fields =>
        Enum.GetValues<TField>().Select(f => new ImportFieldChoice(f.ToString(), FieldLabel(f), RequiredFields.Contains(f), Map.TryGetValue(f, out var c) ? c : -1));

    public abstract string ListPath { get; }

    public abstract string UploadPath { get; }

    public abstract string MappingHint { get; }

    public string DoneMessage => Result is null ? string.Empty : Done(Result.Created);

    protected abstract IReadOnlyCollection<TField> RequiredFields { get; }

    public abstract string FieldLabel(TField field);

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

    /// <summary>"{0} … imported." for the count created.</summary>
    protected abstract string Done(int created);

    /// <summary>Checks (and when <paramref name="commit"/>, writes) the file with the mapping (null: guess).</summary>
    protected abstract Task<Outcome<ImportResult<TField>>> ImportAsync(SheetTable table, IReadOnlyDictionary<TField, int>? mapping, bool commit, bool validOnly, CancellationToken cancellationToken);

    private async Task<IActionResult> RunAsync(bool commit, bool validOnly, CancellationToken cancellationToken)
    {
        SheetTable table;
        var stream = uploads.Open(Id);
        if (stream is null)
        {
            ModelState.AddModelError(string.Empty, Localizer["Import.Expired"]);
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
                ModelState.AddModelError(string.Empty, Localizer[refused.Key, [.. refused.Arguments]]);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
        }

        var outcome = await ImportAsync(table, Map.Count == 0 ? null : Map, commit, validOnly, cancellationToken);
        if (this.ToPageResult(outcome, Localizer) is { } refusedResult)
        {
            return refusedResult;
        }

        Result = outcome.Value!;
        Map = new Dictionary<TField, int>(Result.Mapping);
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
