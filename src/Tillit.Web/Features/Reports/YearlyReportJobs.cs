using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Common;
using Tillit.Domain.Goals;
using Tillit.Web.Features.Indicators;

namespace Tillit.Web.Features.Reports;

/// <summary>
/// Runs the yearly report generation jobs (docs/goals.md, decision 32). A job is a row, so it survives a restart;
/// an instance claims it by saving the move to running under the row's concurrency token (the claim of the daily
/// reminders, <see cref="Infrastructure.Mail.ClaimedMail"/>): of two instances on one database the second's save
/// fails and it leaves the job alone. The run advances the job step by step (the page shows the steps), then saves
/// the new version and the job's end in one save, so a version never exists without its job done, nor the other
/// way round. A failure ends the job as failed with a message; the proposals stay on the job for the next try.
/// </summary>
public sealed class YearlyReportJobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<YearlyReportJobs> logger)
{
    // At most one wake-up waits: more requests while the service is busy change nothing, it looks again after its run.
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>This instance's name in the claims: machine, process and a random part (two services in one process differ).</summary>
    public string Instance { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Tells the background service a job is waiting, so it starts now instead of at its next look.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Waits until woken or the interval has passed.</summary>
    public async Task WaitAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(interval);
        try
        {
            await _wake.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The interval passed: look anyway, for jobs of other instances and jobs left by a restart.
        }
    }

    /// <summary>Claims and runs every job waiting now, of every organisation, oldest first; returns how many this instance ran.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lapsed = now - YearlyReportJob.ClaimLifetime;
        List<(Guid Id, Guid OrganisationId)> waiting;
        await using (var scope = scopes.CreateAsyncScope())
        {
            // The one look across organisations: ids only; each job then runs under its own organisation.
            var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
            waiting = (await db.YearlyReportJobs.IgnoreQueryFilters().AsNoTracking()
                    .Where(j => j.Status == ReportJobStatus.Queued || (j.Status == ReportJobStatus.Running && j.ClaimedUtc < lapsed))
                    .OrderBy(j => j.RequestedUtc)
                    .Select(j => new { j.Id, j.OrganisationId })
                    .Take(20)
                    .ToListAsync(cancellationToken))
                .Select(j => (j.Id, j.OrganisationId)).ToList();
        }

        var ran = 0;
        foreach (var (id, organisationId) in waiting)
        {
            if (await RunAsync(id, organisationId, cancellationToken))
            {
                ran++;
            }
        }

        return ran;
    }

    /// <summary>Claims one job and, when this instance got it, runs it to done or failed; false when it was not this instance's to run.</summary>
    public async Task<bool> RunAsync(Guid jobId, Guid organisationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organisationId);
        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
        var job = await db.YearlyReportJobs.FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null || !await ClaimAsync(db, job, Instance, clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            return false;
        }

        try
        {
            var timings = await GenerateAsync(scope.ServiceProvider, db, job, cancellationToken);
            logger.LogInformation("Yearly report job {JobId} made version {Version} of {Year}; milliseconds per step: {Timings}.", job.Id, job.VersionNumber, job.Year, timings);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance took the job over (its claim had lapsed): that one finishes it.
            logger.LogWarning("Yearly report job {JobId} was taken over by another instance.", jobId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var reason = e is DomainRuleException rule ? rule.MessageKey : "YearlyReport.JobFailed";
            logger.LogError(e, "Yearly report job {JobId} failed.", jobId);
            db.ChangeTracker.Clear();
            var failed = await db.YearlyReportJobs.FirstAsync(j => j.Id == jobId, cancellationToken);
            if (failed.ClaimedBy == Instance && failed.IsActive)
            {
                failed.Fail(reason, clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return true;
    }

    /// <summary>
    /// The claim: the job moves to running under this instance's name, saved under its concurrency token. False
    /// when it is not claimable any more or another instance saved its claim first (the job is then let go).
    /// </summary>
    public static async Task<bool> ClaimAsync(TillitDbContext db, YearlyReportJob job, string instance, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(job);
        if (!job.IsClaimable(nowUtc))
        {
            return false;
        }

        job.Claim(instance, nowUtc);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException clash)
        {
            foreach (var entry in clash.Entries)
            {
                entry.State = EntityState.Detached;
            }

            return false;
        }
    }

    /// <summary>Runs the steps and saves the version; the time each step took ("Indicators=812 Goals=15 …"), for the log.</summary>
    private async Task<string> GenerateAsync(IServiceProvider services, TillitDbContext db, YearlyReportJob job, CancellationToken cancellationToken)
    {
        var indicators = services.GetRequiredService<IndicatorQueries>();
        var queries = services.GetRequiredService<YearlyReportQueries>();
        var timings = new System.Text.StringBuilder();
        var started = clock.GetTimestamp();
        async Task AdvanceAsync(ReportJobStep step)
        {
            timings.Append(System.Globalization.CultureInfo.InvariantCulture, $"{job.Step}={clock.GetElapsedTime(started).TotalMilliseconds:0} ");
            started = clock.GetTimestamp();
            job.Advance(step, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }

        // Generated again: today's figures, not the ones an earlier version kept.
        var values = await indicators.ForYearAsync(job.Year, cancellationToken, liveSnapshot: true, ignoreKept: true);
        var figures = await queries.FiguresAsync(job.Year, cancellationToken, AdvanceAsync);
        await AdvanceAsync(ReportJobStep.Saving);

        var report = await db.YearlyReports.FirstOrDefaultAsync(r => r.Year == job.Year, cancellationToken);
        if (report is null)
        {
            report = new YearlyReport(job.OrganisationId, job.Year);
            db.YearlyReports.Add(report);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var version = report.Generate(job.Proposals, IndicatorQueries.Serialise(values.Indicators), YearlyReportQueries.Serialise(figures), job.RequestedById, now);
        db.YearlyReportVersions.Add(version);
        job.Complete(version.Number, now);
        await db.SaveChangesAsync(cancellationToken);
        timings.Append(System.Globalization.CultureInfo.InvariantCulture, $"Saving={clock.GetElapsedTime(started).TotalMilliseconds:0}");
        return timings.ToString();
    }
}

/// <summary>
/// Looks for waiting yearly report jobs when woken by a request and every few seconds (jobs of other instances'
/// requests, and jobs left by a restart). Off when Reports:RunJobsInBackground is false (the integration tests run
/// the jobs themselves).
/// </summary>
public sealed class YearlyReportJobService(YearlyReportJobs jobs, IConfiguration configuration, ILogger<YearlyReportJobService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Reports:RunJobsInBackground", true))
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Reports:JobPollSeconds", 5)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await jobs.RunOnceAsync(stoppingToken);
                await jobs.WaitAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The yearly report job run failed.");
                await Task.Delay(interval, stoppingToken);
            }
        }
    }
}
