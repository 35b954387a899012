using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Preparedness;
using Tillit.Domain.Register;
using Tillit.Web.Infrastructure.Audit;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Continuity;

/// <summary>An important system and the state of its continuity plan (a row of /continuity).</summary>
/// <remarks><see cref="LastExercised"/> is the day of the latest held exercise that covered the system.</remarks>
public sealed record ContinuityRow(Guid SystemId, string SystemName, bool Important, ConsequenceLevel? Availability, Guid? PlanId, int? MaxDowntimeHours, int? RecoveryTimeHours, int? RecoveryPointHours, DateOnly? NextReview, DateOnly? LastExercised)
{
    /// <summary>The gap of step 5: a plan that no held exercise tried since <paramref name="exercisedSince"/>.</summary>
    public bool NeedsExercise(DateOnly exercisedSince) => PlanId is not null && (LastExercised is null || LastExercised < exercisedSince);
}

/// <summary>Which rows /continuity shows. Values are used in addresses.</summary>
public enum ContinuityView
{
    /// <summary>Important systems without a plan.</summary>
    NoPlan = 0,

    /// <summary>Plans no held exercise tried within the organisation's exercise interval.</summary>
    NotExercised = 1,
}

public sealed record ContinuityPlanDetails(
    Guid? Id,
    Guid SystemId,
    string SystemName,
    ConsequenceLevel? Availability,
    RecoveryObjectives Suggested,
    RecoveryObjectives? Objectives,
    string? FallbackRoutines,
    string? Contacts,
    string? Dependencies,
    IReadOnlyList<string> RegisterDependencies,
    Guid? ResponsibleId,
    string? ResponsibleName,
    DateOnly? NextReview,
    int Version);

public sealed record CrisisRoleRow(Guid Id, string Title, string Holder, string? Deputy, string? Reach, int Order, int Version);

/// <summary>The plans for the crisis binder: every plan of a system in use, with the crisis organisation.</summary>
public sealed record CrisisBinder(string OrganisationName, DateTime GeneratedUtc, IReadOnlyList<CrisisRoleRow> Roles, IReadOnlyList<ContinuityPlanDetails> Plans);

/// <summary>
/// Reads continuity plans within the reader's scope: organisation-wide continuity.read sees all, a system owner the
/// plans of their systems. Plans are protected (they name people to call and weak points): each read is recorded
/// before it is sent, each list as one event.
/// </summary>
public sealed class ContinuityQueries(TillitDbContext db, CurrentUser user, AuditTrail trail, TimeProvider clock, Shared.LinkedSystemAccess linked)
{
    public const string ProtectedType = "ContinuityPlan";

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Task<bool> MayReadAllAsync(CancellationToken cancellationToken) => user.HasOrganisationWideAsync(Permissions.ContinuityRead, cancellationToken);

    public Task<bool> MayManageAllAsync(CancellationToken cancellationToken) => user.HasOrganisationWideAsync(Permissions.ContinuityManage, cancellationToken);

