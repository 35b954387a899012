using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Risks;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Risk;

/// <summary>
/// One risk (/risk/{id}/risks/{riskId}): the sentence, levels, treatment, its measures in the action plan, and its
/// acceptance. Whoever manages the analysis sends the risk to the action plan; the director or a system owner of a
/// covered system accepts the residual risk within the organisation's criteria.
/// </summary>
[RequirePermission(Permissions.RisksRead)]
public sealed class RiskDetailsModel(RiskQueries queries, RiskAccess access, AcceptRisk accept, MeasureFromRisk measure, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public AcceptRisk.Command Input { get; set; } = new(null, null);

    public RiskDetails Risk { get; private set; } = default!;

    public Guid AnalysisId { get; private set; }

    public bool Manages { get; private set; }

    public RiskAcceptor Acceptor { get; private set; }

    public RiskSettings Settings { get; private set; } = default!;

    /// <summary>Whether the reader's authority covers the level that would be accepted.</summary>
    public bool MayAcceptLevel => (Risk.Risk.ResidualLevel ?? (Risk.Risk.Treatment == RiskTreatment.Accept ? Risk.Risk.Level : null)) is { } level
        && Settings.MayAccept(Acceptor, Settings.Bands.BandOf(level));

    public async Task<IActionResult> OnGetAsync(Guid id, Guid riskId, CancellationToken cancellationToken) =>
        await LoadAsync(id, riskId, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, Guid riskId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, riskId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await accept.HandleAsync(id, riskId, Input, cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } invalid)
        {
            return invalid;
        }

        TempData["Flash"] = l["Risk.AcceptedFlash"].Value;
        return Redirect($"/risk/{id}/risks/{riskId}");
    }

    public async Task<IActionResult> OnPostMeasureAsync(Guid id, Guid riskId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, riskId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await measure.HandleAsync(id, riskId, new MeasureFromRisk.Command(null, null), cancellationToken);
        if (this.ToPageResult(outcome, l) is { } invalid)
        {
            return invalid;
        }

        TempData["Flash"] = l["Risk.MeasureCreated"].Value;
        return Redirect($"/measures/{outcome.Value}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid riskId, CancellationToken cancellationToken)
    {
        AnalysisId = id;
        var outcome = await queries.GetRiskAsync(id, riskId, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Risk = outcome.Value!;
        var systems = await access.SystemsOfAsync(id, cancellationToken);
        Manages = await access.MayManageAsync(systems, cancellationToken);
        Acceptor = await access.AcceptorAsync(systems, cancellationToken);
        Settings = await access.SettingsForReadingAsync(cancellationToken);
        return null;
    }
}
