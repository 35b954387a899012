using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Common;
using Tillit.Domain.Goals;
using Tillit.Web.Features.Indicators;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Reports;

/// <summary>
/// Asks for a year's report to be generated (a job the background service runs, <see cref="YearlyReportJobs"/>),
/// starts a failed job again, and records the board's taking note of one version.
/// </summary>
public sealed class YearlyReportWork(TillitDbContext db, CurrentUser user, IndicatorQueries indicators, YearlyReportJobs jobs, TimeProvider clock)
{
    /// <param name="Year">The year reported on.</param>
    /// <param name="Proposals">What the security officer proposes for next year (their own text).</param>
    public sealed record GenerateCommand(int? Year, string? Proposals);

    /// <param name="Body">Who took note (normally Kommunstyrelsen).</param>
    /// <param name="On">The day of the decision (not in the future).</param>
    /// <param name="Reference">The decision's paragraph or registry number.</param>
    /// <param name="Version">The number of the version of the report the board read.</param>
    public sealed record NoteCommand(string? Body, DateOnly? On, string? Reference, int? Version);

    /// <summary>Records a generation job for the year; its id. Refused once the board has taken note, and while a job of the year is waiting or running.</summary>
    public async Task<Outcome<Guid>> CreateAsync(GenerateCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new Validator()
            .Check(command.Year is >= YearlyGoal.MinYear and <= YearlyGoal.MaxYear, nameof(GenerateCommand.Year), "Goal.YearRange")
            .Optional(nameof(GenerateCommand.Proposals), command.Proposals, YearlyReport.TextLength);
        if (!errors.IsValid || user.PersonId is not { } me)
        {
            return errors.IsValid ? Outcome<Guid>.Forbidden() : Outcome<Guid>.Invalid(errors.Errors);
        }

        return await QueueAsync(command.Year!.Value, command.Proposals ?? string.Empty, me, cancellationToken);
    }

    /// <summary>Starts a failed job again, with the same year and proposals; the new job's id.</summary>
    public async Task<Outcome<Guid>> RetryAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var failed = await db.YearlyReportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (failed is null)
        {
            return Outcome<Guid>.NotFound();
        }

        if (user.PersonId is not { } me)
        {
            return Outcome<Guid>.Forbidden();
        }

        return failed.Status != ReportJobStatus.Failed
            ? Outcome<Guid>.Invalid(string.Empty, "YearlyReport.JobNotFailed")
            : await QueueAsync(failed.Year, failed.Proposals, me, cancellationToken);
    }

    public async Task<Outcome<Guid>> NoteAsync(int year, NoteCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var report = await db.YearlyReports.FirstOrDefaultAsync(r => r.Year == year && r.LatestNumber > 0, cancellationToken);
        if (report is null)
        {
            return Outcome<Guid>.NotFound();
        }

        var errors = new Validator()
            .Required(nameof(NoteCommand.Body), command.Body, 200)
            .Check(command.On is not null, nameof(NoteCommand.On), "Validation.Required")
            .Required(nameof(NoteCommand.Reference), command.Reference, 200)
            .Check(command.Version is not null, "Version", "Validation.Required");
        if (!errors.IsValid || user.PersonId is not { } me)
        {
            return errors.IsValid ? Outcome<Guid>.Forbidden() : Outcome<Guid>.Invalid(errors.Errors);
        }

        var version = await db.YearlyReportVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ReportId == report.Id && v.Number == command.Version, cancellationToken);
        if (version is null)
        {
            return Outcome<Guid>.Invalid("Version", "YearlyReport.NoSuchVersion");
        }

        try
        {
            report.TakeNote(version, command.Body!, command.On!.Value, command.Reference!, me, indicators.Today);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict();
        }

        return Outcome<Guid>.Ok(report.Id);
    }

    private async Task<Outcome<Guid>> QueueAsync(int year, string proposals, Guid me, CancellationToken cancellationToken)
    {
        if (await db.YearlyReports.AnyAsync(r => r.Year == year && r.NotedOn != null, cancellationToken))
        {
            return Outcome<Guid>.Invalid(nameof(GenerateCommand.Year), "YearlyReport.Noted");
        }

        if (await db.YearlyReportJobs.AnyAsync(j => j.Year == year && (j.Status == ReportJobStatus.Queued || j.Status == ReportJobStatus.Running), cancellationToken))
        {
            return Outcome<Guid>.Invalid(nameof(GenerateCommand.Year), "YearlyReport.JobRunning");
        }

        var job = new YearlyReportJob(user.OrganisationId!.Value, year, proposals, me, clock.GetUtcNow().UtcDateTime);
        db.YearlyReportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        jobs.Wake();
        return Outcome<Guid>.Ok(job.Id);
    }
}
