using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Domain.Incidents;
using Tillit.Domain.Register;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Incidents;

/// <summary>The incidents the reader may handle or see (/incidents), filtered, sorted and paged.</summary>
[RequirePermission(Permissions.IncidentsHandle)]
public sealed class IndexModel(IncidentHandlingQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public IncidentStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public IncidentCategory? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public ConsequenceLevel? Severity { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Open { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    public Paged<IncidentRow> Result { get; private set; } = default!;

    public PagerModel Pager { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!IncidentHandlingQueries.IsAllowedSort(Sort))
        {
            Sort = null;
        }

        Result = await queries.ListAsync(new IncidentFilter(Status, Category, Severity, Open), new PageRequest(PageNumber, PageRequest.DefaultSize, Sort, Desc), cancellationToken);
        Pager = PagerModel.For(Request, Result);
        return Page();
    }
}
