using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tillit.Domain.Access;
using Tillit.Domain.Measures;
using Tillit.Domain.Preparedness;
using Tillit.Integration.Tests.Audit;
using Tillit.Integration.Tests.Infrastructure;
using Tillit.Web.Features.Continuity;
using Tillit.Web.Infrastructure.Mail;

namespace Tillit.Integration.Tests.Continuity;

/// <summary>Exercises, their lessons as measures, the gap of a plan not exercised, and plan review reminders, on each database.</summary>
[Collection(AppCollection.Name)]
public sealed class ExerciseTests(TillitApp app) : IAsyncLifetime
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    private TestSmtpServer _smtp = default!;

    public Task InitializeAsync()
    {
        _smtp = TestSmtpServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    [Fact]
    public async Task A_held_exercise_records_its_lessons_and_each_lesson_becomes_a_measure_once()
    {
        var org = await app.Seed.CreateOrganisationAsync("exe" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer, Role.MunicipalDirector]);
        var officer = await app.SessionAsync(org, Role.SecurityOfficer);
        var leader = org.Accounts[Role.SecurityOfficer].PersonId;

        // Planned: a scenario and a day; without a title nothing is written.
        var refused = await officer.PostFormAsync("/exercises/new", ("Input.Kind", "Tabletop"), ("Input.Scenario", "Strömavbrott"), ("Input.PlannedOn", Today.AddDays(7).ToString("yyyy-MM-dd")));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(1, await app.Seed.WithDbAsync(org.Id, db => db.Exercises.CountAsync()));
        var created = await officer.PostFormAsync("/exercises/new",
            ("Input.Title", "Strömavbrott i stadshuset"), ("Input.Kind", "Tabletop"), ("Input.Scenario", "Strömmen går en måndag morgon och kommer tillbaka först på kvällen."),
            ("Input.PlannedOn", Today.AddDays(-1).ToString("yyyy-MM-dd")), ("Input.LeaderId", leader.ToString()), ("Input.Systems", org.SystemId.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(Browser.RedirectTarget(created)!.Split('/')[^1]);
        var url = $"/exercises/{id}";

        // A lesson needs a held exercise; a day still to come cannot be the day it was held.
        var early = await officer.PostFormAsync(url + "?handler=lesson", ("LessonText", "För tidigt"));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("Lärdomar kan bara läggas till en genomförd övning.", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var future = await officer.PostFormAsync(url + "?handler=held", ("Held.Version", "0"), ("Held.HeldOn", Today.AddDays(3).ToString("yyyy-MM-dd")), ("Held.Participants", "Krisledningen"), ("Held.Outcome", "Bra"));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Null(await app.Seed.WithDbAsync(org.Id, db => db.Exercises.Where(e => e.Id == id).Select(e => e.HeldOn).SingleAsync()));

        var held = await officer.PostFormAsync(url + "?handler=held", ("Held.Version", "0"), ("Held.HeldOn", Today.AddDays(-1).ToString("yyyy-MM-dd")),
            ("Held.Participants", "Krisledningsstaben, IT-chefen"), ("Held.Outcome", "Reservkraften startade men ingen visste var nycklarna till elcentralen fanns."));
        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(url + "?handler=lesson", ("LessonText", "Nycklarna till elcentralen ska finnas i krispärmen."))).StatusCode);
        var lessonId = await app.Seed.WithDbAsync(org.Id, db => db.ExerciseLessons.Where(l => l.ExerciseId == id).Select(l => l.Id).SingleAsync());

        // The lesson becomes a measure with the exercise as its origin, owned by the leader, for the chosen system.
        var due = Today.AddDays(60).ToString("yyyy-MM-dd");
        var made = await officer.PostFormAsync(url + "?handler=measure", ("LessonId", lessonId.ToString()), ("NewMeasure.DueDate", due), ("NewMeasure.SystemId", org.SystemId.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var measure = await app.Seed.WithDbAsync(org.Id, db => db.Measures.SingleAsync(m => m.Origin == MeasureOrigin.Exercise && m.OriginId == id));
        Assert.Equal("Nycklarna till elcentralen ska finnas i krispärmen.", measure.Title);
        Assert.Equal(leader, measure.OwnerId);
        Assert.Equal(org.SystemId, measure.SystemId);
        Assert.Equal(Today.AddDays(60), measure.DueDate);
        Assert.Equal(measure.Id, await app.Seed.WithDbAsync(org.Id, db => db.ExerciseLessons.Where(l => l.Id == lessonId).Select(l => l.MeasureId).SingleAsync()));
        var (_, page) = await officer.GetPageAsync(url);
        Assert.Contains($"/measures/{measure.Id}", page, StringComparison.Ordinal);

        // Asking again is refused in Swedish and makes no second measure.
        var again = await officer.PostFormAsync(url + "?handler=measure", ("LessonId", lessonId.ToString()), ("NewMeasure.DueDate", due));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("Lärdomen har redan blivit en åtgärd.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.Seed.WithDbAsync(org.Id, db => db.Measures.CountAsync(m => m.Origin == MeasureOrigin.Exercise)));

        // The director reads exercises but keeps none: a lesson from them is refused and nothing is added.
        var director = await app.SessionAsync(org, Role.MunicipalDirector);
        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync(url)).StatusCode);
        Assert.StartsWith("/account/access-denied", Browser.RedirectTarget(await director.PostFormAsync(url + "?handler=lesson", ("LessonText", "Inte min"))), StringComparison.Ordinal);
        Assert.Equal(1, await app.Seed.WithDbAsync(org.Id, db => db.ExerciseLessons.CountAsync(l => l.ExerciseId == id)));

        // Reading an exercise is in the audit trail.
        Assert.True(await app.Seed.WithDbAsync(org.Id, db => db.AuditEvents.AnyAsync(e => e.Action == Tillit.Data.Audit.AuditActions.Read && e.RecordType == "Exercise" && e.RecordId == id.ToString("D"))));
    }

    [Fact]
    public async Task A_plan_no_held_exercise_tried_within_the_interval_is_a_gap_until_one_does()
    {
        var org = await app.Seed.CreateOrganisationAsync("exg" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer, Role.SystemOwner]);
        var officer = await app.SessionAsync(org, Role.SecurityOfficer);

        // The seed's exercise of the system was held ten days ago, but it has no plan yet: no exercise gap.
        var (_, page) = await officer.GetPageAsync("/continuity?view=NotExercised");
        Assert.DoesNotContain($"/continuity/systems/{org.SystemId}\"", page, StringComparison.Ordinal);

        // A plan of another system that only an exercise 30 months ago tried is a gap under the default 24 months.
        var systemId = await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var system = new Tillit.Domain.Register.InformationSystem(org.Id, "Växeln", "Telefoni", org.UnitId, Tillit.Domain.Register.SystemForm.Automated) { ImportantToOperations = true };
            db.InformationSystems.Add(system);
            db.ContinuityPlans.Add(new ContinuityPlan(org.Id, system.Id, new RecoveryObjectives(24, 8, 4), "Mobiltelefoner"));
            var old = new Exercise(org.Id, "Gammal övning", ExerciseKind.Tabletop, "Växeln ligger nere.", Today.AddMonths(-30));
            old.Record(Today.AddMonths(-30), "Växelpersonalen", "Gick bra.", Today);
            db.Exercises.Add(old);
            db.ExerciseSystems.Add(new ExerciseSystem(org.Id, old.Id, system.Id));
            await db.SaveChangesAsync();
            return system.Id;
        });
        (_, page) = await officer.GetPageAsync("/continuity?view=NotExercised");
        Assert.Contains($"/continuity/systems/{systemId}\"", page, StringComparison.Ordinal);
        Assert.Contains(Today.AddMonths(-30).ToString("yyyy-MM-dd"), page, StringComparison.Ordinal);

        // A longer interval (60 months) set by the security officer lets the old exercise count; an invalid one is refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostFormAsync("/exercises?handler=interval", ("IntervalMonths", "0"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync("/exercises?handler=interval", ("IntervalMonths", "60"))).StatusCode);
        (_, page) = await officer.GetPageAsync("/continuity?view=NotExercised");
        Assert.DoesNotContain($"/continuity/systems/{systemId}\"", page, StringComparison.Ordinal);

        // Back to 12 months it is a gap again, until an exercise held last week covers it; a planned one does not count.
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync("/exercises?handler=interval", ("IntervalMonths", "12"))).StatusCode);
        var planned = await officer.PostFormAsync("/exercises/new",
            ("Input.Title", "Växeln faller bort"), ("Input.Kind", "Functional"), ("Input.Scenario", "Koppla om till mobilt nödnummer."),
            ("Input.PlannedOn", Today.AddDays(-7).ToString("yyyy-MM-dd")), ("Input.Systems", systemId.ToString()));
        var plannedId = Guid.Parse(Browser.RedirectTarget(planned)!.Split('/')[^1]);
        (_, page) = await officer.GetPageAsync("/continuity?view=NotExercised");
        Assert.Contains($"/continuity/systems/{systemId}\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"/exercises/{plannedId}?handler=held", ("Held.Version", "0"), ("Held.HeldOn", Today.AddDays(-7).ToString("yyyy-MM-dd")), ("Held.Participants", "Växeln"), ("Held.Outcome", "Omkopplingen tog tio minuter."))).StatusCode);
        (_, page) = await officer.GetPageAsync("/continuity?view=NotExercised");
        Assert.DoesNotContain($"/continuity/systems/{systemId}\"", page, StringComparison.Ordinal);

        // The interval change is in the audit trail.
        Assert.True(await app.Seed.WithDbAsync(org.Id, db => db.AuditEvents.AnyAsync(e => e.RecordType == "Organisation" && e.Data!.Contains("ExerciseIntervalMonths"))));
    }

    [Fact]
    public async Task A_system_owner_sees_the_exercises_of_their_systems_only()
    {
        var org = await app.Seed.CreateOrganisationAsync("exs" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer, Role.MunicipalDirector]);
        var otherSystem = await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var system = new Tillit.Domain.Register.InformationSystem(org.Id, "Eget system", "Test", org.UnitId, Tillit.Domain.Register.SystemForm.Automated);
            db.InformationSystems.Add(system);
            await db.SaveChangesAsync();
            return system.Id;
        });
        var owner = await app.AppointSystemOwnerAsync(org, otherSystem, secondFactor: true);
        var session = await app.SignInAsync(owner);

        // The seed's exercise tried another system's plan: not found for this owner, and not in their list.
        var hidden = await session.GetAsync($"/exercises/{org.ExerciseId}");
        Assert.True(hidden.StatusCode == HttpStatusCode.NotFound, Calls.Describe(hidden));
        var (_, list) = await session.GetPageAsync("/exercises");
        Assert.DoesNotContain($"/exercises/{org.ExerciseId}", list, StringComparison.Ordinal);

        // They plan one for their own system, and cannot add the other system to it.
        var mixed = await session.PostFormAsync("/exercises/new", ("Input.Title", "Blandad"), ("Input.Kind", "Tabletop"), ("Input.Scenario", "X"), ("Input.PlannedOn", Today.ToString("yyyy-MM-dd")), ("Input.Systems", otherSystem.ToString()), ("Input.Systems", org.SystemId.ToString()));
        Assert.StartsWith("/account/access-denied", Browser.RedirectTarget(mixed), StringComparison.Ordinal);
        var own = await session.PostFormAsync("/exercises/new", ("Input.Title", "Egen"), ("Input.Kind", "Tabletop"), ("Input.Scenario", "X"), ("Input.PlannedOn", Today.ToString("yyyy-MM-dd")), ("Input.Systems", otherSystem.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.Equal(2, await app.Seed.WithDbAsync(org.Id, db => db.Exercises.CountAsync()));
    }

    [Fact]
    public async Task The_responsible_person_is_reminded_once_before_a_plan_review()
    {
        var org = await app.Seed.CreateOrganisationAsync("exr" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer]);
        var responsible = org.Accounts[Role.SecurityOfficer].PersonId;
        var review = Today.AddDays(20);
        await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var plan = new ContinuityPlan(org.Id, org.SystemId, new RecoveryObjectives(24, 8, 4), "Papper");
            plan.Plan(responsible, review);
            db.ContinuityPlans.Add(plan);
            return await db.SaveChangesAsync();
        });
        var email = await app.Seed.WithDbAsync(org.Id, db => db.People.Where(p => p.Id == responsible).Select(p => p.Email).SingleAsync());

        // Two months before: nothing. Within the 30 days: one mail even from two instances at once, none the next run.
        Assert.Equal(0, await Reminders(At(review.AddDays(-60))).RunOnceAsync(org.Id, CancellationToken.None));
        var clock = At(review.AddDays(-10));
        var runs = await Task.WhenAll(Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None), Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
        Assert.Equal(1, runs.Sum());
        Assert.Equal(0, await Reminders(clock).RunOnceAsync(org.Id, CancellationToken.None));
        var message = Assert.Single(_smtp.To(email));
        Assert.StartsWith("Kontinuitetsplanen för", message.Subject, StringComparison.Ordinal);
        Assert.Contains($"https://tillit.test/continuity/systems/{org.SystemId}", message.TextBody, StringComparison.Ordinal);

        // A new review date allows the next reminder.
        await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var plan = await db.ContinuityPlans.SingleAsync(p => p.SystemId == org.SystemId);
            plan.Plan(responsible, review.AddYears(1));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(1, await Reminders(At(review.AddYears(1).AddDays(-5))).RunOnceAsync(org.Id, CancellationToken.None));
        Assert.Equal(2, _smtp.To(email).Count);
    }

    [Fact]
    public async Task A_role_of_the_crisis_organisation_is_changed_and_removed_and_a_stale_form_changes_nothing()
    {
        var org = await app.Seed.CreateOrganisationAsync("exc" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer, Role.ItManager]);
        var officer = await app.SessionAsync(org, Role.SecurityOfficer);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync("/continuity/crisis-organisation", ("Input.Title", "IT-samordnare"), ("Input.Holder", "Per Pil 070-222 22 22"))).StatusCode);
        var id = await app.Seed.WithDbAsync(org.Id, db => db.CrisisRoles.Select(r => r.Id).SingleAsync());

        // The form is filled from the role; saving changes it in place.
        var (_, page) = await officer.GetPageAsync($"/continuity/crisis-organisation?edit={id}");
        Assert.Contains("Per Pil 070-222 22 22", Browser.InputValue(page, "Input.Holder"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync("/continuity/crisis-organisation", ("Input.Id", id.ToString()), ("Input.Version", "0"), ("Input.Title", "IT-samordnare"), ("Input.Holder", "Lena Lind 070-333 33 33"))).StatusCode);
        Assert.Equal("Lena Lind 070-333 33 33", await app.Seed.WithDbAsync(org.Id, db => db.CrisisRoles.Where(r => r.Id == id).Select(r => r.Holder).SingleAsync()));

        // A form read before that change is refused and changes nothing; the IT manager reads but may not remove.
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostFormAsync("/continuity/crisis-organisation", ("Input.Id", id.ToString()), ("Input.Version", "0"), ("Input.Title", "IT-samordnare"), ("Input.Holder", "Gammal"))).StatusCode);
        var itManager = await app.SessionAsync(org, Role.ItManager);
        Assert.StartsWith("/account/access-denied", Browser.RedirectTarget(await itManager.PostFormAsync("/continuity/crisis-organisation?handler=remove", ("RemoveId", id.ToString()), ("RemoveVersion", "1"))), StringComparison.Ordinal);
        Assert.Equal("Lena Lind 070-333 33 33", await app.Seed.WithDbAsync(org.Id, db => db.CrisisRoles.Where(r => r.Id == id).Select(r => r.Holder).SingleAsync()));

        // Removed by the officer, with the removal in the audit trail.
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync("/continuity/crisis-organisation?handler=remove", ("RemoveId", id.ToString()), ("RemoveVersion", "1"))).StatusCode);
        Assert.Equal(0, await app.Seed.WithDbAsync(org.Id, db => db.CrisisRoles.CountAsync()));
        Assert.True(await app.Seed.WithDbAsync(org.Id, db => db.AuditEvents.AnyAsync(e => e.Action == Tillit.Data.Audit.AuditActions.Delete && e.RecordType == "CrisisRole" && e.RecordId == id.ToString("D"))));
    }

    private static TestClock At(DateOnly day)
    {
        var clock = new TestClock();
        clock.Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));
        return clock;
    }

    private ContinuityReminders Reminders(TimeProvider clock) => new(
        app.Factory.Services.GetRequiredService<IServiceScopeFactory>(),
        _smtp.Sender(),
        clock,
        Options.Create(new ReminderOptions { ReviewLeadDays = 30, PublicUrl = "https://tillit.test" }),
        NullLogger<ContinuityReminders>.Instance);
}
