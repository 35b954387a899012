using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Incidents;

/// <summary>Report an event (/incidents/report): one short form for every signed-in person.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ReportModel(ReportIncident report, Data.TillitDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    private static readonly TimeZoneInfo Zone = Tillit.Web.Infrastructure.DisplayTime.Zone;

    public sealed class Form
    {
        public string? Description { get; set; }

        /// <summary>Swedish local time, yyyy-MM-ddTHH:mm (the datetime-local input).</summary>
        public string? OccurredAt { get; set; }

        /// <summary>The system's name, chosen from the suggestions.</summary>
        public string? SystemName { get; set; }

        public bool PersonalDataMaybe { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public IReadOnlyList<string> SystemNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        SystemNames = await NamesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset? occurred = null;
        if (!string.IsNullOrWhiteSpace(Input.OccurredAt))
        {
            if (DateTime.TryParseExact(Input.OccurredAt, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                occurred = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone), TimeSpan.Zero);
            }
            else
            {
                ModelState.AddModelError("Input.OccurredAt", l["Validation.InvalidValue"]);
            }
        }

        Guid? systemId = null;
        if (!string.IsNullOrWhiteSpace(Input.SystemName))
        {
            var name = Input.SystemName.Trim();
            systemId = await db.InformationSystems.Where(s => s.Name == name).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
            if (systemId is null)
            {
                ModelState.AddModelError("Input.SystemName", l["Incident.SystemUnknown"]);
            }
        }

        var outcome = ModelState.IsValid ? await report.CreateAsync(new ReportIncident.Command(Input.Description, occurred, systemId, Input.PersonalDataMaybe), cancellationToken) : null;
        if (outcome is null || this.ToPageResult(outcome, l, nameof(Input)) is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            SystemNames = await NamesAsync(cancellationToken);
            return Page();
        }

        TempData["Flash"] = l["Incident.Received", outcome.Value!.Reference].Value;
        return Redirect($"/incidents/mine/{outcome.Value.Id}");
    }

    private Task<List<string>> NamesAsync(CancellationToken cancellationToken) =>
        db.InformationSystems.AsNoTracking().OrderBy(s => s.Name).Select(s => s.Name).Take(5000).ToListAsync(cancellationToken);
}
