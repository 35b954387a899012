using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Goals;

namespace Tillit.Web.Features.Goals;

/// <param name="Number">The long-term goal's place in the list.</param>
/// <param name="Title">The title in the reader's language.</param>
public sealed record LongTermGoalRow(Guid Id, int Number, string Title, string Description, IReadOnlyList<YearlyGoalRow> Yearly);

public sealed record YearlyGoalRow(Guid Id, Guid LongTermGoalId, int Year, string Title, string Target, Guid OwnerId, string OwnerName, string? IndicatorKey, decimal? TargetValue, YearlyGoalStatus Status, string? FollowUp, int Version);

/// <param name="Years">Years that have yearly goals, newest first.</param>
public sealed record GoalsOverview(int Year, IReadOnlyList<int> Years, IReadOnlyList<LongTermGoalRow> Goals);

/// <summary>The long-term goals with one year's goals under them: two queries, whatever the number of goals.</summary>
public sealed class GoalQueries(TillitDbContext db, TimeProvider clock)
{
    public int CurrentYear => clock.GetUtcNow().Year;

    public async Task<GoalsOverview> OverviewAsync(int? year, CancellationToken cancellationToken)
    {
        var chosen = year is >= YearlyGoal.MinYear and <= YearlyGoal.MaxYear ? year.Value : CurrentYear;
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var longTerm = await db.LongTermGoals.AsNoTracking().OrderBy(g => g.Number)
            .Select(g => new { g.Id, g.Number, Title = english ? g.TitleEn : g.Title, Description = english ? g.DescriptionEn : g.Description })
            .ToListAsync(cancellationToken);
        var yearly = await YearlyAsync(chosen, cancellationToken);
        var years = await db.YearlyGoals.AsNoTracking().Select(g => g.Year).Distinct().OrderByDescending(y => y).Take(50).ToListAsync(cancellationToken);
        var byGoal = yearly.ToLookup(g => g.LongTermGoalId);
        return new GoalsOverview(chosen, years, longTerm.Select(g => new LongTermGoalRow(g.Id, g.Number, g.Title, g.Description, byGoal[g.Id].ToList())).ToList());
    }

    /// <summary>One year's goals, in the order of their long-term goal.</summary>
    public async Task<IReadOnlyList<YearlyGoalRow>> YearlyAsync(int year, CancellationToken cancellationToken) =>
        await (from g in db.YearlyGoals.AsNoTracking()
               join p in db.People on g.OwnerId equals p.Id
               join l in db.LongTermGoals on g.LongTermGoalId equals l.Id
               where g.Year == year
               orderby l.Number, g.Title
               select new YearlyGoalRow(g.Id, g.LongTermGoalId, g.Year, g.Title, g.Target, g.OwnerId, p.Name, g.IndicatorKey, g.TargetValue, g.Status, g.FollowUp, g.Version))
            .Take(1000).ToListAsync(cancellationToken);

    public async Task<YearlyGoalRow?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await (from g in db.YearlyGoals.AsNoTracking()
               join p in db.People on g.OwnerId equals p.Id
               where g.Id == id
               select new YearlyGoalRow(g.Id, g.LongTermGoalId, g.Year, g.Title, g.Target, g.OwnerId, p.Name, g.IndicatorKey, g.TargetValue, g.Status, g.FollowUp, g.Version))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The long-term goals as choices (number and title).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Title)>> LongTermChoicesAsync(CancellationToken cancellationToken)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var rows = await db.LongTermGoals.AsNoTracking().OrderBy(g => g.Number).Select(g => new { g.Id, g.Number, Title = english ? g.TitleEn : g.Title }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, $"{r.Number}. {r.Title}")).ToList();
    }

    /// <summary>The targets the yearly goals of a year set for indicators (the last one written wins when two name the same).</summary>
    public async Task<IReadOnlyDictionary<string, decimal>> IndicatorTargetsAsync(int year, CancellationToken cancellationToken)
    {
        var rows = await db.YearlyGoals.AsNoTracking()
            .Where(g => g.Year == year && g.IndicatorKey != null && g.TargetValue != null)
            .OrderBy(g => g.Id)
            .Select(g => new { g.IndicatorKey, g.TargetValue })
            .ToListAsync(cancellationToken);
        var targets = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            targets[r.IndicatorKey!] = r.TargetValue!.Value;
        }

        return targets;
    }
}
