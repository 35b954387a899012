using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Common;
using Tillit.Domain.Measures;
using Tillit.Domain.Preparedness;
using Tillit.Web.Features.Measures;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Exercises;

/// <summary>
/// Plans an exercise or changes its plan, records that it was held, adds lessons, and turns a lesson into a measure
/// in the action plan (continuity.manage, see <see cref="ExerciseAccess"/>).
/// </summary>
public sealed class SaveExercise(TillitDbContext db, ExerciseAccess access, CurrentUser user, CreateMeasure createMeasure, TimeProvider clock)
{
    /// <summary>The most systems one exercise may cover.</summary>
    public const int MaxSystems = 500;

    /// <param name="Title">What the exercise is called.</param>
    /// <param name="Kind">Tabletop, Functional or FullScale.</param>
    /// <param name="Scenario">The event assumed and what the participants are to do.</param>
    /// <param name="PlannedOn">The day it is planned for.</param>
    /// <param name="LeaderId">Who leads it and follows up its lessons.</param>
    /// <param name="Systems">The systems whose continuity plans it tries.</param>
    /// <param name="Version">The version read, when changing.</param>
    public sealed record Command(string? Title, ExerciseKind? Kind, string? Scenario, DateOnly? PlannedOn, Guid? LeaderId, IReadOnlyList<Guid>? Systems, int? Version = null);

    /// <param name="HeldOn">The day it was held (today or earlier).</param>
    /// <param name="Participants">Who took part.</param>
    /// <param name="Outcome">How it went.</param>
    /// <param name="Version">The version read.</param>
    public sealed record HeldCommand(DateOnly? HeldOn, string? Participants, string? Outcome, int? Version);

