using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Goals;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Reports;

/// <summary>
/// A yearly report generation job (/reports/jobs/{id}): its steps while it waits or runs, with a plain "update"
/// link (and, where scripts run, htmx asking for the steps every two seconds: ?handler=progress); once done, a
/// redirect to the year's report; once failed, the reason and a button to start it again with the same proposals.
/// </summary>
[RequirePermission(Permissions.ReportsManage)]
public sealed class JobModel(YearlyReportQueries queries, YearlyReportWork work, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The steps the page lists, in order (the job's step moves through them).</summary>
    public static readonly ReportJobStep[] Steps = [ReportJobStep.Indicators, ReportJobStep.Goals, ReportJobStep.MeasuresAndDocuments, ReportJobStep.Risks, ReportJobStep.Saving];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public YearlyReportJobRow Job { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await queries.JobAsync(Id, cancellationToken) is not { } job)
        {
            return NotFound();
        }

        Job = job;
        return job.Status == ReportJobStatus.Done ? ToReport() : Page();
    }

    /// <summary>The steps alone, for htmx; when the job has ended, htmx is told to go on (to the report, or to this page showing the failure).</summary>
    public async Task<IActionResult> OnGetProgressAsync(CancellationToken cancellationToken)
    {
        if (await queries.JobAsync(Id, cancellationToken) is not { } job)
        {
            return NotFound();
        }

        Job = job;
        if (job.Status == ReportJobStatus.Done)
        {
            TempData["Flash"] = l["YearlyReport_Generated", job.Year].Value;
            Response.Headers["HX-Redirect"] = $"/reports/{job.Year}";
            return new NoContentResult();
        }

        if (job.Status == ReportJobStatus.Failed)
        {
            Response.Headers["HX-Refresh"] = "true";
            return new NoContentResult();
        }

        return Partial("_JobProgress", this);
    }

    public async Task<IActionResult> OnPostRetryAsync(CancellationToken cancellationToken)
    {
        if (await queries.JobAsync(Id, cancellationToken) is not { } job)
        {
            return NotFound();
        }

        Job = job;
        var outcome = await work.RetryAsync(Id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        return Redirect($"/reports/jobs/{outcome.Value}");
    }

    /// <summary>Where a step stands: done, under way or waiting.</summary>
    public string StateOf(ReportJobStep step) =>
        Job.Status == ReportJobStatus.Done || step < Job.Step ? "Done"
        : step == Job.Step && Job.Status == ReportJobStatus.Running ? "Running"
        : step == Job.Step && Job.Status == ReportJobStatus.Failed ? "Failed"
        : "Waiting";

    private RedirectResult ToReport()
    {
        TempData["Flash"] = l["YearlyReport_Generated", Job.Year].Value;
        return Redirect($"/reports/{Job.Year}");
    }
}
