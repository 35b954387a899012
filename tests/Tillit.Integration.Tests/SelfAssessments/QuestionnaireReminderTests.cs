using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tillit.Domain.Access;
using Tillit.Integration.Tests.Audit;
using Tillit.Integration.Tests.Infrastructure;
using Tillit.Web.Features.SelfAssessments;
using Tillit.Web.Infrastructure.Mail;

namespace Tillit.Integration.Tests.SelfAssessments;

/// <summary>Before a self-assessment's deadline, a recipient who has not submitted gets one reminder by real SMTP, on both databases.</summary>
[Collection(AppCollection.Name)]
public sealed class QuestionnaireReminderTests(TillitApp app) : IAsyncLifetime
{
    private TestSmtpServer _smtp = default!;

    public Task InitializeAsync()
    {
        _smtp = TestSmtpServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    private QuestionnaireReminders Reminders(TimeProvider clock) => new(
        app.Factory.Services.GetRequiredService<IServiceScopeFactory>(),
        _smtp.Sender(),
        clock,
        Options.Create(new ReminderOptions { QuestionnaireLeadDays = 7, PublicUrl = "https://tillit.test" }),
        NullLogger<QuestionnaireReminders>.Instance);

    private static TestClock At(DateOnly day)
    {
        var clock = new TestClock();
        clock.Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));
        return clock;
    }

    [Fact]
    public async Task A_recipient_who_has_not_submitted_is_reminded_once_before_the_deadline()
    {
        // The seed's questionnaire goes to the department, answered by its manager, due in 30 days.
        var org = await app.Seed.CreateOrganisationAsync("qrem" + Guid.NewGuid().ToString("N")[..8], [Role.SecurityOfficer]);
        var due = await app.Seed.WithDbAsync(org.Id, db => db.Questionnaires.Where(q => q.Id == org.QuestionnaireId).Select(q => q.DueDate).SingleAsync());
        var email = await app.Seed.WithDbAsync(org.Id, db => db.People.Where(p => db.QuestionnaireResponses.Any(r => r.Id == org.QuestionnaireResponseId && r.RespondentId == p.Id)).Select(p => p.Email).SingleAsync());

        // Three weeks before: not yet.
        Assert.Equal(0, await Reminders(At(due.AddDays(-21))).RunOnceAsync(org.Id, CancellationToken.None));
        Assert.Empty(_smtp.To(email));

        // Within the lead: one mail even with two instances at once, none on the next run or the next day.
        var clock = At(due.AddDays(-5));
        var runs = await Task.WhenAll(Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None), Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
        Assert.Equal(1, runs.Sum());
        Assert.Equal(0, await Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
        Assert.Equal(0, await Reminders(At(due.AddDays(-4))).RunOnceAsync(org.Id, CancellationToken.None));
        var message = Assert.Single(_smtp.To(email));
        Assert.StartsWith("Påminnelse: besvara självskattningen", message.Subject, StringComparison.Ordinal);
        Assert.Contains($"https://tillit.test/self-assessments/responses/{org.QuestionnaireResponseId}", message.TextBody, StringComparison.Ordinal);
        Assert.Equal(due.AddDays(-5), await app.Seed.WithDbAsync(org.Id, db => db.QuestionnaireResponses.Where(r => r.Id == org.QuestionnaireResponseId).Select(r => r.ReminderSentOn).SingleAsync()));
    }
}
