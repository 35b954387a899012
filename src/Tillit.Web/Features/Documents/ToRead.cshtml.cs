using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Documents;

/// <summary>The documents the signed-in person is asked to read and confirm (/documents/to-read).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ToReadModel(AcknowledgementQueries queries) : PageModel
{
    public IReadOnlyList<ToRead> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Items = await queries.ToReadAsync(cancellationToken);
        return Page();
    }
}
