using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Training;

/// <summary>The signed-in person's courses and completions (/training/mine): what to take, and until when a completion holds.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MineModel(TrainingQueries queries) : PageModel
{
    public IReadOnlyList<MyCourse> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Items = await queries.MineAsync(cancellationToken);
        return Page();
    }
}
