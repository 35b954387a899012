using Microsoft.Extensions.Localization;
using Tillit.Web.Features;
using Tillit.Web.Features.Goals;
using Tillit.Web.Features.Indicators;
using Tillit.Web.Features.Reports;
using Tillit.Web.Security;

namespace Tillit.Web.Api;

/// <summary>/api/v1/goals, /indicators and /reports: the same handlers and checks as the pages (issue 8).</summary>
internal static class GoalsApi
{
    public static void MapGoalsApi(this RouteGroupBuilder api)
    {
        var goals = api.MapGroup("/goals");
        goals.MapGet("/", ListGoalsAsync).RequirePermission(Permissions.GoalsRead).WithName("ListGoals")
            .Produces<GoalsOverview>()
            .WithSummary("Long-term goals with one year's goals")
            .WithDescription("The organisation's long-term goals, each with the yearly goals of the given year (default: this year): owner, target, indicator and target value, status and follow-up.");
        goals.MapPost("/", CreateGoalAsync).RequirePermission(Permissions.GoalsManage).WithName("CreateYearlyGoal")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Add a yearly goal")
            .WithDescription("longTermGoalId, year, title, target, ownerId (an active person); optionally indicatorKey (see /api/v1/indicators) and targetValue (only with an indicator).");
        goals.MapPut("/{id:guid}", UpdateGoalAsync).RequirePermission(Permissions.GoalsManage).WithName("UpdateYearlyGoal")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Change a yearly goal")
            .WithDescription("title, target, ownerId, indicatorKey, targetValue and the version read; the year and long-term goal stay.");
        goals.MapPost("/{id:guid}/follow-up", FollowUpAsync).RequirePermission(Permissions.GoalsManage).WithName("FollowUpYearlyGoal")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Record a yearly goal's follow-up")
            .WithDescription("status (Planned, OnTrack, AtRisk, Met, NotMet), followUp (required for AtRisk and NotMet) and the version read.");
        goals.MapPost("/copy", CopyAsync).RequirePermission(Permissions.GoalsManage).WithName("CopyYearlyGoals")
            .Produces<CopyResult>().ProducesValidationProblem()
            .WithSummary("Start next year from a year's goals")
            .WithDescription("fromYear: its goals are copied into the next year as planned. Refused when the next year already has goals.");

        api.MapGet("/indicators", IndicatorsAsync).RequirePermission(Permissions.IndicatorsRead).WithName("GetIndicators")
            .Produces<IndicatorYear>()
            .WithSummary("The indicators of a year")
            .WithDescription("Each indicator's value, target (from the year's goals, else the default), last year's value and trend; for shares the numerator and denominator; months or aspects as parts. Figures only, no incident or risk detail.");

        var reports = api.MapGroup("/reports");
        reports.MapGet("/", ListReportsAsync).RequirePermission(Permissions.ReportsRead).WithName("ListYearlyReports")
            .Produces<IReadOnlyList<YearlyReportRow>>()
            .WithSummary("Yearly reports to the board")
            .WithDescription("Generated reports, newest year first, with the board's record when it took note.");
        reports.MapPost("/", GenerateAsync).RequirePermission(Permissions.ReportsManage).WithName("GenerateYearlyReport")
            .Produces(StatusCodes.Status202Accepted).ProducesValidationProblem()
            .WithSummary("Generate a year's report")
            .WithDescription("year and proposals (the security officer's text). Records a generation job, run in the background (202 Accepted, Location: the job). Each generation keeps today's values as a new version; refused once the board has taken note and while a job of the year waits or runs.");
        reports.MapGet("/jobs/{id:guid}", GetJobAsync).RequirePermission(Permissions.ReportsManage).WithName("GetYearlyReportJob")
            .Produces<YearlyReportJobRow>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A generation job")
            .WithDescription("status (Queued, Running, Done, Failed), the step reached, the failure's reason and, once done, the version it made.");
        reports.MapGet("/{year:int}", GetReportAsync).RequirePermission(Permissions.ReportsRead).WithName("GetYearlyReport")
            .Produces<YearlyReportContent>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A year's report")
            .WithDescription("Goals, indicators and follow-up figures of the year as a version keeps them: ?version=N, else the version the board took note of, else the latest; versions lists them all. report is null while it is not generated (today's figures are shown).");
        reports.MapPost("/{year:int}/note", NoteAsync).RequirePermission(Permissions.ReportsManage).WithName("NoteYearlyReport")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Record that the board took note")
            .WithDescription("body, on (not in the future), reference and version (the number of the version the board read). Once noted the report does not change.");
    }

    public sealed record CopyResult(int Copied);

    private static async Task<IResult> ListGoalsAsync(GoalQueries queries, int? year, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.OverviewAsync(year, cancellationToken));

    private static async Task<IResult> CreateGoalAsync(GoalWork.Command body, GoalWork work, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await work.CreateAsync(body, cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/v1/goals/{outcome.Value}", new { id = outcome.Value }) : outcome.ToProblem(l);
    }

    private static async Task<IResult> UpdateGoalAsync(Guid id, GoalWork.Command body, GoalWork work, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken) =>
        Done(await work.UpdateAsync(id, body, cancellationToken), l);

    private static async Task<IResult> FollowUpAsync(Guid id, GoalWork.FollowUpCommand body, GoalWork work, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken) =>
        Done(await work.FollowUpAsync(id, body, cancellationToken), l);

    private static async Task<IResult> CopyAsync(GoalWork.CopyCommand body, GoalWork work, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await work.CopyYearAsync(body, cancellationToken);
        return outcome.IsOk ? TypedResults.Ok(new CopyResult(outcome.Value)) : outcome.ToProblem(l);
    }

    private static async Task<IResult> IndicatorsAsync(IndicatorQueries queries, int? year, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.CachedYearAsync(year is >= 2000 and <= 2100 ? year.Value : queries.Today.Year, cancellationToken));

    private static async Task<IResult> ListReportsAsync(YearlyReportQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.ListAsync(cancellationToken));

    private static async Task<IResult> GenerateAsync(YearlyReportWork.GenerateCommand body, YearlyReportWork work, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await work.CreateAsync(body, cancellationToken);
        return outcome.IsOk ? TypedResults.Accepted($"/api/v1/reports/jobs/{outcome.Value}", new { id = outcome.Value }) : outcome.ToProblem(l);
    }

    private static async Task<IResult> GetJobAsync(Guid id, YearlyReportQueries queries, CancellationToken cancellationToken) =>
        await queries.JobAsync(id, cancellationToken) is { } job ? TypedResults.Ok(job) : TypedResults.NotFound();

    private static async Task<IResult> GetReportAsync(int year, int? version, YearlyReportQueries queries, CancellationToken cancellationToken) =>
        year is < 2000 or > 2100 ? TypedResults.NotFound()
        : await queries.ContentAsync(year, cancellationToken, version) is { } content ? TypedResults.Ok(content) : TypedResults.NotFound();

    private static async Task<IResult> NoteAsync(int year, YearlyReportWork.NoteCommand body, YearlyReportWork work, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken) =>
        Done(await work.NoteAsync(year, body, cancellationToken), l);

    private static IResult Done(Outcome<Guid> outcome, IStringLocalizer<SharedResource> l) =>
        outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem(l);
}
