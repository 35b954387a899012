using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Risks;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Risk;

/// <summary>
/// A risk analysis (/risk/{id}): scope, method, participants, status with the moves the reader may make, its risks and
/// the inherent and residual heat maps. Open to whoever may read it (the query decides; 403 for everyone else).
/// </summary>
[RequirePermission(Permissions.RisksRead)]
public sealed class DetailsModel(RiskQueries queries, RiskAccess access, ChangeRiskAnalysisStatus change, StartNextRiskCycle next, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ChangeRiskAnalysisStatus.Command Input { get; set; } = new(null, null);

    public RiskAnalysisDetails Analysis { get; private set; } = default!;

    public RiskBands Bands { get; private set; } = RiskBands.Default;

    public bool Manages { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await change.HandleAsync(id, Input, cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } invalid)
        {
            return invalid;
        }

        TempData["Flash"] = l["Risk.StatusChanged"].Value;
        return Redirect($"/risk/{id}");
    }

    public async Task<IActionResult> OnPostNextCycleAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await next.HandleAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } invalid)
        {
            return invalid;
        }

        TempData["Flash"] = l["Risk.NextCycleStarted"].Value;
        return Redirect($"/risk/{outcome.Value}");
    }

    /// <summary>The moves this reader may make from the analysis's status.</summary>
    public IEnumerable<RiskAnalysisAction> Moves()
    {
        if (!Manages)
        {
            yield break;
        }

        switch (Analysis.Status)
        {
            case RiskAnalysisStatus.Draft:
                yield return RiskAnalysisAction.Submit;
                break;
            case RiskAnalysisStatus.UnderReview:
                yield return RiskAnalysisAction.Approve;
                yield return RiskAnalysisAction.Return;
                break;
        }
    }

    public HeatMapModel InherentMap => new("heat-inherent", "Risk.HeatInherent", Analysis.Inherent, Bands, $"/risk/register?analysis={Analysis.Id}");

    public HeatMapModel ResidualMap => new("heat-residual", "Risk.HeatResidual", Analysis.Residual, Bands, $"/risk/register?analysis={Analysis.Id}&residual=true");

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Analysis = outcome.Value!;
        Bands = (await access.SettingsForReadingAsync(cancellationToken)).Bands;
        Manages = await access.MayManageAsync(await access.SystemsOfAsync(id, cancellationToken), cancellationToken);
        return null;
    }
}
