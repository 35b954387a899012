using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Access;
using Tillit.Domain.Documents;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Documents;

/// <summary>Asks an audience to confirm the document's current version by a date (/documents/{id}/campaigns/new).</summary>
[RequirePermission(Permissions.DocumentsCampaigns)]
public sealed class CampaignNewModel(AcknowledgementWork work, DocumentQueries queries, Units.UnitQueries units, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public AudienceKind? AudienceKind { get; set; } = Domain.Documents.AudienceKind.Everyone;

    [BindProperty]
    public List<Guid> UnitIds { get; set; } = [];

    [BindProperty]
    public List<Role> Roles { get; set; } = [];

    [BindProperty]
    public DateOnly? DueDate { get; set; }

    public DocumentDetails Document { get; private set; } = default!;

    public IReadOnlyList<(Guid Id, string Name, int Depth)> UnitChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        DueDate = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(30);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = ModelState.IsValid ? await work.CreateAsync(id, new AcknowledgementWork.CampaignCommand(AudienceKind, UnitIds, Roles, DueDate), cancellationToken) : null;
        if (outcome is null || this.ToPageResult(outcome, l) is { } invalid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Flash"] = l["Campaign.Started"].Value;
        return Redirect($"/documents/campaigns/{outcome.Value}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Document = outcome.Value!;
        UnitChoices = await units.ChoicesAsync(cancellationToken);
        return null;
    }
}
