using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tillit.Data;
using Tillit.Domain.Documents;
using Tillit.Web.Features.Documents;

namespace Tillit.Web.Infrastructure.Mail;

/// <summary>
/// Reminds the people of an open acknowledgement campaign who have not confirmed, once per person and
/// round, when the due date is <see cref="ReminderOptions.CampaignLeadDays"/> days away or nearer (and
/// not yet past). Each person's reminder is claimed by a row with a unique (campaign, person) key
/// before the mail goes out; a second instance fails that insert and sends nothing; a failed send
/// removes the row so the next run tries again.
/// </summary>
public sealed class CampaignReminders(IServiceScopeFactory scopes, IMailSender mail, TimeProvider clock, IOptions<ReminderOptions> options, ILogger<CampaignReminders> logger) : IMailRun
{
    /// <summary>People claimed and mailed per batch: one insert, then the mails.</summary>
    public const int BatchSize = 500;

    /// <summary>One pass over every organisation (or one); returns the number of reminders sent.</summary>
    public Task<int> RunOnceAsync(Guid? onlyOrganisation, CancellationToken cancellationToken) =>
        MailRuns.ForEachOrganisationAsync(scopes, onlyOrganisation, RunForAsync, cancellationToken);

    private async Task<int> RunForAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var horizon = today.AddDays(options.Value.CampaignLeadDays);
        List<Guid> campaigns;
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organisationId);
            var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
            campaigns = await db.AcknowledgementCampaigns
                .Where(c => c.ClosedOn == null && c.DueDate >= today && c.DueDate <= horizon)
                .OrderBy(c => c.DueDate).Select(c => c.Id).Take(100)
                .ToListAsync(cancellationToken);
        }

        var sent = 0;
        foreach (var campaignId in campaigns)
        {
            // A fresh scope per batch keeps the change tracker small for an audience of 50,000.
            (int Claimed, int Sent) batch;
            do
            {
                batch = await SendBatchAsync(organisationId, campaignId, today, cancellationToken);
                sent += batch.Sent;
            }
            while (batch.Claimed == BatchSize && batch.Sent > 0);
        }

        return sent;
    }

    /// <returns>How many were claimed and how many of them were sent (none when another instance claimed them first).</returns>
    private async Task<(int Claimed, int Sent)> SendBatchAsync(Guid organisationId, Guid campaignId, DateOnly today, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organisationId);
        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
        var l = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
        var campaign = await db.AcknowledgementCampaigns.AsNoTracking().Include(c => c.Audience).FirstAsync(c => c.Id == campaignId, cancellationToken);
        var title = await db.Documents.Where(d => d.Id == campaign.DocumentId).Select(d => d.Title).FirstAsync(cancellationToken);
        var documentId = campaign.DocumentId;
        var baseNumber = campaign.BaseNumber;
        var people = await (await AcknowledgementQueries.AudienceAsync(db, campaign, null, today, cancellationToken))
            .Where(x => !db.Acknowledgements.Any(a => a.PersonId == x.Person.Id && a.DocumentId == documentId && a.VersionNumber >= baseNumber)
                && !db.CampaignReminders.Any(r => r.CampaignId == campaignId && r.PersonId == x.Person.Id))
            .OrderBy(x => x.Person.Id)
            .Take(BatchSize)
            .Select(x => new { x.Person.Id, x.Person.Name, x.Person.Email })
            .ToListAsync(cancellationToken);
        if (people.Count == 0)
        {
            return (0, 0);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var claims = people.ToDictionary(p => p.Id, p => new CampaignReminder(organisationId, campaignId, p.Id, now));
        db.CampaignReminders.AddRange(claims.Values);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            logger.LogInformation("Campaign {CampaignId}: reminders claimed by another instance.", campaignId);
            return (0, 0);
        }

        var failed = new List<CampaignReminder>();
        foreach (var person in people)
        {
            try
            {
                await mail.SendAsync(Compose(l, title, documentId, campaign.DueDate, person.Name, person.Email), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Campaign reminder for {PersonId} could not be sent; it will be tried again.", person.Id);
                failed.Add(claims[person.Id]);
            }
        }

        if (failed.Count > 0)
        {
            db.CampaignReminders.RemoveRange(failed);
            await db.SaveChangesAsync(cancellationToken);
        }

        return (people.Count, people.Count - failed.Count);
    }

    private MailMessage Compose(IStringLocalizer l, string title, Guid documentId, DateOnly dueDate, string name, string email)
    {
        var date = dueDate.ToString("d", CultureInfo.GetCultureInfo("sv-SE"));
        var link = options.Value.PublicUrl is { } url ? $"{url.TrimEnd('/')}/documents/{documentId}" : $"/documents/{documentId}";
        var subject = l["Reminder.CampaignSubject", title].Value;
        var body = l["Reminder.CampaignBody", name, title, date, link].Value.Replace("\\n", "\n", StringComparison.Ordinal);
        return new MailMessage(email, name, subject, body);
    }
}
