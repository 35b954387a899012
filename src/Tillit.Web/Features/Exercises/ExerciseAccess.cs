using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Preparedness;
using Tillit.Web.Features.Shared;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Exercises;

/// <summary>
/// Who may read and change an exercise (the rule of <see cref="LinkedSystemAccess"/> with the continuity
/// permissions): the security officer, IT manager and director read every exercise and the security officer
/// keeps them; a system owner reads the exercises that tried a plan of theirs and keeps those that concern only
/// their systems.
/// </summary>
public sealed class ExerciseAccess(TillitDbContext db, LinkedSystemAccess linked)
{
    /// <summary>The systems an exercise covers, with their unit paths.</summary>
    public Task<IReadOnlyList<(Guid Id, string Path)>> SystemsOfAsync(Guid exerciseId, CancellationToken cancellationToken) =>
        linked.PathsOfAsync(db.ExerciseSystems.Where(x => x.ExerciseId == exerciseId).Select(x => x.SystemId), cancellationToken);

    public Task<IReadOnlyList<(Guid Id, string Path)>> PathsOfAsync(IReadOnlyCollection<Guid> systemIds, CancellationToken cancellationToken) =>
        linked.PathsOfAsync(systemIds, cancellationToken);

    public Task<bool> MayReadAsync(IReadOnlyList<(Guid Id, string Path)> systems, CancellationToken cancellationToken) =>
        linked.MayAnyAsync(Permissions.ContinuityRead, systems, cancellationToken);

    public Task<bool> MayManageAsync(IReadOnlyList<(Guid Id, string Path)> systems, CancellationToken cancellationToken) =>
        linked.MayAllAsync(Permissions.ContinuityManage, systems, cancellationToken);

    /// <summary>The exercises the user may read, as a query.</summary>
    public async Task<IQueryable<Exercise>> ReadableAsync(CancellationToken cancellationToken)
    {
        var exercises = db.Exercises.AsNoTracking();
        var visibleSystems = await linked.SystemsInScopeAsync(Permissions.ContinuityRead, cancellationToken);
        return visibleSystems is null ? exercises : exercises.Where(e => db.ExerciseSystems.Any(x => x.ExerciseId == e.Id && visibleSystems.Contains(x.SystemId)));
    }
}
