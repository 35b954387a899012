using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tillit.Domain.Access;
using Tillit.Integration.Tests.Audit;
using Tillit.Integration.Tests.Infrastructure;
using Tillit.Web.Infrastructure.Mail;

namespace Tillit.Integration.Tests.Documents;

/// <summary>
/// Review reminders go out by real SMTP (MailKit) to an SMTP server running inside the test
/// (the SmtpServer package), once per review date, on both databases.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ReviewReminderTests(TillitApp app) : IAsyncLifetime
{
    private TestSmtpServer _smtp = default!;

    public Task InitializeAsync()
    {
        _smtp = TestSmtpServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    private ReviewReminders Reminders(TimeProvider clock, IMailSender? sender = null) => new(
        app.Factory.Services.GetRequiredService<IServiceScopeFactory>(),
        sender ?? new SmtpMailSender(Options.Create(new MailOptions { Host = "127.0.0.1", Port = _smtp.Port, Security = "None", From = "tillit@test.example" })),
        clock,
        Options.Create(new ReminderOptions { ReviewLeadDays = 30, PublicUrl = "https://tillit.test" }),
        NullLogger<ReviewReminders>.Instance);

    [Fact]
    public async Task The_owner_is_reminded_once_before_the_review_date_and_again_only_after_a_new_date()
    {
        var org = await app.Seed.CreateOrganisationAsync("rem" + Guid.NewGuid().ToString("N")[..8], [Role.SecurityOfficer]);
        var review = await app.Seed.WithDbAsync(org.Id, db => db.Documents.Where(d => d.Id == org.GuidelineId).Select(d => d.NextReview!.Value).SingleAsync());
        var owner = await app.Seed.WithDbAsync(org.Id, db => db.People.Where(p => p.Id == db.Documents.Where(d => d.Id == org.GuidelineId).Select(d => d.OwnerId).First()).Select(p => p.Email).SingleAsync());
        var clock = new TestClock();

        // Two months before: nothing is due.
        clock.Set(new DateTimeOffset(review.AddDays(-60).ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));
        Assert.Equal(0, await Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None));

        // Within 30 days: one mail, however often the run repeats (here twice, as by two instances).
        clock.Set(new DateTimeOffset(review.AddDays(-20).ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));
        var runs = await Task.WhenAll(Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None), Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
        Assert.Equal(1, runs.Sum());
        Assert.Equal(0, await Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
        var messages = _smtp.To(owner);
        var message = Assert.Single(messages);
        Assert.Contains($"Riktlinje {org.Code}", message.Subject, StringComparison.Ordinal);
        Assert.Contains($"https://tillit.test/documents/{org.GuidelineId}", message.TextBody, StringComparison.Ordinal);

        // The review is recorded: a new date, and so a new reminder when that one nears.
        await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var document = await db.Documents.Include(d => d.Versions).SingleAsync(d => d.Id == org.GuidelineId);
            document.MarkReviewed(review.AddDays(-10));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(0, await Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
        clock.Set(new DateTimeOffset(review.AddDays(-10).AddMonths(12).AddDays(-5).ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));
        Assert.Equal(1, await Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
        Assert.Equal(2, _smtp.To(owner).Count);
    }

    [Fact]
    public async Task A_reminder_that_cannot_be_sent_is_tried_again_on_the_next_run()
    {
        var org = await app.Seed.CreateOrganisationAsync("rem" + Guid.NewGuid().ToString("N")[..8], [Role.SecurityOfficer]);
        var review = await app.Seed.WithDbAsync(org.Id, db => db.Documents.Where(d => d.Id == org.GuidelineId).Select(d => d.NextReview!.Value).SingleAsync());
        var clock = new TestClock();
        clock.Set(new DateTimeOffset(review.AddDays(5).ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));

        // No SMTP server on this port: the claim is given back.
        var broken = new SmtpMailSender(Options.Create(new MailOptions { Host = "127.0.0.1", Port = 1, Security = "None" }));
        Assert.Equal(0, await Reminders(clock, broken).RunOnceAsync(org.Id, CancellationToken.None));
        Assert.Null(await app.Seed.WithDbAsync(org.Id, db => db.Documents.Where(d => d.Id == org.GuidelineId).Select(d => d.ReviewReminderSentFor).SingleAsync()));

        Assert.Equal(1, await Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
        var owner = await app.Seed.WithDbAsync(org.Id, db => db.People.Where(p => p.Id == db.Documents.Where(d => d.Id == org.GuidelineId).Select(d => d.OwnerId).First()).Select(p => p.Email).SingleAsync());
        Assert.StartsWith("Försenad översyn", Assert.Single(_smtp.To(owner)).Subject, StringComparison.Ordinal);
    }

    private CampaignReminders CampaignReminders(TimeProvider clock) => new(
        app.Factory.Services.GetRequiredService<IServiceScopeFactory>(),
        new SmtpMailSender(Options.Create(new MailOptions { Host = "127.0.0.1", Port = _smtp.Port, Security = "None", From = "tillit@test.example" })),
        clock,
        Options.Create(new ReminderOptions { CampaignLeadDays = 7, PublicUrl = "https://tillit.test" }),
        NullLogger<CampaignReminders>.Instance);

    [Fact]
    public async Task Everyone_of_a_campaign_who_has_not_confirmed_is_reminded_once_before_the_due_date()
    {
        var org = await app.Seed.CreateOrganisationAsync("camp" + Guid.NewGuid().ToString("N")[..8], [Role.SecurityOfficer]);
        var due = await app.Seed.WithDbAsync(org.Id, db => db.AcknowledgementCampaigns.Where(c => c.Id == org.CampaignId).Select(c => c.DueDate).SingleAsync());
        var confirmedBy = org.Accounts[Role.SecurityOfficer].PersonId;
        await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var version = await db.DocumentVersions.SingleAsync(v => v.Id == org.GuidelineVersionId);
            db.Acknowledgements.Add(new Tillit.Domain.Documents.Acknowledgement(org.Id, confirmedBy, version, TimeProvider.System.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });
        var people = await app.Seed.WithDbAsync(org.Id, db => db.People.Where(p => p.IsActive).Select(p => new { p.Id, p.Email }).ToListAsync());
        var clock = new TestClock();

        // Three weeks before the due date: nothing yet.
        clock.Set(new DateTimeOffset(due.AddDays(-21).ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));
        Assert.Equal(0, await CampaignReminders(clock).RunOnceAsync(org.Id, CancellationToken.None));

        // Five days before: each person who has not confirmed gets one mail, even with two instances running.
        clock.Set(new DateTimeOffset(due.AddDays(-5).ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));
        var runs = await Task.WhenAll(CampaignReminders(clock).RunOnceAsync(org.Id, CancellationToken.None), CampaignReminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
        Assert.Equal(people.Count - 1, runs.Sum());
        Assert.Equal(0, await CampaignReminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
        foreach (var person in people)
        {
            Assert.Equal(person.Id == confirmedBy ? 0 : 1, _smtp.To(person.Email).Count(m => m.Subject != null && m.Subject.Contains($"Riktlinje {org.Code}", StringComparison.Ordinal)));
        }

        var body = _smtp.To(people.First(p => p.Id != confirmedBy).Email).Single().TextBody;
        Assert.Contains($"https://tillit.test/documents/{org.GuidelineId}", body, StringComparison.Ordinal);

        // After the due date nobody is reminded any more.
        clock.Set(new DateTimeOffset(due.AddDays(1).ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));
        Assert.Equal(0, await CampaignReminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
    }
}
