using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Common;
using Tillit.Domain.Measures;

namespace Tillit.Web.Features.Measures;

/// <summary>Changes what a measure is about, who owns it and by when (measures.manage for its system, or organisation-wide).</summary>
public sealed class SaveMeasure(TillitDbContext db, MeasureAccess access)
{
    /// <param name="Title">What is to be done.</param>
    /// <param name="Description">More about it.</param>
    /// <param name="SystemId">The system concerned, if any.</param>
    /// <param name="UnitId">The unit concerned, if any.</param>
    /// <param name="OwnerId">The person responsible.</param>
    /// <param name="DueDate">By when.</param>
    /// <param name="Version">The version read.</param>
    public sealed record Command(string? Title, string? Description, Guid? SystemId, Guid? UnitId, Guid? OwnerId, DateOnly? DueDate, int? Version);

    public async Task<Outcome<Guid>> UpdateAsync(Guid id, Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var measure = await db.Measures.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (measure is null)
        {
            return Outcome<Guid>.NotFound();
        }

        // Both where it is and where it is moved to must be within the changer's reach.
        if (!await access.MayManageAsync(measure.SystemId, cancellationToken)
            || (command.SystemId != measure.SystemId && !await access.MayManageAsync(command.SystemId, cancellationToken)))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = (await MeasureValidation.ValidateAsync(db, command.Title, command.Description, command.SystemId, command.UnitId, command.OwnerId, command.DueDate, cancellationToken))
            .Check(command.Version is not null, nameof(Command.Version), "Validation.Required");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        db.Entry(measure).Property(m => m.Version).OriginalValue = command.Version!.Value;
        try
        {
            measure.Change(command.Title!, command.Description ?? string.Empty, command.SystemId, command.UnitId, command.OwnerId!.Value, command.DueDate!.Value);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }

        if (db.Entry(measure).State == EntityState.Unchanged)
        {
            db.Entry(measure).Property(m => m.Version).IsModified = true;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict();
        }

        return Outcome<Guid>.Ok(id);
    }
}

/// <summary>What to do with a measure's status.</summary>
public enum MeasureAction
{
    Start = 0,
    Complete = 1,
    Reopen = 2,
    Verify = 3,
    Cancel = 4,
}

/// <summary>
/// Moves a measure along its status. Its owner starts and completes it (with evidence); whoever manages it
/// does that too, and also reopens, verifies (not their own) and cancels (with a reason). An illegal move is
/// refused by the domain and changes nothing.
/// </summary>
public sealed class ChangeMeasureStatus(TillitDbContext db, Security.CurrentUser user, MeasureAccess access, TimeProvider clock)
{
    /// <param name="Action">Start, Complete, Reopen, Verify or Cancel.</param>
    /// <param name="Evidence">What shows it is done (Complete).</param>
    /// <param name="Reason">Why it is cancelled (Cancel).</param>
    /// <param name="Version">The version read.</param>
    public sealed record Command(MeasureAction? Action, string? Evidence, string? Reason, int? Version);

    public async Task<Outcome<Guid>> HandleAsync(Guid id, Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var measure = await db.Measures.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (measure is null)
        {
            return Outcome<Guid>.NotFound();
        }

        var manages = await access.MayManageAsync(measure.SystemId, cancellationToken);
        var owns = user.PersonId == measure.OwnerId;
        var allowed = command.Action is MeasureAction.Start or MeasureAction.Complete ? manages || owns : manages;
        if (!allowed)
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = new Validator().Defined(nameof(Command.Action), command.Action)
            .Check(command.Version is not null, nameof(Command.Version), "Validation.Required")
            .Optional(nameof(Command.Evidence), command.Evidence, Measure.TextLength)
            .Optional(nameof(Command.Reason), command.Reason, Measure.TextLength);
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        db.Entry(measure).Property(m => m.Version).OriginalValue = command.Version!.Value;
        try
        {
            switch (command.Action!.Value)
            {
                case MeasureAction.Start:
                    measure.Start();
                    break;
                case MeasureAction.Complete:
                    measure.Complete(command.Evidence ?? string.Empty, today);
                    break;
                case MeasureAction.Reopen:
                    measure.Reopen();
                    break;
                case MeasureAction.Verify:
                    measure.Verify(user.PersonId!.Value, today);
                    break;
                default:
                    measure.Cancel(command.Reason ?? string.Empty);
                    break;
            }
        }
        catch (DomainRuleException rule)
        {
            var field = rule.Field switch { "CancelReason" => nameof(Command.Reason), "Status" => nameof(Command.Action), { } f => f, null => string.Empty };
            return Outcome<Guid>.Invalid(field, rule.MessageKey);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict();
        }

        return Outcome<Guid>.Ok(id);
    }
}
