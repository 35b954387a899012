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
public sealed class ReportModel(ReportIncident report, Data.TillitDbContext db, Infrastructure.OrganisationCache cache, IStringLocalizer<SharedResource> l) : PageModel
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

    /// <summary>The suggestions of the system field: every system's name as an encoded <c>option</c>, made once per organisation.</summary>
    public Microsoft.AspNetCore.Html.HtmlString SystemNames { get; private set; } = Microsoft.AspNetCore.Html.HtmlString.Empty;

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

    // The options of the suggestion list, encoded once and kept until a system is saved: writing the thousands of names
    // of the largest municipality into every report form cost more than all the rest of the page.
    private async Task<Microsoft.AspNetCore.Html.HtmlString> NamesAsync(CancellationToken cancellationToken)
    {
        if (db.CurrentOrganisationId is not { } organisationId)
        {
            return Microsoft.AspNetCore.Html.HtmlString.Empty;
        }

        return await cache.GetOrCreateAsync(typeof(Domain.Register.InformationSystem), "report-system-options", organisationId, async () =>
        {
            var names = await db.InformationSystems.AsNoTracking().OrderBy(s => s.Name).Select(s => s.Name).Take(5000).ToListAsync(cancellationToken);
            var html = new System.Text.StringBuilder(names.Count * 40);
            foreach (var name in names)
            {
                html.Append("<option value=\"").Append(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(name)).Append("\"></option>");
            }

            return new Microsoft.AspNetCore.Html.HtmlString(html.ToString());
        });
    }
}
