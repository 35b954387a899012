using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tillit.Data;
using Tillit.Domain.Agreements;
using Tillit.Web.Infrastructure.Mail;

namespace Tillit.Web.Features.Agreements;

/// <summary>
/// Reminds the responsible person of each agreement that its last day of notice, or its end, is near (or past
/// while it still runs), once per date, like the legal register's reviews (<see cref="Tillit.Web.Features.Laws.LawReviewReminders"/>):
/// each reminder is claimed in the database (the agreement's concurrency token lets one instance win) before the
/// mail goes out, and given back if sending fails. Lead: <see cref="ReminderOptions.AgreementLeadDays"/>.
/// </summary>
public sealed class AgreementReminders(IServiceScopeFactory scopes, IMailSender mail, TimeProvider clock, IOptions<ReminderOptions> options, ILogger<AgreementReminders> logger) : IMailRun
{
    /// <summary>One pass over every organisation (or one); returns the number of reminders sent.</summary>
    public Task<int> RunOnceAsync(Guid? onlyOrganisation, CancellationToken cancellationToken) =>
        MailRuns.ForEachOrganisationAsync(scopes, onlyOrganisation, RunForAsync, cancellationToken);

    private async Task<int> RunForAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var horizon = today.AddDays(options.Value.AgreementLeadDays);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organisationId);
        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
        var l = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();

        // Notice dates that have passed only matter while the agreement still runs; an end date, until it is reminded once.
        var due = await db.Agreements
            .Where(a => a.ResponsibleId != null
                && ((a.NoticeBy != null && a.NoticeBy <= horizon && (a.EndsOn == null || a.EndsOn >= today) && (a.NoticeReminderSentFor == null || a.NoticeReminderSentFor != a.NoticeBy))
                    || (a.EndsOn != null && a.EndsOn <= horizon && (a.EndReminderSentFor == null || a.EndReminderSentFor != a.EndsOn))))
            .OrderBy(a => a.NoticeBy ?? a.EndsOn)
            .Take(500)
            .ToListAsync(cancellationToken);
        var responsibleIds = due.Select(a => a.ResponsibleId!.Value).Distinct().ToList();
        var people = await db.People.Where(p => responsibleIds.Contains(p.Id) && p.IsActive).Select(p => new { p.Id, p.Name, p.Email }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var sent = 0;
        foreach (var agreement in due)
        {
            if (!people.TryGetValue(agreement.ResponsibleId!.Value, out var person))
            {
                continue;
            }

            var noticeDue = agreement.NoticeBy is { } n && n <= horizon && (agreement.EndsOn is null || agreement.EndsOn >= today);
            var notice = noticeDue && agreement.ClaimNoticeReminder();
            var end = agreement.EndsOn is { } e && e <= horizon && agreement.ClaimEndReminder();
            if (!notice && !end)
            {
                continue;
            }

            if (await ClaimedMail.SendAsync(db, mail, () => Compose(l, agreement, notice, end, person.Name, person.Email), () => agreement.ReleaseReminders(notice, end), logger, agreement.Id, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private MailMessage Compose(IStringLocalizer l, Agreement agreement, bool notice, bool end, string name, string email)
    {
        var culture = CultureInfo.GetCultureInfo("sv-SE");
        var link = options.Value.PublicUrl is { } url ? $"{url.TrimEnd('/')}/agreements/{agreement.Id}" : $"/agreements/{agreement.Id}";
        var title = $"{agreement.Supplier}: {agreement.Title}";
        var lines = new List<string>();
        if (notice)
        {
            lines.Add(l["Agreement.ReminderNoticeLine", agreement.NoticeBy!.Value.ToString("d", culture)].Value);
        }

        if (end)
        {
            lines.Add(l["Agreement.ReminderEndLine", agreement.EndsOn!.Value.ToString("d", culture)].Value);
        }

        var subject = l[notice ? "Agreement.ReminderNoticeSubject" : "Agreement.ReminderEndSubject", title].Value;
        var body = l["Agreement.ReminderBody", name, title, string.Join("\n", lines), link].Value.Replace("\\n", "\n", StringComparison.Ordinal);
        return new MailMessage(email, name, subject, body);
    }
}
