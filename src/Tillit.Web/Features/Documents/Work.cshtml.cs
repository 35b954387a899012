using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Documents;

/// <summary>Drafts and versions for decision (/documents/work): a protected list, audited.</summary>
[RequirePermission(Permissions.DocumentsDrafts)]
public sealed class WorkModel(DocumentQueries queries) : PageModel
{
    public IReadOnlyList<WorkRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await queries.WorkListAsync(cancellationToken);
        return Page();
    }
}
