using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tillit.Data;
using Tillit.Domain.Goals;
using Tillit.Domain.Incidents;
using Tillit.Domain.Measures;
using Tillit.Web.Infrastructure.Mail;

namespace Tillit.Web.Features.Goals;

/// <summary>What waits for one person today: the figures of their digest.</summary>
public sealed record DigestItems(int MeasuresDueSoon, int MeasuresOverdue, int Incidents, int LawReviews, int DocumentReviews, int Questionnaires = 0)
{
    public bool IsEmpty => MeasuresDueSoon + MeasuresOverdue + Incidents + LawReviews + DocumentReviews + Questionnaires == 0;
}

/// <summary>
/// The daily digest: once a day, every active person with something waiting gets one e-mail listing it (own
/// measures due within a week or overdue, incidents they handle that are open, legal register entries and
/// governing documents of theirs whose review is due, self-assessment forms they have not submitted). Grouped queries per organisation find the
/// figures, whatever the size. Each person's mail is claimed by a <see cref="DigestClaim"/> row, unique per
/// person and day, so two instances on one database never send it twice; a failed send removes the claim.
/// </summary>
public sealed class DailyDigest(IServiceScopeFactory scopes, IMailSender mail, TimeProvider clock, IOptions<ReminderOptions> options, ILogger<DailyDigest> logger) : IMailRun
{
    public const int SoonDays = 7;

    /// <summary>One pass over every organisation (or one); returns the number of digests sent.</summary>
    public Task<int> RunOnceAsync(Guid? onlyOrganisation, CancellationToken cancellationToken) =>
        MailRuns.ForEachOrganisationAsync(scopes, onlyOrganisation, RunForAsync, cancellationToken);

    /// <summary>Today's figures per person with anything waiting, in four grouped queries.</summary>
    public static async Task<Dictionary<Guid, DigestItems>> ItemsAsync(TillitDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var soon = today.AddDays(SoonDays);
        var measures = await db.Measures.AsNoTracking()
            .Where(m => (m.Status == MeasureStatus.Planned || m.Status == MeasureStatus.InProgress) && m.DueDate <= soon)
            .GroupBy(m => m.OwnerId)
            .Select(g => new { Person = g.Key, Overdue = g.Count(m => m.DueDate < today), Soon = g.Count(m => m.DueDate >= today) })
            .ToListAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => i.HandlerId != null && i.Status != IncidentStatus.Closed && i.Status != IncidentStatus.Dismissed)
            .GroupBy(i => i.HandlerId!.Value)
            .Select(g => new { Person = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var laws = await db.LegalRequirements.AsNoTracking()
            .Where(x => x.ResponsibleId != null && x.NextReview != null && x.NextReview <= today)
            .GroupBy(x => x.ResponsibleId!.Value)
            .Select(g => new { Person = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.NextReview != null && d.NextReview <= today)
            .GroupBy(d => d.OwnerId)
            .Select(g => new { Person = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // Self-assessment forms not yet submitted (issue 8), by the one who answers them.
        var questionnaires = await db.QuestionnaireResponses.AsNoTracking()
            .Where(r => r.SubmittedUtc == null)
            .GroupBy(r => r.RespondentId)
            .Select(g => new { Person = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var people = measures.Select(m => m.Person).Concat(incidents.Select(i => i.Person)).Concat(laws.Select(x => x.Person)).Concat(documents.Select(d => d.Person)).Concat(questionnaires.Select(q => q.Person)).Distinct();
        return people.ToDictionary(p => p, p => new DigestItems(
            measures.FirstOrDefault(m => m.Person == p)?.Soon ?? 0,
            measures.FirstOrDefault(m => m.Person == p)?.Overdue ?? 0,
            incidents.FirstOrDefault(i => i.Person == p)?.Count ?? 0,
            laws.FirstOrDefault(x => x.Person == p)?.Count ?? 0,
            documents.FirstOrDefault(d => d.Person == p)?.Count ?? 0,
            questionnaires.FirstOrDefault(q => q.Person == p)?.Count ?? 0));
    }

    private async Task<int> RunForAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organisationId);
        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
        var l = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
        var items = await ItemsAsync(db, today, cancellationToken);
        if (items.Count == 0)
        {
            return 0;
        }

        var waiting = items.Keys.ToList();
        var people = await db.People.AsNoTracking()
            .Where(p => p.IsActive && waiting.Contains(p.Id) && !db.DigestClaims.Any(c => c.PersonId == p.Id && c.Day == today))
            .Select(p => new { p.Id, p.Name, p.Email })
            .ToListAsync(cancellationToken);
        var sent = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var person in people)
        {
            // One claim per person: a clash means another instance has this person and sends it.
            var claim = new DigestClaim(organisationId, person.Id, today, now);
            db.DigestClaims.Add(claim);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                continue;
            }

            try
            {
                await mail.SendAsync(Compose(l, items[person.Id], person.Name, person.Email, today), cancellationToken);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The daily digest for {PersonId} could not be sent; it will be tried again.", person.Id);
                db.DigestClaims.Remove(claim);
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return sent;
    }

    private MailMessage Compose(IStringLocalizer l, DigestItems items, string name, string email, DateOnly today)
    {
        var url = options.Value.PublicUrl?.TrimEnd('/') ?? string.Empty;
        var body = new StringBuilder();
        body.AppendLine(l["Digest_Greeting", name]).AppendLine();
        void Line(int count, string key, string path)
        {
            if (count > 0)
            {
                body.AppendLine("- " + l[key, count].Value + ": " + url + path);
            }
        }

        Line(items.MeasuresOverdue, "Digest_MeasuresOverdue", "/measures?overdue=true");
        Line(items.MeasuresDueSoon, "Digest_MeasuresDueSoon", "/measures");
        Line(items.Incidents, "Digest_Incidents", "/incidents");
        Line(items.LawReviews, "Digest_LawReviews", "/laws?overdue=true");
        Line(items.DocumentReviews, "Digest_DocumentReviews", "/documents?sort=review");
        Line(items.Questionnaires, "Digest_Questionnaires", "/self-assessments/mine");
        body.AppendLine().AppendLine(l["Digest_Footer"]);
        var subject = l["Digest_Subject", today.ToString("d", CultureInfo.GetCultureInfo("sv-SE"))].Value;
        return new MailMessage(email, name, subject, body.ToString());
    }
}
