using Tillit.Domain.Common;
using Tillit.Domain.Incidents;
using Tillit.Domain.Register;

namespace Tillit.Domain.Tests;

public class IncidentTests
{
    private static readonly Guid Org = Guid.NewGuid();
    private static readonly Guid Officer = Guid.NewGuid();
    private static readonly DateTime Reported = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    /// <summary>A clock the test moves; the domain takes its times from it, as the handlers do.</summary>
    private sealed class Clock(DateTime start) : TimeProvider
    {
        public DateTime Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => new(Now, TimeSpan.Zero);
    }

    private static Incident New(Clock? clock = null) =>
        new(Org, 2026, 42, Guid.NewGuid(), null, "Ett USB-minne med elevlistor saknas", Reported.AddHours(-2), true, (clock?.Now ?? Reported));

    private static Incident Triaged()
    {
        var incident = New();
        incident.Triage(IncidentCategory.LossOrTheft, ConsequenceLevel.Significant, AffectedAspects.Confidentiality, "Förlorat USB-minne", Reported, Officer);
        return incident;
    }

    [Fact]
    public void The_reference_is_the_year_and_a_four_digit_number() =>
        Assert.Equal("H-2026-0042", New().Reference);

    [Fact]
    public void A_new_report_is_reported_with_one_timeline_entry_and_awareness_at_the_report()
    {
        var incident = New();
        Assert.Equal(IncidentStatus.Reported, incident.Status);
        Assert.Equal(Reported, incident.AwareUtc);
        Assert.Equal(EntryKind.Reported, Assert.Single(incident.Entries).Kind);
    }

    [Fact]
    public void A_report_of_an_event_in_the_future_is_refused()
    {
        var e = Assert.Throws<DomainRuleException>(() => new Incident(Org, 2026, 1, Guid.NewGuid(), null, "x", Reported.AddDays(1), false, Reported));
        Assert.Equal("Incident.OccurredInFuture", e.MessageKey);
    }

    [Fact]
    public void Investigation_needs_the_triage_first()
    {
        var e = Assert.Throws<DomainRuleException>(() => New().StartInvestigation(Reported, Officer));
        Assert.Equal("Incident.TriageFirst", e.MessageKey);
    }

    [Fact]
    public void The_whole_way_to_closed_moves_through_each_status_and_records_each_move()
    {
        var incident = Triaged();
        incident.StartInvestigation(Reported.AddHours(1), Officer);
        incident.StartMeasures(Reported.AddHours(2), Officer);
        incident.RecordConclusion("Kryptera USB-minnen", MeasuresDecision.Decided, "Inför krypterade minnen", Reported.AddHours(3), Officer);
        incident.Close(Reported.AddHours(4), Officer);
        Assert.Equal(IncidentStatus.Closed, incident.Status);
        Assert.Equal(Reported.AddHours(4), incident.EndedUtc);
        Assert.Equal(
            [IncidentStatus.UnderInvestigation, IncidentStatus.Measures, IncidentStatus.Closed],
            incident.Entries.Where(e => e.Kind == EntryKind.StatusChanged).Select(e => e.ToStatus!.Value));
    }

    [Fact]
    public void Illegal_moves_are_refused_and_change_nothing()
    {
        var incident = Triaged();
        Assert.Equal("Incident.IllegalMove", Assert.Throws<DomainRuleException>(() => incident.StartMeasures(Reported, Officer)).MessageKey);
        Assert.Equal("Incident.IllegalMove", Assert.Throws<DomainRuleException>(() => incident.Close(Reported, Officer)).MessageKey);
        Assert.Equal(IncidentStatus.Reported, incident.Status);

        incident.StartInvestigation(Reported, Officer);
        Assert.Equal("Incident.IllegalMove", Assert.Throws<DomainRuleException>(() => incident.StartInvestigation(Reported, Officer)).MessageKey);
        incident.StartMeasures(Reported, Officer);
        Assert.Equal("Incident.IllegalMove", Assert.Throws<DomainRuleException>(() => incident.Dismiss("dubblett", Reported, Officer)).MessageKey);
        Assert.Equal(IncidentStatus.Measures, incident.Status);
    }

    [Fact]
    public void Closing_requires_lessons_learned_and_a_decision_on_measures()
    {
        var incident = Triaged();
        incident.StartInvestigation(Reported, Officer);
        incident.StartMeasures(Reported, Officer);
        Assert.Equal("Incident.LessonsRequired", Assert.Throws<DomainRuleException>(() => incident.Close(Reported, Officer)).MessageKey);
        incident.RecordConclusion("Lärdom", null, null, Reported, Officer);
        Assert.Equal("Incident.DecisionRequired", Assert.Throws<DomainRuleException>(() => incident.Close(Reported, Officer)).MessageKey);
        Assert.Equal("Incident.MeasuresTextRequired", Assert.Throws<DomainRuleException>(() => incident.RecordConclusion("Lärdom", MeasuresDecision.Decided, " ", Reported, Officer)).MessageKey);
        incident.RecordConclusion("Lärdom", MeasuresDecision.NoneNeeded, null, Reported, Officer);
        incident.Close(Reported, Officer);
        Assert.Equal(IncidentStatus.Closed, incident.Status);
    }

    [Fact]
    public void An_investigation_that_needs_no_measures_closes_directly_but_one_with_measures_does_not()
    {
        var incident = Triaged();
        incident.StartInvestigation(Reported, Officer);
        incident.RecordConclusion("Lärdom", MeasuresDecision.Decided, "Åtgärd", Reported, Officer);
        Assert.Equal("Incident.IllegalMove", Assert.Throws<DomainRuleException>(() => incident.Close(Reported, Officer)).MessageKey);
        incident.RecordConclusion("Lärdom", MeasuresDecision.NoneNeeded, null, Reported, Officer);
        incident.Close(Reported, Officer);
        Assert.Equal(IncidentStatus.Closed, incident.Status);
    }

