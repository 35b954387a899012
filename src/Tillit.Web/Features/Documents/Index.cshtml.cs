using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Domain.Documents;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Documents;

/// <summary>The organisation's governing documents with the version that applies.</summary>
[RequirePermission(Permissions.DocumentsRead)]
public sealed class IndexModel(DocumentQueries queries, Units.UnitQueries units, CurrentUser user, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public DocumentType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Unit { get; set; }

    public IReadOnlyList<(Guid Id, string Name, int Depth)> UnitChoices { get; private set; } = [];

    public bool CanWrite { get; private set; }

    public bool CanReadDrafts { get; private set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    public Paged<DocumentRow> Result { get; private set; } = default!;

    public PagerModel Pager { get; private set; } = default!;

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!DocumentQueries.Sorts.IsAllowed(Sort))
        {
            Sort = null;
        }

        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Result = await queries.ListAsync(Q, Type, Unit, new PageRequest(PageNumber, PageRequest.DefaultSize, Sort, Desc), cancellationToken);
        UnitChoices = await units.ChoicesAsync(cancellationToken);
        CanWrite = await user.HasOrganisationWideAsync(Permissions.DocumentsWrite, cancellationToken);
        CanReadDrafts = await user.HasOrganisationWideAsync(Permissions.DocumentsDrafts, cancellationToken);
        Pager = PagerModel.For(Request, Result);
        return Page();
    }
}