    /// <summary>May the user read (or, with manage, write) the plan of this system.</summary>
    public async Task<bool> MayAsync(string permission, Guid systemId, CancellationToken cancellationToken)
    {
        var path = await db.InformationSystems.AsNoTracking().Where(s => s.Id == systemId).Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => u.Path).FirstOrDefaultAsync(cancellationToken);
        return path is not null && await user.HasForSystemAsync(permission, systemId, path, cancellationToken);
    }

    /// <summary>
    /// The first day an exercise may have been held and still count: the organisation's exercise interval
    /// (<see cref="Tillit.Domain.Organisations.Organisation.ExerciseIntervalMonths"/>) back from today.
    /// </summary>
    public async Task<DateOnly> ExercisedSinceAsync(CancellationToken cancellationToken)
    {
        var months = await db.Organisations.AsNoTracking().Where(o => o.Id == db.CurrentOrganisationId).Select(o => (int?)o.ExerciseIntervalMonths).FirstOrDefaultAsync(cancellationToken)
            ?? Tillit.Domain.Organisations.Organisation.DefaultExerciseIntervalMonths;
        return Today.AddMonths(-months);
    }

    /// <summary>
    /// The systems in the reader's scope that are important to operations or have a plan, with their plan's state
    /// and the latest held exercise that covered them; important systems without a plan first (the gap), then by
    /// name. Capped at 2,000 rows.
    /// </summary>
    public async Task<IReadOnlyList<ContinuityRow>> ListAsync(ContinuityView? view, CancellationToken cancellationToken)
    {
        var systems = await VisibleSystemsAsync(cancellationToken);
        var since = await ExercisedSinceAsync(cancellationToken);
        // A system has at most one plan (unique index), so a left join finds it; FirstOrDefault() of an entity in the
        // projection became a window function over every plan on SQLite.
        var query = (from s in systems.Where(s => s.Lifecycle != Lifecycle.Retired)
                     join p in db.ContinuityPlans on s.Id equals p.SystemId into plans
                     from plan in plans.DefaultIfEmpty()
                     select new
                     {
                         System = s,
                         Plan = plan,
                         LastExercised = db.ExerciseSystems.Where(x => x.SystemId == s.Id)
                             .Join(db.Exercises, x => x.ExerciseId, e => e.Id, (x, e) => e.HeldOn)
                             .Where(h => h != null)
                             .Max(),
                     })
            .Where(x => x.System.ImportantToOperations || x.Plan != null);
        query = view switch
        {
            ContinuityView.NoPlan => query.Where(x => x.Plan == null && x.System.ImportantToOperations),
            ContinuityView.NotExercised => query.Where(x => x.Plan != null && (x.LastExercised == null || x.LastExercised < since)),
            _ => query,
        };
        var rows = await query
            .OrderBy(x => x.Plan != null).ThenBy(x => x.System.Name).ThenBy(x => x.System.Id)
            .Take(2000)
            .Select(x => new ContinuityRow(x.System.Id, x.System.Name, x.System.ImportantToOperations, x.System.NeedAvailability, x.Plan == null ? null : x.Plan.Id,
                x.Plan == null ? null : x.Plan.MaxDowntimeHours, x.Plan == null ? null : x.Plan.RecoveryTimeHours, x.Plan == null ? null : x.Plan.RecoveryPointHours, x.Plan == null ? null : x.Plan.NextReview,
                x.LastExercised))
            .ToListAsync(cancellationToken);
        await trail.RecordListAsync(ProtectedType, $"view={view}", rows.Count);
        return rows;
    }

    /// <summary>The plan of a system (or what a new one would start from), NotFound outside the reader's scope; the read is recorded first.</summary>
    public async Task<Outcome<ContinuityPlanDetails>> ForSystemAsync(Guid systemId, CancellationToken cancellationToken)
    {
        if (!await MayAsync(Permissions.ContinuityRead, systemId, cancellationToken))
        {
            return Outcome<ContinuityPlanDetails>.NotFound();
        }

        var details = (await DetailsAsync(db.InformationSystems.AsNoTracking().Where(s => s.Id == systemId), cancellationToken)).FirstOrDefault();
        if (details is null)
        {
            return Outcome<ContinuityPlanDetails>.NotFound();
        }

        if (details.Id is { } id)
        {
            await trail.RecordReadAsync(ProtectedType, id);
        }

        return Outcome<ContinuityPlanDetails>.Ok(details);
    }

    public async Task<IReadOnlyList<CrisisRoleRow>> CrisisRolesAsync(CancellationToken cancellationToken) =>
        await db.CrisisRoles.AsNoTracking().OrderBy(r => r.Order).ThenBy(r => r.Title)
            .Select(r => new CrisisRoleRow(r.Id, r.Title, r.Holder, r.Deputy, r.Reach, r.Order, r.Version))
            .ToListAsync(cancellationToken);

    /// <summary>Every plan of a system in use and the crisis organisation, for the binder (organisation-wide readers only); recorded as one export.</summary>
    public async Task<CrisisBinder> BinderAsync(CancellationToken cancellationToken)
    {
        var name = await db.Organisations.AsNoTracking().Where(o => o.Id == db.CurrentOrganisationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
        var plans = await DetailsAsync(db.InformationSystems.AsNoTracking().Where(s => s.Lifecycle != Lifecycle.Retired && db.ContinuityPlans.Any(p => p.SystemId == s.Id)), cancellationToken);
        var roles = await CrisisRolesAsync(cancellationToken);
        await trail.RecordListAsync(ProtectedType, "crisis-binder", plans.Count, export: true);
        return new CrisisBinder(name, clock.GetUtcNow().UtcDateTime, roles, plans);
    }

    private async Task<IQueryable<InformationSystem>> VisibleSystemsAsync(CancellationToken cancellationToken)
    {
        var systems = db.InformationSystems.AsNoTracking();
        var inScope = await linked.SystemsInScopeAsync(Permissions.ContinuityRead, cancellationToken);
        return inScope is null ? systems : systems.Where(s => inScope.Contains(s.Id));
    }

    private async Task<List<ContinuityPlanDetails>> DetailsAsync(IQueryable<InformationSystem> systems, CancellationToken cancellationToken)
    {
        var rows = await (from s in systems
                          join p in db.ContinuityPlans on s.Id equals p.SystemId into plans
                          from plan in plans.DefaultIfEmpty()
                          orderby s.Name, s.Id
                          select new { s.Id, s.Name, s.NeedAvailability, Plan = plan })
            .Select(x => new
            {
                x.Id,
                x.Name,
                x.NeedAvailability,
                x.Plan,
                Responsible = x.Plan == null ? null : db.People.Where(p => p.Id == x.Plan.ResponsibleId).Select(p => p.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var dependencies = (await db.SystemDependencies.AsNoTracking().Where(d => ids.Contains(d.SystemId))
            .Join(db.InformationSystems, d => d.DependsOnId, s => s.Id, (d, s) => new { d.SystemId, s.Name })
            .ToListAsync(cancellationToken)).ToLookup(d => d.SystemId, d => d.Name);
        return [.. rows.Select(r => new ContinuityPlanDetails(
            r.Plan?.Id,
            r.Id,
            r.Name,
            r.NeedAvailability,
            RecoveryObjectives.SuggestedFor(r.NeedAvailability),
            r.Plan?.Objectives,
            r.Plan?.FallbackRoutines,
            r.Plan?.Contacts,
            r.Plan?.Dependencies,
            [.. dependencies[r.Id].Order(StringComparer.Ordinal)],
            r.Plan?.ResponsibleId,
            r.Responsible,
            r.Plan?.NextReview,
            r.Plan?.Version ?? 0))];
    }
}
