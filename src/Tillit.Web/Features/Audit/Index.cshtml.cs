using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Audit;

/// <summary>The security officer's search over the audit trail, with export. Each search is itself recorded.</summary>
[RequirePermission(Permissions.AuditRead)]
public sealed class IndexModel(AuditQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public Paged<AuditRow> Result { get; private set; } = default!;

    public PagerModel Pager { get; private set; } = default!;

    private AuditFilter Filter => new(Actor, Type, Id, Action, From, To);

    /// <summary>"page" is read from the query only: Razor Pages also has a route value of that name.</summary>
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Result = new Paged<AuditRow>([], 0, 1, PageRequest.DefaultSize, "time", true);
            Pager = PagerModel.For(Request, Result);
            return Page();
        }

        Result = await queries.SearchAsync(Filter, new PageRequest(pageNumber ?? 1), cancellationToken);
        Pager = PagerModel.For(Request, Result);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var csv = await queries.ExportCsvAsync(Filter, cancellationToken);
        return File(csv, "text/csv; charset=utf-8", "tillit-granskningslogg.csv");
    }
}
