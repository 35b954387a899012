using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Domain.Access;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Home;

/// <summary>The start page: one section per role the person holds, in the order of the policy.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(CurrentUser user, HomeQueries queries, Systems.RegisterGapQueries gaps, Measures.ActionPlanGapQueries planGaps, Documents.AcknowledgementQueries acknowledgements, Deviations.DeviationQueries deviations, Risk.RiskGapQueries riskGaps) : PageModel
{
    public IReadOnlyList<Role> Roles { get; private set; } = [];

    /// <summary>Approved deviations past their expiry, for the security officer's and the director's cards.</summary>
    public int ExpiredDeviations { get; private set; }

    public HomeFigures Figures { get; private set; } = default!;

    /// <summary>The register's gaps, for the director's and the security officer's cards; null for everyone else.</summary>
    public Systems.RegisterGaps? Gaps { get; private set; }

    /// <summary>The action plan's gaps, for the same two cards.</summary>
    public Measures.ActionPlanGaps? PlanGaps { get; private set; }

    /// <summary>Documents the person is asked to read and confirm.</summary>
    public IReadOnlyList<Documents.ToRead> ToRead { get; private set; } = [];

    /// <summary>Important systems missing a current risk analysis, for those who read analyses (issue 5); null for everyone else.</summary>
    public Risk.RiskGaps? RiskGaps { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var roles = await user.RolesAsync(cancellationToken);
        Roles = Domain.Access.Roles.All.Where(roles.Contains).OrderByDescending(r => r == Role.SecurityOfficer).ToList();
        Figures = await queries.FiguresAsync(cancellationToken);
        if (roles.Contains(Role.SecurityOfficer) || roles.Contains(Role.MunicipalDirector))
        {
            Gaps = await gaps.CountAsync(cancellationToken);
            ExpiredDeviations = await deviations.ExpiredCountAsync(cancellationToken);
            PlanGaps = await planGaps.CountAsync(cancellationToken);
        }

        ToRead = await acknowledgements.ToReadAsync(cancellationToken);
        RiskGaps = await riskGaps.ForCardAsync(cancellationToken);
        return Page();
    }
}
