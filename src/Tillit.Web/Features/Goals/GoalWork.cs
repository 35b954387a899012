using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Common;
using Tillit.Domain.Goals;
using Tillit.Web.Features.Indicators;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Goals;

/// <summary>
/// Writes yearly goals, records their follow-up, starts a year from the last one, and lays down the policy's
/// ten long-term goals for an organisation that has none. Only goals.manage reaches here (the endpoint checks).
/// </summary>
public sealed class GoalWork(TillitDbContext db, CurrentUser user)
{
    /// <param name="LongTermGoalId">The long-term goal it serves.</param>
    /// <param name="Year">The year (2000–2100).</param>
    /// <param name="OwnerId">The person who answers for it.</param>
    /// <param name="IndicatorKey">An indicator that measures it (see /indicators), optional.</param>
    /// <param name="TargetValue">The indicator's target for the year; only with an indicator.</param>
    public sealed record Command(Guid? LongTermGoalId, int? Year, string? Title, string? Target, Guid? OwnerId, string? IndicatorKey, decimal? TargetValue, int? Version = null);

    /// <param name="Status">Planned, OnTrack, AtRisk, Met or NotMet.</param>
    /// <param name="FollowUp">A comment; required for AtRisk and NotMet.</param>
    /// <param name="Version">The version read.</param>
    public sealed record FollowUpCommand(YearlyGoalStatus? Status, string? FollowUp, int? Version);

    /// <param name="FromYear">The year whose goals start the next one.</param>
    public sealed record CopyCommand(int? FromYear);

    public async Task<Outcome<Guid>> CreateAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = await ValidateAsync(command, cancellationToken);
        errors.Check(command.Year is >= YearlyGoal.MinYear and <= YearlyGoal.MaxYear, nameof(Command.Year), "Goal.YearRange");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        try
        {
            var goal = new YearlyGoal(user.OrganisationId!.Value, command.LongTermGoalId!.Value, command.Year!.Value, command.Title!, command.Target!, command.OwnerId!.Value, command.IndicatorKey, command.TargetValue);
            db.YearlyGoals.Add(goal);
            await db.SaveChangesAsync(cancellationToken);
            return Outcome<Guid>.Ok(goal.Id);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }
    }

    /// <summary>Changes title, target, owner and indicator (the year and the long-term goal stay).</summary>
    public async Task<Outcome<Guid>> UpdateAsync(Guid id, Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var goal = await db.YearlyGoals.FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (goal is null)
        {
            return Outcome<Guid>.NotFound();
        }

        var errors = await ValidateAsync(command with { LongTermGoalId = goal.LongTermGoalId }, cancellationToken);
        errors.Check(command.Version is not null, "Version", "Validation.Required");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        return await SaveAsync(goal, command.Version!.Value, g => g.Change(command.Title!, command.Target!, command.OwnerId!.Value, command.IndicatorKey, command.TargetValue), cancellationToken);
    }

    public async Task<Outcome<Guid>> FollowUpAsync(Guid id, FollowUpCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var goal = await db.YearlyGoals.FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (goal is null)
        {
            return Outcome<Guid>.NotFound();
        }

        var errors = new Validator()
            .Defined(nameof(FollowUpCommand.Status), command.Status)
            .Optional(nameof(FollowUpCommand.FollowUp), command.FollowUp, YearlyGoal.TextLength)
            .Check(command.Version is not null, "Version", "Validation.Required");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        return await SaveAsync(goal, command.Version!.Value, g => g.FollowUpWith(command.Status!.Value, command.FollowUp), cancellationToken);
    }

    /// <summary>
    /// Starts the next year from a year's goals: each is copied as planned, with the same owner and target.
    /// Refused when the next year already has goals (a second copy would double them).
    /// </summary>
    public async Task<Outcome<int>> CopyYearAsync(CopyCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new Validator().Check(command.FromYear is >= YearlyGoal.MinYear and < YearlyGoal.MaxYear, nameof(CopyCommand.FromYear), "Goal.YearRange");
        if (!errors.IsValid)
        {
            return Outcome<int>.Invalid(errors.Errors);
        }

        var from = command.FromYear!.Value;
        if (await db.YearlyGoals.AnyAsync(g => g.Year == from + 1, cancellationToken))
        {
            return Outcome<int>.Invalid(nameof(CopyCommand.FromYear), "Goal.NextYearHasGoals", from + 1);
        }

        var source = await db.YearlyGoals.AsNoTracking().Where(g => g.Year == from).Take(1000).ToListAsync(cancellationToken);
        if (source.Count == 0)
        {
            return Outcome<int>.Invalid(nameof(CopyCommand.FromYear), "Goal.NothingToCopy", from);
        }

        db.YearlyGoals.AddRange(source.Select(g => g.CopyToNextYear()));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<int>.Ok(source.Count);
    }

    /// <summary>Lays down the policy's ten long-term goals in Tillit's words, when the organisation has none yet.</summary>
    public async Task<Outcome<int>> AddStartingGoalsAsync(CancellationToken cancellationToken)
    {
        if (await db.LongTermGoals.AnyAsync(cancellationToken))
        {
            return Outcome<int>.Invalid(string.Empty, "Goal.AlreadyStarted");
        }

        var goals = StartingGoals.For(user.OrganisationId!.Value).ToList();
        db.LongTermGoals.AddRange(goals);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<int>.Ok(goals.Count);
    }

    private async Task<Validator> ValidateAsync(Command command, CancellationToken cancellationToken)
    {
        var errors = new Validator()
            .Check(command.LongTermGoalId is not null, nameof(Command.LongTermGoalId), "Validation.Required")
            .Required(nameof(Command.Title), command.Title, YearlyGoal.TitleLength)
            .Required(nameof(Command.Target), command.Target, YearlyGoal.TextLength)
            .Check(command.OwnerId is not null, nameof(Command.OwnerId), "Validation.Required")
            .Check(string.IsNullOrWhiteSpace(command.IndicatorKey) || IndicatorCatalogue.Find(command.IndicatorKey) is not null, nameof(Command.IndicatorKey), "Goal.IndicatorUnknown")
            .Check(command.TargetValue is null || !string.IsNullOrWhiteSpace(command.IndicatorKey), nameof(Command.TargetValue), "Goal.TargetValueNeedsIndicator")
            .Check(command.TargetValue is null or >= 0, nameof(Command.TargetValue), "Validation.InvalidValue");
        if (command.LongTermGoalId is { } longTerm)
        {
            errors.Check(await db.LongTermGoals.AnyAsync(g => g.Id == longTerm, cancellationToken), nameof(Command.LongTermGoalId), "Goal.LongTermUnknown");
        }

        if (command.OwnerId is { } owner)
        {
            errors.Check(await db.People.AnyAsync(p => p.Id == owner && p.IsActive, cancellationToken), nameof(Command.OwnerId), "Goal.OwnerUnknown");
        }

        return errors;
    }

    private async Task<Outcome<Guid>> SaveAsync(YearlyGoal goal, int version, Action<YearlyGoal> change, CancellationToken cancellationToken)
    {
        db.Entry(goal).Property(g => g.Version).OriginalValue = version;
        try
        {
            change(goal);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict();
        }

        return Outcome<Guid>.Ok(goal.Id);
    }
}
