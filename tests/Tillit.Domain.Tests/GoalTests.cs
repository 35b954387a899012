using Tillit.Domain.Common;
using Tillit.Domain.Goals;

namespace Tillit.Domain.Tests;

public sealed class GoalTests
{
    private static readonly Guid Org = Guid.NewGuid();
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly DateOnly Today = new(2027, 2, 10);

    private static YearlyGoal Goal(string? indicator = "staff-confirmed", decimal? value = 95) =>
        new(Org, Guid.NewGuid(), 2026, "Alla bekräftar policyn", "95 % har bekräftat", Owner, indicator, value);

    [Fact]
    public void The_policy_gives_ten_long_term_goals_numbered_in_order_in_Swedish_and_English()
    {
        var goals = StartingGoals.For(Org).ToList();
        Assert.Equal(Enumerable.Range(1, 10), goals.Select(g => g.Number));
        Assert.All(goals, g => Assert.NotEqual(g.Title, g.TitleEn));
        Assert.All(goals, g => Assert.False(string.IsNullOrWhiteSpace(g.DescriptionEn)));
    }

    [Fact]
    public void Copying_a_goal_starts_next_year_planned_with_the_same_owner_target_and_indicator()
    {
        var goal = Goal();
        goal.FollowUpWith(YearlyGoalStatus.NotMet, "Kampanjen startade för sent");
        var next = goal.CopyToNextYear();
        Assert.Equal(2027, next.Year);
        Assert.Equal(goal.LongTermGoalId, next.LongTermGoalId);
        Assert.Equal((goal.Title, goal.Target, goal.OwnerId, goal.IndicatorKey, goal.TargetValue), (next.Title, next.Target, next.OwnerId, next.IndicatorKey, next.TargetValue));
        Assert.Equal(YearlyGoalStatus.Planned, next.Status);
        Assert.Null(next.FollowUp);
        Assert.NotEqual(goal.Id, next.Id);
    }

    [Theory]
    [InlineData(YearlyGoalStatus.AtRisk)]
    [InlineData(YearlyGoalStatus.NotMet)]
    public void A_goal_at_risk_or_not_met_needs_a_comment(YearlyGoalStatus status)
    {
        var goal = Goal();
        var refused = Assert.Throws<DomainRuleException>(() => goal.FollowUpWith(status, " "));
        Assert.Equal("Goal.CommentRequired", refused.MessageKey);
        Assert.Equal(YearlyGoalStatus.Planned, goal.Status);
        goal.FollowUpWith(YearlyGoalStatus.Met, null);
        Assert.Equal(YearlyGoalStatus.Met, goal.Status);
    }

    [Fact]
    public void A_target_value_needs_an_indicator_and_the_year_must_be_sensible()
    {
        Assert.Equal("Goal.TargetValueNeedsIndicator", Assert.Throws<DomainRuleException>(() => Goal(null, 50)).MessageKey);
        Assert.Equal("Goal.YearRange", Assert.Throws<DomainRuleException>(() => new YearlyGoal(Org, Guid.NewGuid(), 1999, "x", "y", Owner, null, null)).MessageKey);
        Assert.Equal("Validation.Required", Assert.Throws<DomainRuleException>(() => new YearlyGoal(Org, Guid.NewGuid(), 2026, "x", " ", Owner, null, null)).MessageKey);
    }

    [Fact]
    public void Once_the_board_has_taken_note_the_report_is_a_record_that_does_not_change()
    {
        var report = new YearlyReport(Org, 2026);
        var first = report.Generate("Fler övningar", "[]", "{}", Owner, new DateTime(2027, 2, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal("YearlyReport.NotedInFuture", Assert.Throws<DomainRuleException>(() => report.TakeNote(first, "Kommunstyrelsen", Today.AddDays(1), "KS § 12", Owner, Today)).MessageKey);
        var second = report.Generate("Fler övningar och en ny riktlinje", "[{}]", "{}", Owner, new DateTime(2027, 2, 5, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal((1, 2, 2), (first.Number, second.Number, report.LatestNumber));
        Assert.Equal("Fler övningar och en ny riktlinje", report.Proposals);

        // The board took note of the first version: it is the one in force, and nothing is generated after it.
        report.TakeNote(first, "Kommunstyrelsen", Today, "KS § 12", Owner, Today);
        Assert.True(report.IsNoted);
        Assert.Equal(1, report.NotedVersion);
        Assert.Equal("YearlyReport.Noted", Assert.Throws<DomainRuleException>(() => report.Generate("x", "[]", "{}", Owner, DateTime.UnixEpoch)).MessageKey);
        Assert.Equal("YearlyReport.Noted", Assert.Throws<DomainRuleException>(() => report.TakeNote(second, "Kommunstyrelsen", Today, "KS § 13", Owner, Today)).MessageKey);
        Assert.Equal(("Fler övningar", "[]"), (report.Proposals, report.Snapshot));
        Assert.Equal("KS § 12", report.NotedReference);
    }

    [Fact]
    public void A_report_job_is_claimed_once_advances_in_order_and_may_be_taken_over_only_when_its_claim_has_lapsed()
    {
        var start = new DateTime(2027, 2, 1, 8, 0, 0, DateTimeKind.Utc);
        var job = new YearlyReportJob(Org, 2026, " Fler övningar ", Owner, start);
        Assert.Equal((ReportJobStatus.Queued, "Fler övningar"), (job.Status, job.Proposals));
        job.Claim("one", start);
        Assert.False(job.IsClaimable(start.AddMinutes(4)));
        Assert.Equal("YearlyReport.JobClaimed", Assert.Throws<DomainRuleException>(() => job.Claim("two", start.AddMinutes(4))).MessageKey);
        job.Advance(ReportJobStep.Goals, start.AddMinutes(1));
        Assert.Throws<DomainRuleException>(() => job.Advance(ReportJobStep.Indicators, start.AddMinutes(1)));

        // Each step renews the claim; only a claim older than its lifetime lets another instance take the job.
        Assert.False(job.IsClaimable(start.AddMinutes(5)));
        Assert.True(job.IsClaimable(start.AddMinutes(7)));
        job.Complete(3, start.AddMinutes(2));
        Assert.Equal((ReportJobStatus.Done, ReportJobStep.Done, 3), (job.Status, job.Step, job.VersionNumber));
        Assert.False(job.IsClaimable(start.AddHours(1)));
        Assert.Throws<DomainRuleException>(() => job.Fail("YearlyReport.JobFailed", start.AddMinutes(3)));
    }
}
