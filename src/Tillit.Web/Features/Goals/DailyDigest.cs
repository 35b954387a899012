using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tillit.Data;
using Tillit.Domain.Goals;
using Tillit.Domain.Incidents;
using Tillit.Domain.Measures;
using Tillit.Web.Features.Documents;
using Tillit.Web.Infrastructure;
using Tillit.Web.Infrastructure.Mail;

namespace Tillit.Web.Features.Goals;

/// <summary>What waits for one person today: the figures of their digest.</summary>
public sealed record DigestItems(int MeasuresDueSoon, int MeasuresOverdue, int Incidents, int LawReviews, int DocumentReviews, int Questionnaires = 0, int Acknowledgements = 0)
{
    public static readonly DigestItems None = new(0, 0, 0, 0, 0);

    public bool IsEmpty => MeasuresDueSoon + MeasuresOverdue + Incidents + LawReviews + DocumentReviews + Questionnaires + Acknowledgements == 0;

    /// <summary>Each figure with its text key and the list it links to, in the order the mail and the page show them.</summary>
    public IEnumerable<(int Count, string Key, string Path)> Lines()
    {
        yield return (MeasuresOverdue, "Digest_MeasuresOverdue", "/measures?overdue=true");
        yield return (MeasuresDueSoon, "Digest_MeasuresDueSoon", "/measures");
        yield return (Incidents, "Digest_Incidents", "/incidents");
        yield return (LawReviews, "Digest_LawReviews", "/laws?overdue=true");
        yield return (DocumentReviews, "Digest_DocumentReviews", "/documents?sort=review");
        yield return (Questionnaires, "Digest_Questionnaires", "/self-assessments/mine");
        yield return (Acknowledgements, "Digest_Acknowledgements", "/documents/to-read");
    }
}

/// <summary>
/// The daily digest: once a day, every active person with something waiting gets one e-mail listing it (own
/// measures due within a week or overdue, incidents they handle that are open, legal register entries and
/// governing documents of theirs whose review is due, self-assessment forms they have not submitted, documents of
/// open acknowledgement campaigns they have not confirmed). Grouped queries per organisation (and one per open
/// campaign) find the figures, whatever the size. A person may turn the mail off or choose the hour (Swedish
/// time) from which it goes; the day is the Swedish date. Each person's mail is claimed by a
/// <see cref="DigestClaim"/> row, unique per person and day, so two instances on one database never send it
/// twice; a failed send removes the claim. The page /due shows the same figures in Tillit.
/// </summary>
public sealed class DailyDigest(IServiceScopeFactory scopes, IMailSender mail, TimeProvider clock, IOptions<ReminderOptions> options, ILogger<DailyDigest> logger) : IMailRun
{
    public const int SoonDays = 7;

    /// <summary>One pass over every organisation (or one); returns the number of digests sent.</summary>
    public Task<int> RunOnceAsync(Guid? onlyOrganisation, CancellationToken cancellationToken) =>
        MailRuns.ForEachOrganisationAsync(scopes, onlyOrganisation, RunForAsync, cancellationToken);

