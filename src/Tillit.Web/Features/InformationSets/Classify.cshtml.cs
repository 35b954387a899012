using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Register;
using Tillit.Web.Security;

namespace Tillit.Web.Features.InformationSets;

/// <summary>Classifies a set (/information-sets/{id}/classify): a system owner, for the sets held in their systems.</summary>
[RequirePermission(Permissions.ClassificationsManage)]
public sealed class ClassifyModel(ClassifySet classify, InformationSetQueries queries, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ClassifySet.Command Input { get; set; } = new(null, null, null, null, null, null, null, null, null, null, null, null);

    public SetDetails Set { get; private set; } = default!;

    public int ValidityMonths { get; private set; }

    public static IReadOnlyList<Aspect> Aspects { get; } = Enum.GetValues<Aspect>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        // A reclassification starts from the current levels and texts; the classifier changes what changed.
        Input = Set.Classification is { } c
            ? new ClassifySet.Command(c.Confidentiality, c.Integrity, c.Availability, c.Traceability, c.ConfidentialityMotivation, c.IntegrityMotivation, c.AvailabilityMotivation, c.TraceabilityMotivation, c.Participants, today, null, c.Id)
            : Input with { ClassifiedOn = today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await classify.HandleAsync(id, Input, cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } invalid)
        {
            return invalid;
        }

        TempData["Flash"] = l["Sets.Classified"].Value;
        return Redirect($"/information-sets/{id}");
    }

    public ConsequenceLevel? LevelOf(Aspect aspect) => aspect switch
    {
        Aspect.Confidentiality => Input.Confidentiality,
        Aspect.Integrity => Input.Integrity,
        Aspect.Availability => Input.Availability,
        _ => Input.Traceability,
    };

    public string? MotivationOf(Aspect aspect) => aspect switch
    {
        Aspect.Confidentiality => Input.ConfidentialityMotivation,
        Aspect.Integrity => Input.IntegrityMotivation,
        Aspect.Availability => Input.AvailabilityMotivation,
        _ => Input.TraceabilityMotivation,
    };

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Set = outcome.Value!;
        if (!await queries.MayClassifyAsync(id, cancellationToken))
        {
            return Forbid();
        }

        ValidityMonths = await queries.ValidityMonthsAsync(cancellationToken);
        return null;
    }
}
