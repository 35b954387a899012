using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Risks;
using Tillit.Web.Features.Shared;
using Tillit.Web.Features.Systems;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Risk;

/// <summary>Starts a risk analysis (/risk/new, ?system= preselects one) or changes a draft (/risk/{id}/edit).</summary>
[RequirePermission(Permissions.RisksManage)]
public sealed class EditModel(SaveRiskAnalysis save, RiskQueries queries, Systems.SystemQueries systems, RiskAccess access, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Form(string? Title, RiskAnalysisScope? Scope, List<Guid>? SystemIds, string? MethodNote, string? Participants, DateOnly? AnalysedOn, DateOnly? NextReviewOn, int? Version);

    [BindProperty]
    public Form Input { get; set; } = new(null, RiskAnalysisScope.System, [], null, null, null, null, null);

    public Guid? Id { get; private set; }

    public IReadOnlyList<SelectListItem> ScopeChoices { get; private set; } = [];

    public IReadOnlyList<SystemLink> SystemChoices { get; private set; } = [];

    /// <summary>Words of a system's name, to find systems beyond those the list offers.</summary>
    [BindProperty]
    public string? SystemSearch { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? system, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            var outcome = await queries.GetAsync(existing, cancellationToken);
            if (this.ToPageResult(outcome, l) is { } refused)
            {
                return refused;
            }

            var a = outcome.Value!;
            if (a.Status != RiskAnalysisStatus.Draft)
            {
                return Redirect($"/risk/{existing}");
            }

            Input = new Form(a.Title, a.Scope, a.Systems.Select(s => s.Id).ToList(), a.MethodNote, a.Participants, a.AnalysedOn, a.NextReviewOn, a.Version);
        }
        else
        {
            var settings = await access.SettingsAsync(cancellationToken);
            Input = Input with { SystemIds = system is { } s ? [s] : [], AnalysedOn = access.Today, NextReviewOn = access.Today.AddMonths(settings.MaxAgeMonths) };
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        var command = new SaveRiskAnalysis.Command(Input.Title, Input.Scope, Input.SystemIds ?? [], Input.MethodNote, Input.Participants, Input.AnalysedOn, Input.NextReviewOn, Input.Version);
        var outcome = id is { } existing ? await save.UpdateAsync(existing, command, cancellationToken) : await save.CreateAsync(command, cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } refused)
        {
            await LoadChoicesAsync(cancellationToken);
            return refused;
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/risk/{outcome.Value}");
    }

    /// <summary>Shows the form again with the systems its search words find, keeping everything entered; saves nothing.</summary>
    public Task<IActionResult> OnPostFindSystemsAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        return this.ShowFoundSystemsAsync(id, existing => queries.GetAsync(existing, cancellationToken), () => LoadChoicesAsync(cancellationToken), l);
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        ScopeChoices = [.. Enum.GetValues<RiskAnalysisScope>().Select(s => new SelectListItem(l["RiskAnalysisScope." + s], s.ToString()))];
        SystemChoices = await systems.PickAsync(SystemSearch, Input.SystemIds, cancellationToken);
    }
}