    /// <summary>
    /// Today's figures per person with anything waiting, in six grouped queries and one per open acknowledgement
    /// campaign; for one person only, the six queries filtered to them and no campaign count.
    /// </summary>
    public static async Task<Dictionary<Guid, DigestItems>> ItemsAsync(TillitDbContext db, DateOnly today, CancellationToken cancellationToken, Guid? onlyPerson = null)
    {
        var soon = today.AddDays(SoonDays);
        var measures = await db.Measures.AsNoTracking()
            .Where(m => onlyPerson == null || m.OwnerId == onlyPerson)
            .Where(m => (m.Status == MeasureStatus.Planned || m.Status == MeasureStatus.InProgress) && m.DueDate <= soon)
            .GroupBy(m => m.OwnerId)
            .Select(g => new { Person = g.Key, Overdue = g.Count(m => m.DueDate < today), Soon = g.Count(m => m.DueDate >= today) })
            .ToListAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => i.HandlerId != null && (onlyPerson == null || i.HandlerId == onlyPerson) && i.Status != IncidentStatus.Closed && i.Status != IncidentStatus.Dismissed)
            .GroupBy(i => i.HandlerId!.Value)
            .Select(g => new { Person = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var laws = await db.LegalRequirements.AsNoTracking()
            .Where(x => x.ResponsibleId != null && (onlyPerson == null || x.ResponsibleId == onlyPerson) && x.NextReview != null && x.NextReview <= today)
            .GroupBy(x => x.ResponsibleId!.Value)
            .Select(g => new { Person = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var documents = await db.Documents.AsNoTracking()
            .Where(d => (onlyPerson == null || d.OwnerId == onlyPerson) && d.NextReview != null && d.NextReview <= today)
            .GroupBy(d => d.OwnerId)
            .Select(g => new { Person = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // Self-assessment forms not yet submitted (issue 8), by the one who answers them.
        var questionnaires = await db.QuestionnaireResponses.AsNoTracking()
            .Where(r => r.SubmittedUtc == null && (onlyPerson == null || r.RespondentId == onlyPerson))
            .GroupBy(r => r.RespondentId)
            .Select(g => new { Person = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // Documents of open acknowledgement campaigns not yet confirmed, by each person of the campaign's audience
        // (a document asked for by two campaigns counts once). One query per open campaign: this is the daily run;
        // the page of one person counts with AcknowledgementQueries.ToReadAsync instead.
        var unconfirmed = new Dictionary<Guid, HashSet<Guid>>();
        var campaigns = onlyPerson is null
            ? await db.AcknowledgementCampaigns.AsNoTracking().Include(c => c.Audience).Where(c => c.ClosedOn == null).ToListAsync(cancellationToken)
            : [];
        foreach (var campaign in campaigns)
        {
            var (documentId, baseNumber) = (campaign.DocumentId, campaign.BaseNumber);
            var waiting = await (await AcknowledgementQueries.AudienceAsync(db, campaign, null, today, cancellationToken))
                .Where(x => !db.Acknowledgements.Any(a => a.PersonId == x.Person.Id && a.DocumentId == documentId && a.VersionNumber >= baseNumber))
                .Select(x => x.Person.Id)
                .ToListAsync(cancellationToken);
            foreach (var person in waiting)
            {
                if (!unconfirmed.TryGetValue(person, out var toConfirm))
                {
                    unconfirmed[person] = toConfirm = [];
                }

                toConfirm.Add(documentId);
            }
        }

        var byMeasures = measures.ToDictionary(m => m.Person);
        var byIncidents = incidents.ToDictionary(i => i.Person, i => i.Count);
        var byLaws = laws.ToDictionary(x => x.Person, x => x.Count);
        var byDocuments = documents.ToDictionary(d => d.Person, d => d.Count);
        var byQuestionnaires = questionnaires.ToDictionary(q => q.Person, q => q.Count);
        var people = byMeasures.Keys.Concat(byIncidents.Keys).Concat(byLaws.Keys).Concat(byDocuments.Keys).Concat(byQuestionnaires.Keys).Concat(unconfirmed.Keys).Distinct();
        return people.ToDictionary(p => p, p => new DigestItems(
            byMeasures.TryGetValue(p, out var m) ? m.Soon : 0,
            m?.Overdue ?? 0,
            byIncidents.GetValueOrDefault(p),
            byLaws.GetValueOrDefault(p),
            byDocuments.GetValueOrDefault(p),
            byQuestionnaires.GetValueOrDefault(p),
            unconfirmed.TryGetValue(p, out var d) ? d.Count : 0));
    }

    /// <summary>
    /// What waits for one person today, for the page /due: the digest's grouped figures filtered to the person, and the
    /// documents to confirm as the documents feature counts them for the signed-in person (a bounded number of queries,
    /// not one per open campaign).
    /// </summary>
    public static async Task<DigestItems> ForPersonAsync(TillitDbContext db, AcknowledgementQueries acknowledgements, Guid personId, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(acknowledgements);
        var items = (await ItemsAsync(db, today, cancellationToken, personId)).GetValueOrDefault(personId) ?? DigestItems.None;
        return items with { Acknowledgements = (await acknowledgements.ToReadAsync(cancellationToken)).Count };
    }

    /// <summary>The Swedish date and hour of an instant: the digest's day and the hour compared with each person's choice.</summary>
    public static (DateOnly Day, int Hour) SwedishDayAndHour(DateTimeOffset utc)
    {
        var local = DisplayTime.Local(utc);
        return (DateOnly.FromDateTime(local), local.Hour);
    }

    private async Task<int> RunForAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var (today, hour) = SwedishDayAndHour(clock.GetUtcNow());
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
            .Where(p => p.IsActive && p.ReceivesDigest && p.DigestHour <= hour && waiting.Contains(p.Id) && !db.DigestClaims.Any(c => c.PersonId == p.Id && c.Day == today))
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
        foreach (var (count, key, path) in items.Lines().Where(x => x.Count > 0))
        {
            body.AppendLine("- " + l[key, count].Value + ": " + url + path);
        }

        body.AppendLine().AppendLine(l["Digest_Footer"]).AppendLine(l["Digest_Choose", url + "/due"]);
        var subject = l["Digest_Subject", today.ToString("d", CultureInfo.GetCultureInfo("sv-SE"))].Value;
        return new MailMessage(email, name, subject, body.ToString());
    }
}
