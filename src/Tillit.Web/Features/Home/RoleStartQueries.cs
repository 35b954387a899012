using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Access;
using Tillit.Domain.Documents;
using Tillit.Domain.Measures;
using Tillit.Domain.Register;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Home;

public sealed record MyMeasure(Guid Id, string Title, DateOnly DueDate, bool Overdue);

/// <summary>What an employee's start page lists: own open measures (first few), how many events they reported.</summary>
public sealed record EmployeeStart(IReadOnlyList<MyMeasure> Measures, int OpenMeasures, int MyReports);

/// <summary>One of a system owner's systems and what it lacks.</summary>
public sealed record MySystem(Guid Id, string Name, bool NeedUnknown, bool Unassessed, int OverdueMeasures);

/// <summary>What waits for the director's decision.</summary>
public sealed record DirectorStart(int VersionsForDecision, int DeviationsToDecide);

/// <summary>
/// The figures of the role start pages that the gap cards do not already give; one query each, run only for
/// the roles that show them.
/// </summary>
public sealed class RoleStartQueries(TillitDbContext db, TimeProvider clock, Infrastructure.OrganisationCache cache)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<EmployeeStart> EmployeeAsync(Guid personId, CancellationToken cancellationToken)
    {
        var today = Today;
        var open = db.Measures.AsNoTracking().Where(m => m.OwnerId == personId && (m.Status == MeasureStatus.Planned || m.Status == MeasureStatus.InProgress));
        var first = await open.OrderBy(m => m.DueDate).Take(5).Select(m => new MyMeasure(m.Id, m.Title, m.DueDate, m.DueDate < today)).ToListAsync(cancellationToken);
        var counts = await db.People.Where(p => p.Id == personId)
            .Select(p => new { Open = open.Count(), Reports = db.Incidents.Count(i => i.ReporterId == personId) })
            .FirstOrDefaultAsync(cancellationToken);
        return new EmployeeStart(first, counts?.Open ?? 0, counts?.Reports ?? 0);
    }

    /// <summary>The systems the person owns today (first 20 by name) with their gaps: no protection need, requirements not assessed, overdue measures.</summary>
    public async Task<IReadOnlyList<MySystem>> SystemOwnerAsync(Guid personId, CancellationToken cancellationToken)
    {
        var today = Today;
        var mine = db.RoleAssignments.Where(a => a.PersonId == personId && a.Role == Role.SystemOwner && a.ScopeKind == ScopeKind.InformationSystem
            && a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today)).Select(a => a.ScopeId);
        // ScopeId is nullable; compared with Any so both providers translate it.
        var systems = db.InformationSystems.AsNoTracking().Where(s => mine.Any(id => id == s.Id));
        var unassessed = Systems.SystemQueries.WithUnassessedRequirements(db, systems);
        return await systems.OrderBy(s => s.Name).Take(20)
            .Select(s => new MySystem(
                s.Id,
                s.Name,
                s.NeedHighest == null,
                unassessed.Any(u => u.Id == s.Id),
                db.Measures.Count(m => m.SystemId == s.Id && (m.Status == MeasureStatus.Planned || m.Status == MeasureStatus.InProgress) && m.DueDate < today)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>What waits for the director's decision: the organisation's counts, kept until a version or a deviation is saved.</summary>
    public async Task<DirectorStart> DirectorAsync(CancellationToken cancellationToken)
    {
        if (db.CurrentOrganisationId is not { } organisationId)
        {
            return new DirectorStart(0, 0);
        }

        return await cache.GetOrCreateAsync([typeof(DocumentVersion), typeof(Deviation)], "director-start", organisationId, async () =>
            await db.Organisations.Where(o => o.Id == organisationId)
                .Select(o => new DirectorStart(
                    db.DocumentVersions.Count(v => v.Status == DocumentStatus.ForDecision),
                    db.Deviations.Count(d => d.Status == DeviationStatus.Assessed)))
                .FirstOrDefaultAsync(cancellationToken) ?? new DirectorStart(0, 0));
    }

    /// <summary>Events reported this year in the manager's units (a count: the detail belongs to incident handling).</summary>
    public async Task<int> UnitIncidentsAsync(IReadOnlyList<string>? unitPaths, CancellationToken cancellationToken)
    {
        var year = Today.Year;
        var units = db.Units.WithinScope(unitPaths).Select(u => u.Id);
        return await db.Incidents.CountAsync(i => i.Year == year && i.UnitId != null && units.Contains(i.UnitId.Value), cancellationToken);
    }
}
