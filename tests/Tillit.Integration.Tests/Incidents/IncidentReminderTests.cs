using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tillit.Domain.Access;
using Tillit.Integration.Tests.Audit;
using Tillit.Integration.Tests.Infrastructure;
using Tillit.Web.Features.Incidents;
using Tillit.Web.Infrastructure.Mail;
using static Tillit.Integration.Tests.Incidents.IncidentTestHelp;

namespace Tillit.Integration.Tests.Incidents;

/// <summary>
/// Deadline reminders go to the handler by real SMTP (MailKit to an SMTP server inside the test), at
/// 50 % and 90 % of each window, once each even with two instances running, and stop when the report is sent.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class IncidentReminderTests(TillitApp app) : IAsyncLifetime
{
    private TestSmtpServer _smtp = default!;

    public Task InitializeAsync()
    {
        _smtp = TestSmtpServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    private IncidentReminders Reminders(TimeProvider clock, int? port = null) => new(
        app.Factory.Services.GetRequiredService<IServiceScopeFactory>(),
        new SmtpMailSender(Options.Create(new MailOptions { Host = "127.0.0.1", Port = port ?? _smtp.Port, Security = "None", From = "tillit@test.example" })),
        clock,
        Options.Create(new ReminderOptions { PublicUrl = "https://tillit.test" }),
        NullLogger<IncidentReminders>.Instance);

    [Fact]
    public async Task The_handler_is_reminded_once_at_half_and_once_at_ninety_percent_and_not_after_the_report_is_sent()
    {
        var org = await app.Seed.CreateOrganisationAsync("inc" + Guid.NewGuid().ToString("N")[..8], [Role.Employee, Role.SecurityOfficer, Role.ItManager]);
        var id = await ReportAsync(app, org, "Ett USB-minne med elevuppgifter är borttappat", personalData: true);
        var officer = await app.ApiAsync(org, Role.SecurityOfficer);
        await OkAsync(ChangeAsync(officer, id, "assign", new() { ["handlerId"] = org.Accounts[Role.ItManager].PersonId }));
        await OkAsync(ChangeAsync(officer, id, "breach", new() { ["breach"] = true, ["dataCategories"] = "Namn och betyg" }));
        var aware = await app.Seed.WithDbAsync(org.Id, db => db.Incidents.Where(i => i.Id == id).Select(i => i.AwareUtc).SingleAsync());
        var handler = org.Accounts[Role.ItManager].Email;
        var clock = new TestClock();

        // A third into the 72 hours: nothing yet.
        clock.Set(new DateTimeOffset(aware.AddHours(24), TimeSpan.Zero));
        Assert.Equal(0, await Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None));

        // Past half: one mail, however many instances run.
        clock.Set(new DateTimeOffset(aware.AddHours(40), TimeSpan.Zero));
        var runs = await Task.WhenAll(Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None), Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
        Assert.Equal(1, runs.Sum());
        Assert.Equal(0, await Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
        var first = Assert.Single(_smtp.To(handler));
        Assert.Contains("IMY", first.Subject, StringComparison.Ordinal);
        Assert.Contains($"https://tillit.test/incidents/{id}", first.TextBody, StringComparison.Ordinal);

        // Past 90 %: the second and last.
        clock.Set(new DateTimeOffset(aware.AddHours(66), TimeSpan.Zero));
        Assert.Equal(1, await Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
        Assert.Equal(0, await Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
        Assert.Equal(2, _smtp.To(handler).Count);
        Assert.Equal(2, await app.Seed.WithDbAsync(org.Id, db => db.IncidentReminders.CountAsync(r => r.IncidentId == id)));

        // A significant incident starts three more clocks; once the early warning is sent its reminders stop.
        await OkAsync(ChangeAsync(officer, id, "significant", new() { ["significant"] = true }));
        await OkAsync(ChangeAsync(officer, id, "reports", new() { ["kind"] = "EarlyWarning" }));
        await OkAsync(ChangeAsync(officer, id, "reports", new() { ["kind"] = "Imy" }));
        var sentCount = await Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None);

        // Only the notification (72 h, past 90 %) is still due; IMY and the early warning are sent.
        Assert.Equal(1, sentCount);
        Assert.Contains(_smtp.To(handler), m => m.Subject!.Contains("Incidentanmälan", StringComparison.Ordinal));
        Assert.DoesNotContain(_smtp.To(handler), m => m.Subject!.Contains("Tidig varning", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reminder_that_cannot_be_sent_is_given_back_and_sent_on_the_next_run()
    {
        var org = await app.Seed.CreateOrganisationAsync("inc" + Guid.NewGuid().ToString("N")[..8], [Role.Employee, Role.SecurityOfficer]);
        var id = await ReportAsync(app, org, "Utpressningsprogram på en skolserver");
        var officer = await app.ApiAsync(org, Role.SecurityOfficer);
        await OkAsync(ChangeAsync(officer, id, "significant", new() { ["significant"] = true }));
        var aware = await app.Seed.WithDbAsync(org.Id, db => db.Incidents.Where(i => i.Id == id).Select(i => i.AwareUtc).SingleAsync());
        var clock = new TestClock();
        clock.Set(new DateTimeOffset(aware.AddHours(13), TimeSpan.Zero));

        // No handler yet: the security officer is reminded. No SMTP server on port 1: nothing is kept.
        Assert.Equal(0, await Reminders(clock, port: 1).RunOnceAsync(org.Id, CancellationToken.None));
        Assert.Equal(0, await app.Seed.WithDbAsync(org.Id, db => db.IncidentReminders.CountAsync(r => r.IncidentId == id)));
        Assert.Equal(1, await Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
        Assert.Contains("Tidig varning", Assert.Single(_smtp.To(org.Accounts[Role.SecurityOfficer].Email)).Subject, StringComparison.Ordinal);
    }
}
