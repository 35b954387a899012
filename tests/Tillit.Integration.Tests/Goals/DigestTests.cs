using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tillit.Domain.Access;
using Tillit.Domain.Documents;
using Tillit.Domain.Measures;
using Tillit.Integration.Tests.Audit;
using Tillit.Integration.Tests.Infrastructure;
using Tillit.Web.Features.Goals;
using Tillit.Web.Infrastructure.Mail;

namespace Tillit.Integration.Tests.Goals;

/// <summary>
/// The daily digest goes by real SMTP (MailKit to an SMTP server inside the test) once per person and day,
/// only to people with something waiting, even when two instances run at once, on both databases.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DigestTests(TillitApp app) : IAsyncLifetime
{
    private TestSmtpServer _smtp = default!;

    public Task InitializeAsync()
    {
        _smtp = TestSmtpServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    private DailyDigest Digest(TimeProvider clock, IMailSender? sender = null) => new(
        app.Factory.Services.GetRequiredService<IServiceScopeFactory>(),
        sender ?? new SmtpMailSender(Options.Create(new MailOptions { Host = "127.0.0.1", Port = _smtp.Port, Security = "None", From = "tillit@test.example" })),
        clock,
        Options.Create(new ReminderOptions { PublicUrl = "https://tillit.test" }),
        NullLogger<DailyDigest>.Instance);

    private static TestClock At(DateOnly day)
    {
        var clock = new TestClock();
        clock.Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));
        return clock;
    }

    [Fact]
    public async Task Each_person_with_something_waiting_gets_one_digest_a_day_even_from_two_instances()
    {
        var org = await app.Seed.CreateOrganisationAsync("dig" + Guid.NewGuid().ToString("N")[..8], [Role.SecurityOfficer, Role.ItManager, Role.Employee]);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var officer = org.Accounts[Role.SecurityOfficer].PersonId;
        await app.Seed.WithDbAsync(org.Id, async db =>
        {
            // The employee has confirmed the guideline of the seed's open campaign; the others have not.
            var guideline = await db.DocumentVersions.SingleAsync(v => v.Id == org.GuidelineVersionId);
            db.Acknowledgements.Add(new Acknowledgement(org.Id, org.Accounts[Role.Employee].PersonId, guideline, TimeProvider.System.GetUtcNow().UtcDateTime));
            db.Measures.Add(new Measure(org.Id, "Försenad åtgärd", "Test", MeasureOrigin.Other, null, null, org.UnitId, officer, today.AddDays(-1), today.AddDays(-30)));
            db.Measures.Add(new Measure(org.Id, "Snart klar", "Test", MeasureOrigin.Other, null, null, org.UnitId, officer, today.AddDays(3), today.AddDays(-30)));
            return await db.SaveChangesAsync();
        });
        Task<string> EmailAsync(Role role) => app.Seed.WithDbAsync(org.Id, db => db.People.Where(p => p.Id == org.Accounts[role].PersonId).Select(p => p.Email).SingleAsync());
        var (officerMail, itMail, employeeMail) = (await EmailAsync(Role.SecurityOfficer), await EmailAsync(Role.ItManager), await EmailAsync(Role.Employee));

        var clock = At(today);
        var runs = await Task.WhenAll(Digest(clock).RunOnceAsync(org.Id, CancellationToken.None), Digest(clock).RunOnceAsync(org.Id, CancellationToken.None));
        var first = runs.Sum();
        Assert.True(first >= 2, $"the officer and the IT manager have something waiting; sent {first}");
        Assert.Equal(0, await Digest(clock).RunOnceAsync(org.Id, CancellationToken.None));

        var mine = Assert.Single(_smtp.To(officerMail));
        Assert.Contains("Åtgärder som är försenade: 1", mine.TextBody, StringComparison.Ordinal);
        Assert.Contains("Åtgärder med slutdatum inom en vecka: 1", mine.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://tillit.test/measures?overdue=true", mine.TextBody, StringComparison.Ordinal);
        Assert.Contains("1 styrdokument att läsa och bekräfta: https://tillit.test/documents/to-read", mine.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://tillit.test/due", mine.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Försenad åtgärd", mine.TextBody, StringComparison.Ordinal);

        // The seed's incident is assigned to the IT manager; the employee has nothing waiting and gets nothing.
        Assert.Contains("Öppna händelser som du handlägger: 1", Assert.Single(_smtp.To(itMail)).TextBody, StringComparison.Ordinal);
        Assert.Empty(_smtp.To(employeeMail));
        Assert.Equal(first, await app.Seed.WithDbAsync(org.Id, db => db.DigestClaims.CountAsync(c => c.Day == today)));

        // The next day brings the next digest.
        Assert.Equal(first, await Digest(At(today.AddDays(1))).RunOnceAsync(org.Id, CancellationToken.None));
        Assert.Equal(2, _smtp.To(officerMail).Count);
    }

    [Fact]
    public async Task A_person_who_turned_the_digest_off_gets_none_and_one_who_chose_a_later_hour_gets_it_from_that_hour()
    {
        var org = await app.Seed.CreateOrganisationAsync("dig" + Guid.NewGuid().ToString("N")[..8], [Role.SecurityOfficer, Role.ItManager]);
        var (officer, it) = (org.Accounts[Role.SecurityOfficer].PersonId, org.Accounts[Role.ItManager].PersonId);
        var mails = await app.Seed.WithDbAsync(org.Id, async db =>
        {
            (await db.People.SingleAsync(p => p.Id == officer)).ChooseDigest(false, 7);
            (await db.People.SingleAsync(p => p.Id == it)).ChooseDigest(true, 20);
            await db.SaveChangesAsync();
            return await db.People.Where(p => p.Id == officer || p.Id == it).ToDictionaryAsync(p => p.Id, p => p.Email);
        });

        // A winter day: 06:00 UTC is 07:00 in Sweden, 18:59 UTC is 19:59, 19:00 UTC is 20:00.
        var day = new DateOnly(2026, 1, 15);
        TestClock At(int hour, int minute)
        {
            var clock = new TestClock();
            clock.Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero));
            return clock;
        }

        await Digest(At(6, 0)).RunOnceAsync(org.Id, CancellationToken.None);
        await Digest(At(18, 59)).RunOnceAsync(org.Id, CancellationToken.None);
        Assert.Empty(_smtp.To(mails[it]));
        await Digest(At(19, 0)).RunOnceAsync(org.Id, CancellationToken.None);
        Assert.Single(_smtp.To(mails[it]));
        Assert.Empty(_smtp.To(mails[officer]));
        Assert.Equal(0, await app.Seed.WithDbAsync(org.Id, db => db.DigestClaims.CountAsync(c => c.PersonId == officer)));
    }

    [Fact]
    public async Task The_page_due_shows_the_digests_figures_and_keeps_a_bad_hour_out()
    {
        var org = await app.Seed.CreateOrganisationAsync("dig" + Guid.NewGuid().ToString("N")[..8], [Role.ItManager]);
        var it = await app.SessionAsync(org, Role.ItManager);

        // The seed's incident is the IT manager's, and the seed's campaign asks for the guideline: both are listed.
        var (response, html) = await it.GetPageAsync("/due");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<a href=\"/incidents\">Öppna händelser som du handlägger: 1</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/documents/to-read\">1 styrdokument att läsa och bekräfta</a>", html, StringComparison.Ordinal);

        var person = org.Accounts[Role.ItManager].PersonId;
        var bad = await it.PostFormAsync("/due", new Dictionary<string, string> { ["ReceivesDigest"] = "false", ["DigestHour"] = "24" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Välj en timme mellan 00 och 23.", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unchanged = await app.Seed.WithDbAsync(org.Id, db => db.People.Where(p => p.Id == person).Select(p => new { p.ReceivesDigest, p.DigestHour }).SingleAsync());
        Assert.Equal((true, 7), (unchanged.ReceivesDigest, unchanged.DigestHour));

        var saved = await it.PostFormAsync("/due", new Dictionary<string, string> { ["ReceivesDigest"] = "false", ["DigestHour"] = "9" });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        var changed = await app.Seed.WithDbAsync(org.Id, db => db.People.Where(p => p.Id == person).Select(p => new { p.ReceivesDigest, p.DigestHour }).SingleAsync());
        Assert.Equal((false, 9), (changed.ReceivesDigest, changed.DigestHour));
    }

    [Fact]
    public async Task A_digest_that_cannot_be_sent_is_tried_again_the_same_day()
    {
        var org = await app.Seed.CreateOrganisationAsync("dig" + Guid.NewGuid().ToString("N")[..8], [Role.ItManager]);
        var clock = At(DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime));
        var broken = new SmtpMailSender(Options.Create(new MailOptions { Host = "127.0.0.1", Port = 1, Security = "None" }));
        Assert.Equal(0, await Digest(clock, broken).RunOnceAsync(org.Id, CancellationToken.None));
        Assert.Equal(0, await app.Seed.WithDbAsync(org.Id, db => db.DigestClaims.CountAsync()));
        Assert.True(await Digest(clock).RunOnceAsync(org.Id, CancellationToken.None) >= 1);
    }
}
