using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.InformationSets;

/// <summary>A set: its facts, the systems that hold it and (for classifications.read) its classification and history.</summary>
[RequirePermission(Permissions.SystemsRead)]
public sealed class DetailsModel(InformationSetQueries queries, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    public SetDetails Set { get; private set; } = default!;

    public bool CanClassify { get; private set; }

    public bool CanEdit { get; private set; }

    public bool SeesTrail { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Set = outcome.Value!;
        CanClassify = await queries.MayClassifyAsync(id, cancellationToken);
        CanEdit = await user.HasOrganisationWideAsync(Permissions.SystemsManage, cancellationToken)
            || (await user.SystemScopesAsync(Permissions.SystemsManage, cancellationToken)).Any(s => Set.Systems.Any(x => x.Id == s));
        SeesTrail = Set.ClassificationVisible && await user.HasAsync(Permissions.AuditRead, cancellationToken);
        return Page();
    }
}
