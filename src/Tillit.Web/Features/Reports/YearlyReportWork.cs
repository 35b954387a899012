using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Common;
using Tillit.Domain.Goals;
using Tillit.Web.Features.Indicators;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Reports;

/// <summary>Generates (or generates again) a year's report from the indicators, and records the board's taking note.</summary>
public sealed class YearlyReportWork(TillitDbContext db, CurrentUser user, IndicatorQueries indicators, TimeProvider clock)
{
    /// <param name="Year">The year reported on.</param>
    /// <param name="Proposals">What the security officer proposes for next year (their own text).</param>
    public sealed record GenerateCommand(int? Year, string? Proposals);

    /// <param name="Body">Who took note (normally Kommunstyrelsen).</param>
    /// <param name="On">The day of the decision (not in the future).</param>
    /// <param name="Reference">The decision's paragraph or registry number.</param>
    /// <param name="Version">The version of the report read.</param>
    public sealed record NoteCommand(string? Body, DateOnly? On, string? Reference, int? Version);

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

        var year = command.Year!.Value;
        var report = await db.YearlyReports.FirstOrDefaultAsync(r => r.Year == year, cancellationToken);
        if (report?.IsNoted == true)
        {
            return Outcome<Guid>.Invalid(nameof(GenerateCommand.Year), "YearlyReport.Noted");
        }

        // Generated again: today's figures, not the ones the earlier generation kept (the audit trail keeps those).
        var values = await indicators.ForYearAsync(year, cancellationToken, liveSnapshot: true, ignoreKept: true);
        var snapshot = IndicatorQueries.Serialise(values.Indicators);
        var now = clock.GetUtcNow().UtcDateTime;
        if (report is null)
        {
            report = new YearlyReport(user.OrganisationId!.Value, year, command.Proposals ?? string.Empty, snapshot, me, now);
            db.YearlyReports.Add(report);
        }
        else
        {
            report.Regenerate(command.Proposals ?? string.Empty, snapshot, me, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(report.Id);
    }

    public async Task<Outcome<Guid>> NoteAsync(int year, NoteCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var report = await db.YearlyReports.FirstOrDefaultAsync(r => r.Year == year, cancellationToken);
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

        db.Entry(report).Property(r => r.Version).OriginalValue = command.Version!.Value;
        try
        {
            report.TakeNote(command.Body!, command.On!.Value, command.Reference!, me, indicators.Today);
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
}