    [Fact]
    public void Dismissing_needs_a_reason_and_ends_the_incident()
    {
        var incident = New();
        Assert.Equal("Incident.ReasonRequired", Assert.Throws<DomainRuleException>(() => incident.Dismiss("  ", Reported, Officer)).MessageKey);
        incident.Dismiss("Ingen säkerhetshändelse", Reported, Officer);
        Assert.Equal(IncidentStatus.Dismissed, incident.Status);
        Assert.Equal("Incident.Ended", Assert.Throws<DomainRuleException>(() => incident.Triage(IncidentCategory.Other, ConsequenceLevel.Negligible, AffectedAspects.None, null, Reported, Officer)).MessageKey);
    }

    [Fact]
    public void No_clock_runs_until_the_incident_is_marked()
    {
        Assert.Empty(New().Clocks());
        Assert.Equal("Incident.ClockNotRunning", Assert.Throws<DomainRuleException>(() => New().RecordSent(DeadlineKind.Imy, Reported, Reported, Officer)).MessageKey);
    }

    [Fact]
    public void A_personal_data_breach_gives_IMY_72_hours_from_awareness()
    {
        var clock = new Clock(Reported);
        var incident = New(clock);
        var aware = Reported.AddHours(-5);
        incident.SetAwareness(aware, clock.Now, Officer);
        incident.MarkPersonalDataBreach(true, new BreachDetails("Namn, personnummer", "Elever", 120, "Risk för identitetsstöld", "Spärrat konton", false), clock.Now, Officer);

        var imy = Assert.Single(incident.Clocks());
        Assert.Equal(DeadlineKind.Imy, imy.Kind);
        Assert.Equal(aware.AddHours(72), imy.DueUtc);
        clock.Now = aware.AddHours(70);
        Assert.Equal(TimeSpan.FromHours(2), imy.Left(clock.GetUtcNow().UtcDateTime));
        Assert.Null(imy.Met(clock.GetUtcNow().UtcDateTime));
        clock.Now = aware.AddHours(73);
        Assert.False(imy.Met(clock.GetUtcNow().UtcDateTime));
        Assert.Equal(120, incident.BreachAffectedCount);
    }

    [Fact]
    public void A_significant_incident_runs_24_hour_72_hour_and_one_month_clocks()
    {
        var clock = new Clock(Reported);
        var incident = New(clock);
        incident.MarkSignificant(true, clock.Now, Officer);
        var clocks = incident.Clocks().ToDictionary(c => c.Kind);
        Assert.Equal(Reported.AddHours(24), clocks[DeadlineKind.EarlyWarning].DueUtc);
        Assert.Equal(Reported.AddHours(72), clocks[DeadlineKind.Notification].DueUtc);
        Assert.Equal(Reported.AddHours(72).AddMonths(1), clocks[DeadlineKind.FinalReport].DueUtc);

        // The final report's month counts from the notification once it is sent.
        clock.Now = Reported.AddHours(30);
        incident.RecordSent(DeadlineKind.EarlyWarning, Reported.AddHours(20), clock.Now, Officer);
        incident.RecordSent(DeadlineKind.Notification, Reported.AddHours(30), clock.Now, Officer);
        clocks = incident.Clocks().ToDictionary(c => c.Kind);
        Assert.True(clocks[DeadlineKind.EarlyWarning].Met(clock.Now));
        Assert.Equal(Officer, clocks[DeadlineKind.EarlyWarning].SentById);
        Assert.Equal(Reported.AddHours(30).AddMonths(1), clocks[DeadlineKind.FinalReport].DueUtc);
    }

    [Fact]
    public void A_report_is_recorded_once_and_the_final_report_only_after_the_notification()
    {
        var incident = New();
        incident.MarkSignificant(true, Reported, Officer);
        Assert.Equal("Incident.NotificationFirst", Assert.Throws<DomainRuleException>(() => incident.RecordSent(DeadlineKind.FinalReport, Reported, Reported, Officer)).MessageKey);
        incident.RecordSent(DeadlineKind.EarlyWarning, Reported, Reported, Officer);
        Assert.Equal("Incident.AlreadyReported", Assert.Throws<DomainRuleException>(() => incident.RecordSent(DeadlineKind.EarlyWarning, Reported, Reported, Officer)).MessageKey);
        Assert.Equal("Incident.AlreadyReported", Assert.Throws<DomainRuleException>(() => incident.MarkSignificant(false, Reported, Officer)).MessageKey);
    }

    [Fact]
    public void Reminders_fall_at_half_and_nine_tenths_of_the_window_and_stop_when_sent()
    {
        var incident = New();
        incident.MarkSignificant(true, Reported, Officer);
        var warning = incident.Clocks().Single(c => c.Kind == DeadlineKind.EarlyWarning);
        Assert.Null(warning.ReminderDue(Reported.AddHours(11)));
        Assert.Equal(50, warning.ReminderDue(Reported.AddHours(12)));
        Assert.Equal(90, warning.ReminderDue(Reported.AddHours(21.6)));
        incident.RecordSent(DeadlineKind.EarlyWarning, Reported.AddHours(22), Reported.AddHours(22), Officer);
        Assert.Null(incident.Clocks().Single(c => c.Kind == DeadlineKind.EarlyWarning).ReminderDue(Reported.AddHours(23)));
    }
}
