using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tillit.Domain.Access;
using Tillit.Integration.Tests.Audit;
using Tillit.Integration.Tests.Infrastructure;
using Tillit.Web.Features.Laws;
using Tillit.Web.Infrastructure.Mail;

namespace Tillit.Integration.Tests.Laws;

/// <summary>
/// The responsible person of a legal register entry is reminded by real SMTP (MailKit to an SMTP server
/// inside the test) once per review date, on both databases.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LawReminderTests(TillitApp app) : IAsyncLifetime
{
    private TestSmtpServer _smtp = default!;

    public Task InitializeAsync()
    {
        _smtp = TestSmtpServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    private LawReviewReminders Reminders(TimeProvider clock, IMailSender? sender = null) => new(
        app.Factory.Services.GetRequiredService<IServiceScopeFactory>(),
        sender ?? new SmtpMailSender(Options.Create(new MailOptions { Host = "127.0.0.1", Port = _smtp.Port, Security = "None", From = "tillit@test.example" })),
        clock,
        Options.Create(new ReminderOptions { ReviewLeadDays = 30, PublicUrl = "https://tillit.test" }),
        NullLogger<LawReviewReminders>.Instance);

    private static TestClock At(DateOnly day)
    {
        var clock = new TestClock();
        clock.Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));
        return clock;
    }

    [Fact]
    public async Task The_responsible_person_is_reminded_once_before_the_review_and_again_only_for_a_new_date()
    {
        var org = await app.Seed.CreateOrganisationAsync("lrem" + Guid.NewGuid().ToString("N")[..8], [Role.SecurityOfficer]);
        var review = await app.Seed.WithDbAsync(org.Id, db => db.LegalRequirements.Where(l => l.Id == org.LawId).Select(l => l.NextReview!.Value).SingleAsync());
        var email = await app.Seed.WithDbAsync(org.Id, db => db.People.Where(p => p.Id == org.Accounts[Role.SecurityOfficer].PersonId).Select(p => p.Email).SingleAsync());

        // Two months before: nothing is due.
        Assert.Equal(0, await Reminders(At(review.AddDays(-60))).RunOnceAsync(org.Id, CancellationToken.None));

        // Within 30 days: one mail, even when two instances run at once.
        var clock = At(review.AddDays(-20));
        var runs = await Task.WhenAll(Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None), Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
        Assert.Equal(1, runs.Sum());
        Assert.Equal(0, await Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
        var message = Assert.Single(_smtp.To(email));
        Assert.Contains("(EU) 2016/679", message.Subject, StringComparison.Ordinal);
        Assert.Contains($"https://tillit.test/laws/{org.LawId}", message.TextBody, StringComparison.Ordinal);

        // A new review date allows the next reminder when it nears; past the date the subject says overdue.
        var next = review.AddMonths(12);
        await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var law = await db.LegalRequirements.SingleAsync(l => l.Id == org.LawId);
            law.Plan(law.ResponsibleId, next);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(0, await Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
        Assert.Equal(1, await Reminders(At(next.AddDays(2))).RunOnceAsync(org.Id, CancellationToken.None));
        Assert.StartsWith("Försenad översyn", _smtp.To(email).Last().Subject, StringComparison.Ordinal);
        Assert.Equal(2, _smtp.To(email).Count);
    }

    [Fact]
    public async Task A_reminder_that_cannot_be_sent_is_tried_again()
    {
        var org = await app.Seed.CreateOrganisationAsync("lrem" + Guid.NewGuid().ToString("N")[..8], [Role.SecurityOfficer]);
        var review = await app.Seed.WithDbAsync(org.Id, db => db.LegalRequirements.Where(l => l.Id == org.LawId).Select(l => l.NextReview!.Value).SingleAsync());
        var clock = At(review.AddDays(-1));
        var broken = new SmtpMailSender(Options.Create(new MailOptions { Host = "127.0.0.1", Port = 1, Security = "None" }));
        Assert.Equal(0, await Reminders(clock, broken).RunOnceAsync(org.Id, CancellationToken.None));
        Assert.Null(await app.Seed.WithDbAsync(org.Id, db => db.LegalRequirements.Where(l => l.Id == org.LawId).Select(l => l.ReviewReminderSentFor).SingleAsync()));
        Assert.Equal(1, await Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
    }
}
