using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tillit.Data;
using Tillit.Domain.Laws;
using Tillit.Web.Infrastructure.Mail;

namespace Tillit.Web.Features.Laws;

/// <summary>
/// Reminds the responsible person of each entry of the legal register that its review is near (or past),
/// once per review date, the same way as document reviews (<see cref="ReviewReminders"/>): the reminder is
/// claimed in the database (the entry's concurrency token lets one instance win) before the mail goes out,
/// and given back if sending fails.
/// </summary>
public sealed class LawReviewReminders(IServiceScopeFactory scopes, IMailSender mail, TimeProvider clock, IOptions<ReminderOptions> options, ILogger<LawReviewReminders> logger) : IMailRun
{
    /// <summary>One pass over every organisation (or one); returns the number of reminders sent.</summary>
    public Task<int> RunOnceAsync(Guid? onlyOrganisation, CancellationToken cancellationToken) =>
        MailRuns.ForEachOrganisationAsync(scopes, onlyOrganisation, RunForAsync, cancellationToken);

    private async Task<int> RunForAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var horizon = today.AddDays(options.Value.ReviewLeadDays);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organisationId);
        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
        var l = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
        var due = await db.LegalRequirements
            .Where(x => x.NextReview != null && x.NextReview <= horizon && x.ResponsibleId != null && (x.ReviewReminderSentFor == null || x.ReviewReminderSentFor != x.NextReview))
            .OrderBy(x => x.NextReview)
            .Take(500)
            .ToListAsync(cancellationToken);
        var responsibleIds = due.Select(x => x.ResponsibleId!.Value).Distinct().ToList();
        var people = await db.People.Where(p => responsibleIds.Contains(p.Id) && p.IsActive).Select(p => new { p.Id, p.Name, p.Email }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var sent = 0;
        foreach (var law in due)
        {
            if (!people.TryGetValue(law.ResponsibleId!.Value, out var person) || !law.ClaimReviewReminder())
            {
                continue;
            }

            if (await ClaimedMail.SendAsync(db, mail, () => Compose(l, law, person.Name, person.Email, today), () => law.ReleaseReviewReminder(), logger, law.Id, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private MailMessage Compose(IStringLocalizer l, LegalRequirement law, string name, string email, DateOnly today)
    {
        var culture = CultureInfo.GetCultureInfo("sv-SE");
        var date = law.NextReview!.Value.ToString("d", culture);
        var link = options.Value.PublicUrl is { } url ? $"{url.TrimEnd('/')}/laws/{law.Id}" : $"/laws/{law.Id}";
        var title = $"{law.Reference} {law.Title}";
        var subject = l[law.NextReview < today ? "Law.ReminderOverdueSubject" : "Law.ReminderSubject", title].Value;
        var body = l["Law.ReminderBody", name, title, date, link].Value.Replace("\\n", "\n", StringComparison.Ordinal);
        return new MailMessage(email, name, subject, body);
    }
}
