using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Risks;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Risk;

/// <summary>Adds a risk to a draft analysis (/risk/{id}/risks/new) or changes one (/risk/{id}/risks/{riskId}/edit).</summary>
[RequirePermission(Permissions.RisksManage)]
public sealed class EditRiskModel(SaveRisk save, RiskQueries queries, RiskAccess access, Data.TillitDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Form(Guid? ThreatId, string? Cause, string? Event, string? Effect, List<RiskAspects>? Aspects, int? Likelihood, int? Consequence, RiskTreatment? Treatment, string? TreatmentNote, int? ResidualLikelihood, int? ResidualConsequence, Guid? OwnerId, int? Version);

    [BindProperty]
    public Form Input { get; set; } = new(null, null, null, null, [], null, null, null, null, null, null, null, null);

    public Guid AnalysisId { get; private set; }

    public Guid? RiskId { get; private set; }

    public string AnalysisTitle { get; private set; } = string.Empty;

    public IReadOnlyList<SelectListItem> ThreatChoices { get; private set; } = [];

    public IReadOnlyList<SelectListItem> TreatmentChoices { get; private set; } = [];

    public IReadOnlyList<SelectListItem> OwnerChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? riskId, CancellationToken cancellationToken)
    {
        AnalysisId = id;
        RiskId = riskId;
        if (riskId is { } existing)
        {
            // The risk's own read checks its analysis and names it: the whole analysis is not loaded for an edit.
            var outcome = await queries.GetRiskAsync(id, existing, cancellationToken);
            if (this.ToPageResult(outcome, l) is { } gone)
            {
                return gone;
            }

            var d = outcome.Value!;
            AnalysisTitle = d.AnalysisTitle;
            var r = d.Risk;
            Input = new Form(d.ThreatId, r.Cause, r.Event, r.Effect, [.. Enum.GetValues<RiskAspects>().Where(a => a != RiskAspects.None && r.Aspects.HasFlag(a))], r.Likelihood, r.Consequence, r.Treatment, d.TreatmentNote, r.ResidualLikelihood, r.ResidualConsequence, d.OwnerId, d.Version);
        }
        else
        {
            var analysis = await queries.GetAsync(id, cancellationToken);
            if (this.ToPageResult(analysis, l) is { } refused)
            {
                return refused;
            }

            AnalysisTitle = analysis.Value!.Title;
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? riskId, CancellationToken cancellationToken)
    {
        AnalysisId = id;
        RiskId = riskId;
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        var aspects = (Input.Aspects ?? []).Aggregate(RiskAspects.None, (all, a) => all | a);
        var command = new SaveRisk.Command(Input.ThreatId, Input.Cause, Input.Event, Input.Effect, aspects, Input.Likelihood, Input.Consequence, Input.Treatment, Input.TreatmentNote, Input.ResidualLikelihood, Input.ResidualConsequence, Input.OwnerId, Input.Version);
        var outcome = riskId is { } existing ? await save.UpdateAsync(id, existing, command, cancellationToken) : await save.CreateAsync(id, command, cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } refused)
        {
            await LoadChoicesAsync(cancellationToken);
            return refused;
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/risk/{id}/risks/{outcome.Value}");
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        if (AnalysisTitle.Length == 0)
        {
            AnalysisTitle = await db.RiskAnalyses.AsNoTracking().Where(a => a.Id == AnalysisId).Select(a => a.Title).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
        }

        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var threats = await queries.ThreatChoicesAsync(Input.ThreatId, cancellationToken);
        ThreatChoices = [new SelectListItem(l["Common.None"], string.Empty), .. threats.Select(t => new SelectListItem($"{t.Code} {(english && t.NameEn.Length > 0 ? t.NameEn : t.Name)}", t.Id.ToString()))];
        TreatmentChoices = [new SelectListItem(l["Common.Choose"], string.Empty), .. Enum.GetValues<RiskTreatment>().Select(t => new SelectListItem(l["RiskTreatment." + t], t.ToString()))];

        // The risk owner is one of those who hold a role for the analysis's systems, or the organisation's role holders (bounded).
        var systemIds = db.RiskAnalysisSystems.Where(x => x.AnalysisId == AnalysisId).Select(x => (Guid?)x.SystemId);
        var today = access.Today;
        var people = await db.RoleAssignments.AsNoTracking()
            .Where(a => a.ValidTo == null || a.ValidTo >= today)
            .Where(a => systemIds.Contains(a.ScopeId) || a.ScopeKind == Domain.Access.ScopeKind.Organisation || a.PersonId == Input.OwnerId)
            .Join(db.People.Where(p => p.IsActive), a => a.PersonId, p => p.Id, (a, p) => new { p.Id, p.Name })
            .Distinct().OrderBy(p => p.Name).Take(200).ToListAsync(cancellationToken);
        OwnerChoices = [new SelectListItem(l["Common.None"], string.Empty), .. people.Select(p => new SelectListItem(p.Name, p.Id.ToString()))];
    }
}
