using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Systems;

/// <summary>A system: its facts, owner and the history of appointments, dependencies, the sets it holds and its protection need.</summary>
[RequirePermission(Permissions.SystemsRead)]
public sealed class DetailsModel(SystemQueries queries, AppointSystemOwner appoint, CurrentUser user, Risk.RiskGapQueries riskGaps, IStringLocalizer<SharedResource> l) : PageModel
{
    public SystemDetails System { get; private set; } = default!;

    public bool CanEdit { get; private set; }

    public bool CanAppoint { get; private set; }

    public bool SeesNeed { get; private set; }

    public bool SeesAssessments { get; private set; }

    /// <summary>The system's risk analysis state, for those who may read its analyses (issue 5).</summary>
    public Risk.SystemRiskState? RiskState { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        System = outcome.Value!;
        CanEdit = await user.HasForSystemAsync(Permissions.SystemsManage, id, System.UnitPath, cancellationToken);
        CanAppoint = await appoint.MayAppointAsync(cancellationToken);
        SeesNeed = await user.HasAsync(Permissions.ClassificationsRead, cancellationToken);
        SeesAssessments = await user.HasAsync(Permissions.AssessmentsRead, cancellationToken);
        if (await user.HasForSystemAsync(Permissions.RisksRead, id, System.UnitPath, cancellationToken))
        {
            RiskState = await riskGaps.ForSystemAsync(id, cancellationToken);
        }

        return Page();
    }
}
