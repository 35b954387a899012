using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Risks;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Risk;

/// <summary>Adds a threat to the catalogue (/risk/threats/new) or changes or retires one (/risk/threats/{id}/edit).</summary>
[RequirePermission(Permissions.ThreatsManage)]
public sealed class EditThreatModel(SaveThreat save, ThreatQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Form(string? Code, string? Name, string? NameEn, string? Description, string? DescriptionEn, List<RiskAspects>? Aspects, bool IsActive, int? Version);

    [BindProperty]
    public Form Input { get; set; } = new(null, null, null, null, null, [], true, null);

    public Guid? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await queries.GetAsync(existing, cancellationToken) is not { } t)
            {
                return NotFound();
            }

            Input = new Form(t.Code, t.Name, t.NameEn, t.Description, t.DescriptionEn, [.. Enum.GetValues<RiskAspects>().Where(a => a != RiskAspects.None && t.Aspects.HasFlag(a))], t.IsActive, t.Version);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var aspects = (Input.Aspects ?? []).Aggregate(RiskAspects.None, (all, a) => all | a);
        var command = new SaveThreat.Command(Input.Code, Input.Name, Input.NameEn, Input.Description, Input.DescriptionEn, aspects, id is null || Input.IsActive, Input.Version);
        var outcome = id is { } existing ? await save.UpdateAsync(existing, command, cancellationToken) : await save.CreateAsync(command, cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } refused)
        {
            return refused;
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect("/risk/threats");
    }
}