    /// <param name="DueDate">By when the measure is to be done.</param>
    /// <param name="SystemId">The system it concerns: one the exercise covered, or none.</param>
    public sealed record LessonMeasureCommand(DateOnly? DueDate, Guid? SystemId);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Outcome<Guid>> CreateAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var wanted = (command.Systems ?? []).Distinct().ToList();
        if (!await access.MayManageAsync(await access.PathsOfAsync(wanted, cancellationToken), cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = await ValidateAsync(command, wanted, cancellationToken);
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        var exercise = new Exercise(user.OrganisationId!.Value, command.Title!, command.Kind!.Value, command.Scenario!, command.PlannedOn!.Value, command.LeaderId);
        db.Exercises.Add(exercise);
        Link(exercise, wanted, []);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(exercise.Id);
    }

    public async Task<Outcome<Guid>> UpdateAsync(Guid id, Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (exercise, refused) = await FindAsync(id, cancellationToken);
        if (exercise is null)
        {
            return refused!;
        }

        // Both the systems it covers now and those it is to cover must be the writer's.
        var wanted = (command.Systems ?? []).Distinct().ToList();
        if (!await access.MayManageAsync(await access.PathsOfAsync(wanted, cancellationToken), cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = (await ValidateAsync(command, wanted, cancellationToken)).Check(command.Version is not null, nameof(Command.Version), "Validation.Required");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        db.Entry(exercise).Property(e => e.Version).OriginalValue = command.Version!.Value;
        exercise.Plan(command.Title!, command.Kind!.Value, command.Scenario!, command.PlannedOn!.Value, command.LeaderId);
        Link(exercise, wanted, await db.ExerciseSystems.Where(x => x.ExerciseId == id).ToListAsync(cancellationToken));

        // The links are rows of their own; the exercise's version moves with them so a stale form is refused.
        if (db.Entry(exercise).State == EntityState.Unchanged)
        {
            db.Entry(exercise).Property(e => e.Version).IsModified = true;
        }

        return await SaveAsync(id, cancellationToken);
    }

    /// <summary>Records that the exercise was held, with its participants and outcome.</summary>
    public async Task<Outcome<Guid>> RecordHeldAsync(Guid id, HeldCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (exercise, refused) = await FindAsync(id, cancellationToken);
        if (exercise is null)
        {
            return refused!;
        }

        var errors = new Validator()
            .Check(command.HeldOn is not null, nameof(HeldCommand.HeldOn), "Validation.Required")
            .Required(nameof(HeldCommand.Participants), command.Participants, Exercise.TextLength)
            .Required(nameof(HeldCommand.Outcome), command.Outcome, Exercise.TextLength)
            .Check(command.Version is not null, nameof(HeldCommand.Version), "Validation.Required");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        db.Entry(exercise).Property(e => e.Version).OriginalValue = command.Version!.Value;
        try
        {
            exercise.Record(command.HeldOn!.Value, command.Participants!, command.Outcome!, Today);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }

        return await SaveAsync(id, cancellationToken);
    }

    /// <summary>Adds a lesson to a held exercise; returns the lesson's id.</summary>
    public async Task<Outcome<Guid>> AddLessonAsync(Guid id, string? text, CancellationToken cancellationToken)
    {
        var (exercise, refused) = await FindAsync(id, cancellationToken);
        if (exercise is null)
        {
            return refused!;
        }

        var errors = new Validator().Required("Text", text, ExerciseLesson.TextLength);
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        ExerciseLesson lesson;
        try
        {
            lesson = exercise.Learn(text!);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }

        db.ExerciseLessons.Add(lesson);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(lesson.Id);
    }

    /// <summary>
    /// The lesson becomes a measure in the action plan: titled by the lesson, with the exercise as its origin, owned
    /// by the exercise's leader (or the one who asks). The measure and the lesson's link to it are saved in one
    /// transaction; a lesson that already became a measure is refused, also when two people try at once.
    /// </summary>
    public async Task<Outcome<Guid>> LessonToMeasureAsync(Guid id, Guid? lessonId, LessonMeasureCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (exercise, refused) = await FindAsync(id, cancellationToken);
        if (exercise is null)
        {
            return refused!;
        }

        if (lessonId is null)
        {
            return Outcome<Guid>.Invalid("LessonId", "Validation.Required");
        }

        var lesson = await db.ExerciseLessons.FirstOrDefaultAsync(x => x.Id == lessonId && x.ExerciseId == id, cancellationToken);
        if (lesson is null)
        {
            return Outcome<Guid>.NotFound();
        }

        if (lesson.MeasureId is not null)
        {
            return Outcome<Guid>.Invalid(string.Empty, "Exercise.LessonHasMeasure");
        }

        if (command.SystemId is { } systemId && !await db.ExerciseSystems.AnyAsync(x => x.ExerciseId == id && x.SystemId == systemId, cancellationToken))
        {
            return Outcome<Guid>.Invalid(nameof(LessonMeasureCommand.SystemId), "Validation.InvalidValue");
        }

        var unitId = command.SystemId is { } s ? await db.InformationSystems.Where(x => x.Id == s).Select(x => (Guid?)x.UnitId).FirstOrDefaultAsync(cancellationToken) : null;
        var text = lesson.Text.ReplaceLineEndings(" ");
        var title = text.Length > Measure.TitleLength ? text[..(Measure.TitleLength - 1)] + "…" : text;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await createMeasure.HandleAsync(
            new CreateMeasure.Command(title, $"{exercise.Title} ({exercise.HeldOn:yyyy-MM-dd}): {lesson.Text}", MeasureOrigin.Exercise, id, command.SystemId, unitId, exercise.LeaderId ?? user.PersonId, command.DueDate),
            cancellationToken);
        if (!created.IsOk)
        {
            return created;
        }

        lesson.BecameMeasure(created.Value);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else made a measure of it first: theirs stands, ours goes with the transaction.
            return Outcome<Guid>.Conflict();
        }

        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    private async Task<(Exercise? Exercise, Outcome<Guid>? Refused)> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var systems = await access.SystemsOfAsync(id, cancellationToken);
        var exercise = await access.MayReadAsync(systems, cancellationToken) ? await db.Exercises.FirstOrDefaultAsync(e => e.Id == id, cancellationToken) : null;
        if (exercise is null)
        {
            return (null, Outcome<Guid>.NotFound());
        }

        return await access.MayManageAsync(systems, cancellationToken) ? (exercise, null) : (null, Outcome<Guid>.Forbidden());
    }

    private async Task<Outcome<Guid>> SaveAsync(Guid id, CancellationToken cancellationToken)
    {
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

    private void Link(Exercise exercise, List<Guid> wanted, List<ExerciseSystem> links)
    {
        db.ExerciseSystems.RemoveRange(links.Where(x => !wanted.Contains(x.SystemId)));
        foreach (var systemId in wanted.Where(s => links.All(x => x.SystemId != s)))
        {
            db.ExerciseSystems.Add(new ExerciseSystem(exercise.OrganisationId, exercise.Id, systemId));
        }
    }

    private async Task<Validator> ValidateAsync(Command command, List<Guid> systems, CancellationToken cancellationToken)
    {
        var errors = new Validator()
            .Required(nameof(Command.Title), command.Title, Exercise.TitleLength)
            .Required(nameof(Command.Scenario), command.Scenario, Exercise.TextLength)
            .Defined(nameof(Command.Kind), command.Kind)
            .Check(command.PlannedOn is not null, nameof(Command.PlannedOn), "Validation.Required")
            .Check(systems.Count <= MaxSystems, nameof(Command.Systems), "Law.TooManyLinks", MaxSystems);
        if (!errors.IsValid)
        {
            return errors;
        }

        if (command.LeaderId is { } leader)
        {
            errors.Check(await db.People.AnyAsync(p => p.Id == leader && p.IsActive, cancellationToken), nameof(Command.LeaderId), "Validation.InvalidValue");
        }

        // The tenant filter makes another organisation's ids count as missing.
        if (systems.Count > 0)
        {
            errors.Check(await db.InformationSystems.CountAsync(s => systems.Contains(s.Id), cancellationToken) == systems.Count, nameof(Command.Systems), "Validation.InvalidValue");
        }

        return errors;
    }
}
