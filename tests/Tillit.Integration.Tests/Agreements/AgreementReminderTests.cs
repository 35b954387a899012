using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tillit.Domain.Access;
using Tillit.Integration.Tests.Audit;
using Tillit.Integration.Tests.Infrastructure;
using Tillit.Web.Features.Agreements;
using Tillit.Web.Infrastructure.Mail;

namespace Tillit.Integration.Tests.Agreements;

/// <summary>
/// The responsible person of an agreement is reminded by real SMTP (MailKit to an SMTP server inside the test)
/// before the last day of notice and before the end, once per date, on both databases.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AgreementReminderTests(TillitApp app) : IAsyncLifetime
{
    private TestSmtpServer _smtp = default!;

    public Task InitializeAsync()
    {
        _smtp = TestSmtpServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    private AgreementReminders Reminders(TimeProvider clock, IMailSender? sender = null) => new(
        app.Factory.Services.GetRequiredService<IServiceScopeFactory>(),
        sender ?? _smtp.Sender(),
        clock,
        Options.Create(new ReminderOptions { AgreementLeadDays = 90, PublicUrl = "https://tillit.test" }),
        NullLogger<AgreementReminders>.Instance);

    private static TestClock At(DateOnly day)
    {
        var clock = new TestClock();
        clock.Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));
        return clock;
    }

    [Fact]
    public async Task The_responsible_person_is_reminded_once_before_the_notice_date_and_once_before_the_end()
    {
        var org = await app.Seed.CreateOrganisationAsync("arem" + Guid.NewGuid().ToString("N")[..8], [Role.SecurityOfficer]);
        var dates = await app.Seed.WithDbAsync(org.Id, db => db.Agreements.Where(a => a.Id == org.AgreementId).Select(a => new { a.NoticeBy, a.EndsOn }).SingleAsync());
        var (notice, ends) = (dates.NoticeBy!.Value, dates.EndsOn!.Value);
        var email = await app.Seed.WithDbAsync(org.Id, db => db.People.Where(p => p.Id == org.Accounts[Role.SecurityOfficer].PersonId).Select(p => p.Email).SingleAsync());

        // Four months before the notice date: nothing is due.
        Assert.Equal(0, await Reminders(At(notice.AddDays(-120))).RunOnceAsync(org.Id, CancellationToken.None));

        // Within the lead of the notice date: one mail, even when two instances run at once, and none on the next run.
        var clock = At(notice.AddDays(-30));
        var runs = await Task.WhenAll(Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None), Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
        Assert.Equal(1, runs.Sum());
        Assert.Equal(0, await Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
        var message = Assert.Single(_smtp.To(email));
        Assert.StartsWith("Sista uppsägningsdag närmar sig", message.Subject, StringComparison.Ordinal);
        Assert.Contains($"Leverantör {org.Code}", message.Subject, StringComparison.Ordinal);
        Assert.Contains($"https://tillit.test/agreements/{org.AgreementId}", message.TextBody, StringComparison.Ordinal);

        // Within the lead of the end date: the end reminder, once.
        clock = At(ends.AddDays(-20));
        Assert.Equal(1, await Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
        Assert.Equal(0, await Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
        Assert.StartsWith("Avtal upphör snart", _smtp.To(email).Last().Subject, StringComparison.Ordinal);

        // A new end and notice date (the agreement was extended) allows the next reminders when they near.
        var newNotice = notice.AddYears(1);
        var newEnd = ends.AddYears(1);
        await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var agreement = await db.Agreements.SingleAsync(a => a.Id == org.AgreementId);
            agreement.Plan(agreement.ResponsibleId, agreement.StartsOn, newEnd, newNotice);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(0, await Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
        Assert.Equal(1, await Reminders(At(newNotice.AddDays(-10))).RunOnceAsync(org.Id, CancellationToken.None));
        Assert.Equal(3, _smtp.To(email).Count);
    }

    [Fact]
    public async Task A_reminder_that_cannot_be_sent_is_tried_again()
    {
        var org = await app.Seed.CreateOrganisationAsync("arem" + Guid.NewGuid().ToString("N")[..8], [Role.SecurityOfficer]);
        var notice = await app.Seed.WithDbAsync(org.Id, db => db.Agreements.Where(a => a.Id == org.AgreementId).Select(a => a.NoticeBy!.Value).SingleAsync());
        var clock = At(notice.AddDays(-1));
        var broken = new SmtpMailSender(Options.Create(new MailOptions { Host = "127.0.0.1", Port = 1, Security = "None" }));
        Assert.Equal(0, await Reminders(clock, broken).RunOnceAsync(org.Id, CancellationToken.None));
        Assert.Null(await app.Seed.WithDbAsync(org.Id, db => db.Agreements.Where(a => a.Id == org.AgreementId).Select(a => a.NoticeReminderSentFor).SingleAsync()));
        Assert.Equal(1, await Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
    }
}
