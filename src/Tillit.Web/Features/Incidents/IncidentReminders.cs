using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tillit.Data;
using Tillit.Domain.Access;
using Tillit.Domain.Incidents;
using Tillit.Web.Infrastructure;
using Tillit.Web.Infrastructure.Mail;

namespace Tillit.Web.Features.Incidents;

/// <summary>
/// Reminds the handler (or, while none is assigned, the security officers) of a deadline clock that
/// is running out: at 50 % and 90 % of its window (<see cref="DeadlineClock.ReminderPercents"/>), by
/// e-mail, and in Tillit on the start page. Each reminder is claimed first by inserting its
/// <see cref="IncidentReminder"/> row, whose unique key lets only one instance win; the claim is given
/// back if the mail cannot be sent, so the next run tries again.
/// </summary>
public sealed class IncidentReminders(IServiceScopeFactory scopes, IMailSender mail, TimeProvider clock, IOptions<ReminderOptions> options, ILogger<IncidentReminders> logger) : IMailRun
{
    /// <summary>Every ten minutes: deadlines are counted in hours.</summary>
    public TimeSpan? Interval => TimeSpan.FromMinutes(10);

    /// <summary>One pass over every organisation (or one); returns the number of reminders sent.</summary>
    public Task<int> RunOnceAsync(Guid? onlyOrganisation, CancellationToken cancellationToken) =>
        MailRuns.ForEachOrganisationAsync(scopes, onlyOrganisation, RunForAsync, cancellationToken);

    private async Task<int> RunForAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organisationId);
        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
        var l = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
        var running = await db.Incidents.AsNoTracking()
            .Where(i => i.Status != IncidentStatus.Closed && i.Status != IncidentStatus.Dismissed
                && ((i.IsPersonalDataBreach && i.ImySentUtc == null)
                    || (i.IsSignificant && (i.EarlyWarningSentUtc == null || i.NotificationSentUtc == null || i.FinalReportSentUtc == null))))
            .OrderBy(i => i.AwareUtc)
            .Take(500)
            .ToListAsync(cancellationToken);
        var due = running
            .SelectMany(i => i.Clocks().Select(c => (Incident: i, Clock: c, Percent: c.ReminderDue(now))))
            .Where(x => x.Percent is not null)
            .ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var incidentIds = due.Select(d => d.Incident.Id).Distinct().ToList();
        var claimed = await db.IncidentReminders.AsNoTracking().Where(r => incidentIds.Contains(r.IncidentId))
            .Select(r => new { r.IncidentId, r.Kind, r.Percent, r.DueUtc }).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(now);
        var officers = await db.People.AsNoTracking()
            .Where(p => p.IsActive && db.RoleAssignments.Any(a => a.PersonId == p.Id && a.Role == Role.SecurityOfficer && a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today)))
            .Select(p => new Recipient(p.Id, p.Name, p.Email)).ToListAsync(cancellationToken);
        var handlerIds = due.Where(d => d.Incident.HandlerId is not null).Select(d => d.Incident.HandlerId!.Value).Distinct().ToList();
        var handlers = await db.People.AsNoTracking().Where(p => handlerIds.Contains(p.Id) && p.IsActive)
            .Select(p => new Recipient(p.Id, p.Name, p.Email)).ToDictionaryAsync(p => p.Id, cancellationToken);

        var sent = 0;
        foreach (var (incident, deadline, percent) in due)
        {
            if (claimed.Any(c => c.IncidentId == incident.Id && c.Kind == deadline.Kind && c.Percent == percent && c.DueUtc == deadline.DueUtc))
            {
                continue;
            }

            IReadOnlyList<Recipient> to = incident.HandlerId is { } h && handlers.TryGetValue(h, out var handler) ? [handler] : officers;
            if (to.Count == 0)
            {
                continue;
            }

            var reminder = new IncidentReminder(organisationId, incident.Id, deadline.Kind, percent!.Value, deadline.DueUtc, to[0].Id, now);
            db.IncidentReminders.Add(reminder);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance claimed it: that one sends.
                db.ChangeTracker.Clear();
                continue;
            }

            try
            {
                foreach (var recipient in to)
                {
                    await mail.SendAsync(Compose(l, incident, deadline, recipient, now), cancellationToken);
                }

                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Deadline reminder for incident {IncidentId} could not be sent; it will be tried again.", incident.Id);
                db.IncidentReminders.Remove(reminder);
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return sent;
    }

    private MailMessage Compose(IStringLocalizer l, Incident incident, DeadlineClock deadline, Recipient to, DateTime now)
    {
        var culture = CultureInfo.GetCultureInfo("sv-SE");
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            CultureInfo.CurrentCulture = culture;
            var link = options.Value.PublicUrl is { } url ? $"{url.TrimEnd('/')}/incidents/{incident.Id}" : $"/incidents/{incident.Id}";
            var report = l["Incident_Deadline." + deadline.Kind].Value;
            var hours = Math.Max(0, deadline.Left(now).TotalHours).ToString("0.#", culture);
            var subject = l["Incident_ReminderSubject", report, incident.Reference].Value;
            var body = l["Incident_ReminderBody", to.Name, incident.Reference, report, DisplayTime.Format(deadline.DueUtc), hours, link].Value.Replace("\\n", "\n", StringComparison.Ordinal);
            return new MailMessage(to.Email, to.Name, subject, body);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
            CultureInfo.CurrentCulture = previous;
        }
    }

    private sealed record Recipient(Guid Id, string Name, string Email);
}
