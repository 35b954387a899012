using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tillit.Data;
using Tillit.Web.Infrastructure.Mail;

namespace Tillit.Web.Features.SelfAssessments;

/// <summary>
/// Reminds each recipient who has not submitted their self-assessment form, once, when the deadline is within
/// <see cref="ReminderOptions.QuestionnaireLeadDays"/> days. The reminder is claimed on the form
/// (<c>ReminderSentOn</c>, guarded by the form's concurrency token so one instance wins) before the mail goes
/// out, and given back if sending fails.
/// </summary>
public sealed class QuestionnaireReminders(IServiceScopeFactory scopes, IMailSender mail, TimeProvider clock, IOptions<ReminderOptions> options, ILogger<QuestionnaireReminders> logger) : IMailRun
{
    /// <summary>One pass over every organisation (or one); returns the number of reminders sent.</summary>
    public Task<int> RunOnceAsync(Guid? onlyOrganisation, CancellationToken cancellationToken) =>
        MailRuns.ForEachOrganisationAsync(scopes, onlyOrganisation, RunForAsync, cancellationToken);

    private async Task<int> RunForAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var horizon = today.AddDays(options.Value.QuestionnaireLeadDays);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organisationId);
        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
        var l = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
        var due = await db.QuestionnaireResponses
            .Where(r => r.SubmittedUtc == null && r.ReminderSentOn == null)
            .Join(db.Questionnaires.Where(q => q.DueDate >= today && q.DueDate <= horizon), r => r.QuestionnaireId, q => q.Id, (r, q) => new { Response = r, q.Title, q.DueDate })
            .Take(500)
            .ToListAsync(cancellationToken);
        var respondentIds = due.Select(d => d.Response.RespondentId).Distinct().ToList();
        var people = await db.People.Where(p => respondentIds.Contains(p.Id) && p.IsActive).Select(p => new { p.Id, p.Name, p.Email }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var sent = 0;
        foreach (var item in due)
        {
            if (!people.TryGetValue(item.Response.RespondentId, out var person) || !item.Response.ClaimReminder(today))
            {
                continue;
            }

            if (await ClaimedMail.SendAsync(db, mail, () => Compose(l, item.Response.Id, item.Title, item.DueDate, person.Name, person.Email), () => item.Response.ReleaseReminder(), logger, item.Response.Id, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private MailMessage Compose(IStringLocalizer l, Guid responseId, string title, DateOnly dueDate, string name, string email)
    {
        var link = (options.Value.PublicUrl?.TrimEnd('/') ?? string.Empty) + $"/self-assessments/responses/{responseId}";
        var date = dueDate.ToString("d", CultureInfo.GetCultureInfo("sv-SE"));
        var subject = l["SelfAssessment.ReminderSubject", title].Value;
        var body = l["SelfAssessment.ReminderBody", name, title, date, link].Value.Replace("\\n", "\n", StringComparison.Ordinal);
        return new MailMessage(email, name, subject, body);
    }
}
