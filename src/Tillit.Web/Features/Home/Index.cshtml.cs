using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Domain.Access;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Home;

/// <summary>The start page: one section per role the person holds, in the order of the policy.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(CurrentUser user, HomeQueries queries, Systems.RegisterGapQueries gaps, Measures.ActionPlanGapQueries planGaps, Documents.AcknowledgementQueries acknowledgements, Deviations.DeviationQueries deviations, RoleStartQueries roleStart, Indicators.IndicatorQueries indicators, Risk.RiskGapQueries riskGaps) : PageModel
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

    /// <summary>This year's indicators, for the security officer, the director and the board.</summary>
    public Indicators.IndicatorYear? Indicators { get; private set; }

    /// <summary>The person's own measures and reports (everyone with a person record).</summary>
    public EmployeeStart? Mine { get; private set; }

    /// <summary>A system owner's systems and what they lack.</summary>
    public IReadOnlyList<MySystem> MySystems { get; private set; } = [];

    public DirectorStart? Director { get; private set; }

    /// <summary>Events reported this year in a manager's units.</summary>
    public int? UnitIncidents { get; private set; }

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
        await LoadRoleStartAsync(roles, cancellationToken);
        RiskGaps = await riskGaps.ForCardAsync(cancellationToken);
        return Page();
    }

    // The role start pages (issue 8): each figure is fetched only for the roles that show it.
    private async Task LoadRoleStartAsync(IReadOnlySet<Role> roles, CancellationToken cancellationToken)
    {
        if (roles.Contains(Role.SecurityOfficer) || roles.Contains(Role.MunicipalDirector) || roles.Contains(Role.BoardMember))
        {
            Indicators = await indicators.CachedYearAsync(indicators.Today.Year, cancellationToken);
        }

        if (user.PersonId is { } me && !roles.SetEquals([Role.BoardMember]) && !roles.SetEquals([Role.Administrator]))
        {
            Mine = await roleStart.EmployeeAsync(me, cancellationToken);
            if (roles.Contains(Role.SystemOwner))
            {
                MySystems = await roleStart.SystemOwnerAsync(me, cancellationToken);
            }
        }

        if (roles.Contains(Role.MunicipalDirector))
        {
            Director = await roleStart.DirectorAsync(cancellationToken);
        }

        if (roles.Contains(Role.Manager))
        {
            UnitIncidents = await roleStart.UnitIncidentsAsync(await user.UnitScopeAsync(Permissions.DocumentsCoverage, cancellationToken), cancellationToken);
        }
    }
}
