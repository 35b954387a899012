using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tillit.Data;

namespace Tillit.Web.Infrastructure.Mail;

/// <summary>A mail job (reminders, the digest) that passes over every organisation, or one, and says how many mails went out.</summary>
public interface IMailRun
{
    /// <summary>How often the job runs; null for <see cref="ReminderOptions.RunEveryMinutes"/>.</summary>
    TimeSpan? Interval => null;

    Task<int> RunOnceAsync(Guid? onlyOrganisation, CancellationToken cancellationToken);
}

public static class MailRuns
{
    /// <summary>Runs <paramref name="runFor"/> for every organisation (or only the one given), one after the other; the sum of what each sent.</summary>
    public static async Task<int> ForEachOrganisationAsync(IServiceScopeFactory scopes, Guid? onlyOrganisation, Func<Guid, CancellationToken, Task<int>> runFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(runFor);
        List<Guid> organisations;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
            organisations = await db.Organisations.Where(o => onlyOrganisation == null || o.Id == onlyOrganisation).Select(o => o.Id).ToListAsync(cancellationToken);
        }

        var sent = 0;
        foreach (var organisationId in organisations)
        {
            sent += await runFor(organisationId, cancellationToken);
        }

        return sent;
    }
}

/// <summary>
/// The step every "once per date" reminder shares: the caller has claimed the reminder on its record (a date or a
/// flag, saved under the record's concurrency token); the claim is saved, the mail sent, and a failed send gives
/// the claim back so the next run tries again.
/// </summary>
public static class ClaimedMail
{
    /// <summary>
    /// Saves the claim and sends; false when another instance saved its claim first (only the clashing record is
    /// let go, so the rest of the run's records stay tracked) or when the mail failed (the claim is released).
    /// </summary>
    public static async Task<bool> SendAsync(DbContext db, IMailSender mail, Func<MailMessage> compose, Action release, ILogger logger, Guid recordId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(compose);
        ArgumentNullException.ThrowIfNull(release);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException clash)
        {
            // Another instance claimed it (or the record changed): that one sends, or the next run decides.
            foreach (var entry in clash.Entries)
            {
                entry.State = EntityState.Detached;
            }

            return false;
        }

        try
        {
            await mail.SendAsync(compose(), cancellationToken);
            return true;
        }
        catch (Exception x) when (x is not OperationCanceledException)
        {
            logger.LogWarning(x, "The reminder for {RecordId} could not be sent; it will be tried again.", recordId);
            release();
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }
    }
}

/// <summary>Runs a mail job on a timer while mail is configured; a failed run is logged and the next one tries again.</summary>
public sealed class MailRunService<T>(T run, IOptions<MailOptions> mail, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<MailRunService<T>> logger) : BackgroundService
    where T : IMailRun
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!mail.Value.IsConfigured)
        {
            logger.LogInformation("Mail:Host is not set; {Job} sends nothing.", typeof(T).Name);
            return;
        }

        using var timer = new PeriodicTimer(run.Interval ?? TimeSpan.FromMinutes(Math.Max(1, options.Value.RunEveryMinutes)), clock);
        do
        {
            try
            {
                await run.RunOnceAsync(null, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Job} run failed.", typeof(T).Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
