using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tillit.Data;
using Tillit.Domain.Preparedness;
using Tillit.Web.Infrastructure.Mail;

namespace Tillit.Web.Features.Continuity;

/// <summary>
/// Reminds the responsible person of each continuity plan that its review is near (or past), once per review date,
/// the way agreements are reminded (<see cref="Tillit.Web.Features.Agreements.AgreementReminders"/>): the reminder is claimed in the
/// database first (the plan's concurrency token lets one instance win) and given back if the mail fails. Plans of
/// retired systems are left alone. Lead: <see cref="ReminderOptions.ReviewLeadDays"/>.
/// </summary>
public sealed class ContinuityReminders(IServiceScopeFactory scopes, IMailSender mail, TimeProvider clock, IOptions<ReminderOptions> options, ILogger<ContinuityReminders> logger) : IMailRun
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

        var due = await db.ContinuityPlans
            .Where(p => p.ResponsibleId != null && p.NextReview != null && p.NextReview <= horizon
                && (p.ReviewReminderSentFor == null || p.ReviewReminderSentFor != p.NextReview)
                && db.InformationSystems.Any(s => s.Id == p.SystemId && s.Lifecycle != Tillit.Domain.Register.Lifecycle.Retired))
            .OrderBy(p => p.NextReview)
            .Take(500)
            .ToListAsync(cancellationToken);
        var responsibleIds = due.Select(p => p.ResponsibleId!.Value).Distinct().ToList();
        var people = await db.People.Where(p => responsibleIds.Contains(p.Id) && p.IsActive).Select(p => new { p.Id, p.Name, p.Email }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var systemIds = due.Select(p => p.SystemId).ToList();
        var systemNames = await db.InformationSystems.Where(s => systemIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var sent = 0;
        foreach (var plan in due)
        {
            if (!people.TryGetValue(plan.ResponsibleId!.Value, out var person) || !plan.ClaimReviewReminder())
            {
                continue;
            }

            if (await ClaimedMail.SendAsync(db, mail, () => Compose(l, plan, systemNames.GetValueOrDefault(plan.SystemId, string.Empty), person.Name, person.Email), () => plan.ReleaseReviewReminder(), logger, plan.Id, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private MailMessage Compose(IStringLocalizer l, ContinuityPlan plan, string systemName, string name, string email)
    {
        var culture = CultureInfo.GetCultureInfo("sv-SE");
        var link = options.Value.PublicUrl is { } url ? $"{url.TrimEnd('/')}/continuity/systems/{plan.SystemId}" : $"/continuity/systems/{plan.SystemId}";
        var subject = l["Continuity.ReminderSubject", systemName].Value;
        var body = l["Continuity.ReminderBody", name, systemName, plan.NextReview!.Value.ToString("d", culture), link].Value.Replace("\\n", "\n", StringComparison.Ordinal);
        return new MailMessage(email, name, subject, body);
    }
}
