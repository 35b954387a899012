using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Measures;
using Tillit.Domain.Preparedness;
using Tillit.Web.Infrastructure.Audit;

namespace Tillit.Web.Features.Exercises;

/// <summary>Planned exercises (not yet held) or held ones. Values are used in addresses.</summary>
public enum ExerciseView
{
    Planned = 0,
    Held = 1,
}

/// <param name="View">Planned or Held; all when empty.</param>
/// <param name="SystemId">Only exercises that covered this system.</param>
public sealed record ExerciseFilter(ExerciseView? View = null, Guid? SystemId = null);

public sealed record ExerciseRow(Guid Id, string Title, ExerciseKind Kind, DateOnly PlannedOn, DateOnly? HeldOn, int Systems, int Lessons, int LessonsWithoutMeasure);

public sealed record ExerciseSystemLink(Guid Id, string Name);

public sealed record ExerciseLessonRow(Guid Id, string Text, Guid? MeasureId, string? MeasureTitle, MeasureStatus? MeasureStatus, int Version);

public sealed record ExerciseDetails(
    Guid Id,
    string Title,
    ExerciseKind Kind,
    string Scenario,
    DateOnly PlannedOn,
    Guid? LeaderId,
    string? LeaderName,
    DateOnly? HeldOn,
    string? Participants,
    string? Outcome,
    IReadOnlyList<ExerciseSystemLink> Systems,
    IReadOnlyList<ExerciseLessonRow> Lessons,
    int Version);

/// <summary>
/// Reads exercises within the reader's scope (<see cref="ExerciseAccess"/>). Exercises are protected records (their
/// outcome and lessons name weak points): a detail read is recorded before it is sent, a list as one event.
/// </summary>
public sealed class ExerciseQueries(TillitDbContext db, ExerciseAccess access, AuditTrail trail, TimeProvider clock)
{
    public const string ProtectedType = "Exercise";

    public static readonly SortColumns<Exercise> Sorts = new SortColumns<Exercise>("planned")
        .Add("planned", e => e.PlannedOn)
        .Add("held", e => e.HeldOn)
        .Add("title", e => e.Title);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Paged<ExerciseRow>> ListAsync(ExerciseFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        var query = await access.ReadableAsync(cancellationToken);
        query = filter.View switch
        {
            ExerciseView.Planned => query.Where(e => e.HeldOn == null),
            ExerciseView.Held => query.Where(e => e.HeldOn != null),
            _ => query,
        };
        if (filter.SystemId is { } systemId)
        {
            query = query.Where(e => db.ExerciseSystems.Any(x => x.ExerciseId == e.Id && x.SystemId == systemId));
        }

        var result = await Sorts.PageAsync(
            query,
            page,
            e => new ExerciseRow(
                e.Id,
                e.Title,
                e.Kind,
                e.PlannedOn,
                e.HeldOn,
                db.ExerciseSystems.Count(x => x.ExerciseId == e.Id),
                db.ExerciseLessons.Count(x => x.ExerciseId == e.Id),
                db.ExerciseLessons.Count(x => x.ExerciseId == e.Id && x.MeasureId == null)),
            e => e.Id,
            cancellationToken);
        await trail.RecordListAsync(ProtectedType, $"view={filter.View};system={filter.SystemId};page={page.SafePage};sort={page.Sort}", result.Items.Count);
        return result;
    }

    /// <summary>One exercise with its systems and lessons; NotFound outside the reader's scope; the read is recorded first.</summary>
    public async Task<Outcome<ExerciseDetails>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var exercise = await (await access.ReadableAsync(cancellationToken)).Where(e => e.Id == id)
            .Select(e => new { Exercise = e, Leader = db.People.Where(p => p.Id == e.LeaderId).Select(p => p.Name).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (exercise is null)
        {
            return Outcome<ExerciseDetails>.NotFound();
        }

        var systems = await db.ExerciseSystems.AsNoTracking().Where(x => x.ExerciseId == id)
            .Join(db.InformationSystems, x => x.SystemId, s => s.Id, (x, s) => s)
            .OrderBy(s => s.Name)
            .Select(s => new ExerciseSystemLink(s.Id, s.Name))
            .ToListAsync(cancellationToken);
        var lessons = await db.ExerciseLessons.AsNoTracking().Where(x => x.ExerciseId == id)
            .OrderBy(x => x.Id)
            // Scalar sub-queries: an anonymous object from FirstOrDefault becomes, on SQLite, a join over a
            // window function across every measure of the organisation.
            .Select(x => new ExerciseLessonRow(
                x.Id,
                x.Text,
                x.MeasureId,
                db.Measures.Where(m => m.Id == x.MeasureId).Select(m => m.Title).FirstOrDefault(),
                db.Measures.Where(m => m.Id == x.MeasureId).Select(m => (MeasureStatus?)m.Status).FirstOrDefault(),
                x.Version))
            .ToListAsync(cancellationToken);
        await trail.RecordReadAsync(ProtectedType, id);
        var e = exercise.Exercise;
        return Outcome<ExerciseDetails>.Ok(new ExerciseDetails(
            e.Id,
            e.Title,
            e.Kind,
            e.Scenario,
            e.PlannedOn,
            e.LeaderId,
            exercise.Leader,
            e.HeldOn,
            e.Participants,
            e.Outcome,
            systems,
            lessons,
            e.Version));
    }
}
