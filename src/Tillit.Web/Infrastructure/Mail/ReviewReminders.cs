using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tillit.Data;
using Tillit.Domain.Documents;

namespace Tillit.Web.Infrastructure.Mail;

public sealed class ReminderOptions
{
    /// <summary>How many days before the review date the owner is reminded.</summary>
    public int ReviewLeadDays { get; set; } = 30;

    /// <summary>How many days before a campaign's due date those who have not confirmed are reminded.</summary>
    public int CampaignLeadDays { get; set; } = 7;

    /// <summary>
    /// How many days before an agreement's last day of notice, and before its end, the responsible person is
    /// reminded: long enough to procure or renegotiate.
    /// </summary>
    public int AgreementLeadDays { get; set; } = 90;

    public int RunEveryMinutes { get; set; } = 60;

    /// <summary>How many days before a self-assessment's deadline those who have not submitted are reminded (once).</summary>
    public int QuestionnaireLeadDays { get; set; } = 7;

    /// <summary>The address of Tillit in mail (links to the document).</summary>
    public string? PublicUrl { get; set; }
}

/// <summary>
/// Reminds each document's owner by e-mail that its review is near (or past), once per review date.
/// The reminder is claimed in the database before the mail goes out (the document's concurrency
/// token lets one instance win when several run), and given back if sending fails, so the next run
/// tries again. A new decision or review moves the date and so allows the next reminder.
/// </summary>
public sealed class ReviewReminders(IServiceScopeFactory scopes, IMailSender mail, TimeProvider clock, IOptions<ReminderOptions> options, ILogger<ReviewReminders> logger) : IMailRun
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
        var due = await db.Documents
            .Where(d => d.NextReview != null && d.NextReview <= horizon && (d.ReviewReminderSentFor == null || d.ReviewReminderSentFor != d.NextReview))
            .OrderBy(d => d.NextReview)
            .Take(500)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var document in due)
        {
            var owner = await db.People.Where(p => p.Id == document.OwnerId && p.IsActive).Select(p => new { p.Name, p.Email }).FirstOrDefaultAsync(cancellationToken);
            if (owner is null || !document.ClaimReviewReminder())
            {
                continue;
            }

            if (await ClaimedMail.SendAsync(db, mail, () => Compose(l, document, owner.Name, owner.Email, today), () => document.ReleaseReviewReminder(), logger, document.Id, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private MailMessage Compose(IStringLocalizer l, GoverningDocument document, string name, string email, DateOnly today)
    {
        var culture = CultureInfo.GetCultureInfo("sv-SE");
        var date = document.NextReview!.Value.ToString("d", culture);
        var link = options.Value.PublicUrl is { } url ? $"{url.TrimEnd('/')}/documents/{document.Id}" : $"/documents/{document.Id}";
        var overdue = document.NextReview < today;
        var subject = l[overdue ? "Reminder.ReviewOverdueSubject" : "Reminder.ReviewSubject", document.Title].Value;
        // The resource keeps line breaks as \n (one line per entry in the .resx files).
        var body = l["Reminder.ReviewBody", name, document.Title, date, link].Value.Replace("\\n", "\n", StringComparison.Ordinal);
        return new MailMessage(email, name, subject, body);
    }
}

public static class MailSetup
{
    public static IServiceCollection AddTillitMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection("Mail"));
        services.Configure<ReminderOptions>(configuration.GetSection("Reminders"));
        services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddSingleton<ReviewReminders>();
        services.AddSingleton<CampaignReminders>();
        services.AddHostedService<MailRunService<ReviewReminders>>();
        services.AddHostedService<MailRunService<CampaignReminders>>();
        return services;
    }
}
