using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Reports;

/// <summary>
/// The yearly report of one year (/reports/{year}): printable page, Word file (?handler=docx), tagged PDF (?handler=pdf), and the form
/// where the security officer records that the board took note of the version shown. ?version=N shows an earlier
/// version; without it, the version the board took note of, else the latest. Before it is generated the page shows
/// today's figures and says so.
/// </summary>
[RequirePermission(Permissions.ReportsRead)]
public sealed class YearModel(YearlyReportQueries queries, YearlyReportWork work, CurrentUser user, Data.TillitDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    /// <summary>The version asked for (?version=N).</summary>
    [BindProperty(SupportsGet = true, Name = "version")]
    public int? VersionNumber { get; set; }

    /// <summary>The year's generation job waiting or running, if any.</summary>
    public YearlyReportJobRow? ActiveJob { get; private set; }

    /// <summary>The query string that keeps the version shown in the download links.</summary>
    public string VersionQuery => VersionNumber is { } n ? $"&version={n}" : string.Empty;

    [BindProperty]
    public YearlyReportWork.NoteCommand Note { get; set; } = new(null, null, null, null);

    public YearlyReportContent Report { get; private set; } = default!;

    public IReadOnlySet<string> Linkable { get; private set; } = new HashSet<string>();

    public bool MayManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Note = Note with { Body = l["YearlyReport_DefaultBody"].Value };
        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var bytes = YearlyReportDocx.Write(Report, l);
        return File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"arsrapport-informationssakerhet-{Year}{FileSuffix}.docx");
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == user.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
        return File(YearlyReportPdf.Write(Report, l, organisation), "application/pdf", $"arsrapport-informationssakerhet-{Year}{FileSuffix}.pdf");
    }

    public async Task<IActionResult> OnPostNoteAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!MayManage)
        {
            return Forbid();
        }

        var outcome = await work.NoteAsync(Year, Note, cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Note)) is { } refused)
        {
            return refused;
        }

        TempData["Flash"] = l["YearlyReport_NoteRecorded"].Value;
        return Redirect($"/reports/{Year}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (Year is < 2000 or > 2100)
        {
            return false;
        }

        if (await queries.ContentAsync(Year, cancellationToken, VersionNumber) is not { } content)
        {
            return false;
        }

        Report = content;
        Linkable = await Indicators.IndicatorLinks.LinkableAsync(user, cancellationToken);
        MayManage = await user.HasAsync(Permissions.ReportsManage, cancellationToken);
        ActiveJob = MayManage ? await queries.ActiveJobAsync(Year, cancellationToken) : null;
        return true;
    }

    private string FileSuffix => Report.Version > 0 ? $"-v{Report.Version}" : string.Empty;
}
