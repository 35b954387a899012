using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Access;
using Tillit.Domain.Register;
using Tillit.Web.Infrastructure;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Systems;

/// <summary>A gap the register lists can filter by.</summary>
public enum SystemGap
{
    NoOwner = 0,
    Unclassified = 1,

    /// <summary>Important to operations, with requirements its protection need selects that are not yet assessed.</summary>
    ImportantUnassessed = 2,

    /// <summary>Holds personal data and has an external supplier, but no data processing agreement in force covers it.</summary>
    NoDataProcessingAgreement = 3,
}

/// <summary>The filters of the register of systems.</summary>
/// <param name="Q">Part of the name.</param>
/// <param name="Unit">The unit's id.</param>
/// <param name="Owner">The owner's person id.</param>
/// <param name="Need">At least this level on some aspect (needs classifications.read).</param>
/// <param name="Gap">Only systems with this gap.</param>
public sealed record SystemFilter(string? Q = null, Guid? Unit = null, Guid? Owner = null, ConsequenceLevel? Need = null, SystemGap? Gap = null);

/// <summary>A row of the register. <see cref="ProtectionNeed"/> is null when unclassified or when the reader may not see classifications.</summary>
public sealed record SystemRow(
    Guid Id,
    string Name,
    SystemForm Form,
    Guid UnitId,
    string? UnitName,
    Guid? OwnerId,
    string? OwnerName,
    bool ImportantToOperations,
    [property: System.Text.Json.Serialization.JsonIgnore] ConsequenceLevel? NeedConfidentiality,
    [property: System.Text.Json.Serialization.JsonIgnore] ConsequenceLevel? NeedIntegrity,
    [property: System.Text.Json.Serialization.JsonIgnore] ConsequenceLevel? NeedAvailability,
    [property: System.Text.Json.Serialization.JsonIgnore] ConsequenceLevel? NeedTraceability)
{
    /// <summary>K-R-T-S, e.g. "2-3-1-2".</summary>
    public string? ProtectionNeed => Need?.ToString();

    [System.Text.Json.Serialization.JsonIgnore]
    public ProtectionNeed? Need => NeedConfidentiality is { } k && NeedIntegrity is { } r && NeedAvailability is { } t && NeedTraceability is { } s
        ? new ProtectionNeed(k, r, t, s)
        : null;
}

/// <summary>A row of the export of the register: the fields an import takes, and the owner and protection need.</summary>
public sealed record SystemExportRow(
    string Name,
    string Purpose,
    string? UnitName,
    SystemForm Form,
    bool ImportantToOperations,
    Hosting Hosting,
    Lifecycle Lifecycle,
    string? Supplier,
    string? OwnerName,
    ConsequenceLevel? NeedConfidentiality,
    ConsequenceLevel? NeedIntegrity,
    ConsequenceLevel? NeedAvailability,
    ConsequenceLevel? NeedTraceability)
{
    public string? ProtectionNeed => NeedConfidentiality is { } k && NeedIntegrity is { } r && NeedAvailability is { } t && NeedTraceability is { } s
        ? new ProtectionNeed(k, r, t, s).ToString()
        : null;
}

public sealed record OwnerRow(Guid AssignmentId, Guid PersonId, string PersonName, string? DecisionReference, DateOnly ValidFrom, DateOnly? ValidTo, Guid? AppointedById, string? AppointedByName);

public sealed record SystemLink(Guid Id, string Name);

public sealed record HeldSet(Guid Id, string Name, string? ProtectionNeed, ClassificationState State);

public sealed record SystemDetails(
    Guid Id,
    string Name,
    string Purpose,
    Guid UnitId,
    string UnitName,
    SystemForm Form,
    bool ImportantToOperations,
    Hosting Hosting,
    Lifecycle Lifecycle,
    string? Supplier,
    int Version,
    string? ProtectionNeed,
    OwnerRow? Owner,
    IReadOnlyList<OwnerRow> OwnerHistory,
    IReadOnlyList<SystemLink> DependsOn,
    IReadOnlyList<SystemLink> NeededBy,
    IReadOnlyList<HeldSet> Sets)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string UnitPath { get; init; } = string.Empty;
}

/// <summary>Reads the register of information systems. Everyone may read it; the protection need only those with classifications.read.</summary>
public sealed class SystemQueries(TillitDbContext db, CurrentUser user, TimeProvider clock, OrganisationCache cache)
{
    public static readonly SortColumns<InformationSystem> Sorts = new SortColumns<InformationSystem>("name")
        .Add("name", s => s.Name)
        .Add("need", s => s.NeedHighest)
        .Add("form", s => s.Form);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The systems that have an active requirement their protection need selects and no assessment of it (one EXISTS per system).</summary>
    public static IQueryable<InformationSystem> WithUnassessedRequirements(TillitDbContext db, IQueryable<InformationSystem> systems)
    {
        ArgumentNullException.ThrowIfNull(db);
        return systems.Where(s => db.Requirements.Any(r => r.IsActive
            && ((r.Aspect == Aspect.Confidentiality && s.NeedConfidentiality >= r.FromLevel) || (r.Aspect == Aspect.Integrity && s.NeedIntegrity >= r.FromLevel)
                || (r.Aspect == Aspect.Availability && s.NeedAvailability >= r.FromLevel) || (r.Aspect == Aspect.Traceability && s.NeedTraceability >= r.FromLevel))
            && !db.RequirementAssessments.Any(a => a.SystemId == s.Id && a.RequirementId == r.Id)));
    }

    public async Task<Paged<SystemRow>> ListAsync(SystemFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var seesNeed = await user.HasAsync(Permissions.ClassificationsRead, cancellationToken);
        var (query, owners) = Filtered(filter, seesNeed);

        // The total of a filtered list (a gap over every system, a search) cost more than its page: kept until a record
        // it is counted from is saved.
        var total = db.CurrentOrganisationId is { } organisationId
            ? new CachedTotal(cache, TotalSources, organisationId, string.Join('|', "systems", filter.Q?.Trim().ToLowerInvariant(), filter.Unit, filter.Owner, seesNeed ? filter.Need : null, filter.Gap, Today.DayNumber))
            : null;
        var result = await Sorts.PageAsync(
            query,
            seesNeed ? page : page with { Sort = page.Sort == "need" ? null : page.Sort },
            s => new SystemRow(
                s.Id,
                s.Name,
                s.Form,
                s.UnitId,
                db.Units.Where(u => u.Id == s.UnitId).Select(u => u.Name).FirstOrDefault(),
                owners.Where(a => a.ScopeId == s.Id).OrderByDescending(a => a.ValidFrom).ThenByDescending(a => a.Id).Select(a => (Guid?)a.PersonId).FirstOrDefault(),
                owners.Where(a => a.ScopeId == s.Id).OrderByDescending(a => a.ValidFrom).ThenByDescending(a => a.Id)
                    .Select(a => db.People.Where(p => p.Id == a.PersonId).Select(p => p.Name).FirstOrDefault()).FirstOrDefault(),
                s.ImportantToOperations,
                seesNeed ? s.NeedConfidentiality : null,
                seesNeed ? s.NeedIntegrity : null,
                seesNeed ? s.NeedAvailability : null,
                seesNeed ? s.NeedTraceability : null),
            s => s.Id,
            cancellationToken,
            total);
        return result;
    }

    // What a filtered list of systems is counted from: the systems, their owners, the sets and agreements of the data
    // processing gap, the requirements and assessments of the unassessed gap.
    private static readonly Type[] TotalSources =
    [
        typeof(InformationSystem), typeof(RoleAssignment), typeof(InformationSet), typeof(InformationSetSystem), typeof(Domain.Agreements.Agreement),
        typeof(Domain.Agreements.AgreementSystem), typeof(Domain.Requirements.Requirement), typeof(Domain.Requirements.RequirementAssessment),
    ];

    /// <summary>
    /// The whole filtered and sorted list as it would be paged (capped at <see cref="Shared.Export.TableExport.MaxRows"/>),
    /// with the fields an import takes, streamed for an export.
    /// </summary>
    public async Task<(IAsyncEnumerable<SystemExportRow> Rows, bool SeesNeed)> ExportAsync(SystemFilter filter, string? sort, bool descending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var seesNeed = await user.HasAsync(Permissions.ClassificationsRead, cancellationToken);
        var (query, owners) = Filtered(filter, seesNeed);
        var rows = Sorts.Order(query, seesNeed || sort != "need" ? sort : null, descending, s => s.Id)
            .Take(Shared.Export.TableExport.MaxRows)
            .Select(s => new SystemExportRow(
                s.Name,
                s.Purpose,
                db.Units.Where(u => u.Id == s.UnitId).Select(u => u.Name).FirstOrDefault(),
                s.Form,
                s.ImportantToOperations,
                s.Hosting,
                s.Lifecycle,
                s.Supplier,
                owners.Where(a => a.ScopeId == s.Id).OrderByDescending(a => a.ValidFrom).ThenByDescending(a => a.Id)
                    .Select(a => db.People.Where(p => p.Id == a.PersonId).Select(p => p.Name).FirstOrDefault()).FirstOrDefault(),
                seesNeed ? s.NeedConfidentiality : null,
                seesNeed ? s.NeedIntegrity : null,
                seesNeed ? s.NeedAvailability : null,
                seesNeed ? s.NeedTraceability : null))
            .AsAsyncEnumerable();
        return (rows, seesNeed);
    }

    private (IQueryable<InformationSystem> Query, IQueryable<RoleAssignment> Owners) Filtered(SystemFilter filter, bool seesNeed)
    {
        var today = Today;
        var query = db.InformationSystems.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var term = filter.Q.Trim().ToLowerInvariant();
            query = query.Where(s => s.Name.ToLower().Contains(term));
        }

        if (filter.Unit is { } unit)
        {
            query = query.Where(s => s.UnitId == unit);
        }

        var owners = db.RoleAssignments.Where(a => a.Role == Role.SystemOwner && a.ScopeKind == ScopeKind.InformationSystem
            && a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today));
        if (filter.Owner is { } owner)
        {
            query = query.Where(s => owners.Any(a => a.ScopeId == s.Id && a.PersonId == owner));
        }

        if (filter.Need is { } need && seesNeed)
        {
            query = query.Where(s => s.NeedHighest >= need);
        }

        switch (filter.Gap)
        {
            case SystemGap.NoOwner:
                query = query.Where(s => !owners.Any(a => a.ScopeId == s.Id));
                break;
            case SystemGap.Unclassified:
                query = query.Where(s => s.NeedHighest == null);
                break;
            case SystemGap.ImportantUnassessed:
                query = WithUnassessedRequirements(db, query.Where(s => s.ImportantToOperations));
                break;
            case SystemGap.NoDataProcessingAgreement:
                query = Agreements.DataProcessingGap.Lacking(db, query, today);
                break;
        }

        return (query, owners);
    }

    public async Task<Outcome<SystemDetails>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.InformationSystems.AsNoTracking()
            .Where(s => s.Id == id)
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { System = s, UnitName = u.Name, u.Path })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return Outcome<SystemDetails>.NotFound();
        }

        var s = row.System;
        var seesNeed = await user.HasAsync(Permissions.ClassificationsRead, cancellationToken);
        var appointments = await db.RoleAssignments.AsNoTracking()
            .Where(a => a.Role == Role.SystemOwner && a.ScopeKind == ScopeKind.InformationSystem && a.ScopeId == id)
            .OrderByDescending(a => a.ValidFrom).ThenByDescending(a => a.Id)
            .Take(200)
            .Select(a => new
            {
                Assignment = a,
                Name = db.People.Where(p => p.Id == a.PersonId).Select(p => p.Name).FirstOrDefault(),
                By = db.People.Where(p => p.Id == a.AppointedById).Select(p => p.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var current = SystemOwnership.CurrentOwner(appointments.Select(a => a.Assignment), Today);
        var owners = appointments.Select(a => new OwnerRow(a.Assignment.Id, a.Assignment.PersonId, a.Name ?? string.Empty, a.Assignment.DecisionReference, a.Assignment.ValidFrom, a.Assignment.ValidTo, a.Assignment.AppointedById, a.By)).ToList();

        var links = await db.SystemDependencies.AsNoTracking()
            .Where(d => d.SystemId == id || d.DependsOnId == id)
            .Take(500)
            .Select(d => new { d.SystemId, d.DependsOnId, Name = db.InformationSystems.Where(x => x.Id == (d.SystemId == id ? d.DependsOnId : d.SystemId)).Select(x => x.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);

        var sets = await db.InformationSetSystems.AsNoTracking()
            .Where(h => h.SystemId == id)
            .Join(db.InformationSets, h => h.SetId, x => x.Id, (h, x) => x)
            .OrderBy(x => x.Name)
            .Take(500)
            .Select(x => new
            {
                x.Id,
                x.Name,
                // Column by column, each found by the set's index (see InformationSetQueries.ListAsync).
                K = db.Classifications.Where(c => c.SetId == x.Id && c.IsCurrent).Select(c => (ConsequenceLevel?)c.Confidentiality).FirstOrDefault(),
                R = db.Classifications.Where(c => c.SetId == x.Id && c.IsCurrent).Select(c => (ConsequenceLevel?)c.Integrity).FirstOrDefault(),
                T = db.Classifications.Where(c => c.SetId == x.Id && c.IsCurrent).Select(c => (ConsequenceLevel?)c.Availability).FirstOrDefault(),
                S = db.Classifications.Where(c => c.SetId == x.Id && c.IsCurrent).Select(c => (ConsequenceLevel?)c.Traceability).FirstOrDefault(),
                ValidUntil = db.Classifications.Where(c => c.SetId == x.Id && c.IsCurrent).Select(c => (DateOnly?)c.ValidUntil).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var today = Today;
        var held = sets.Select(x => new HeldSet(
            x.Id,
            x.Name,
            seesNeed && x.K is { } k ? new ProtectionNeed(k, x.R!.Value, x.T!.Value, x.S!.Value).ToString() : null,
            !seesNeed || x.ValidUntil is not { } until ? ClassificationState.Never : until < today ? ClassificationState.Stale : ClassificationState.Valid)).ToList();

        return Outcome<SystemDetails>.Ok(new SystemDetails(
            s.Id,
            s.Name,
            s.Purpose,
            s.UnitId,
            row.UnitName,
            s.Form,
            s.ImportantToOperations,
            s.Hosting,
            s.Lifecycle,
            s.Supplier,
            s.Version,
            seesNeed ? s.ProtectionNeed?.ToString() : null,
            current is null ? null : owners.First(o => o.AssignmentId == current.Id),
            owners,
            [.. links.Where(l => l.SystemId == id).Select(l => new SystemLink(l.DependsOnId, l.Name ?? string.Empty)).OrderBy(l => l.Name, StringComparer.CurrentCulture)],
            [.. links.Where(l => l.DependsOnId == id).Select(l => new SystemLink(l.SystemId, l.Name ?? string.Empty)).OrderBy(l => l.Name, StringComparer.CurrentCulture)],
            held)
        {
            UnitPath = row.Path,
        });
    }

    /// <summary>The system with its unit's path, tracked, for the handlers; null when not in this organisation.</summary>
    public async Task<(InformationSystem System, string UnitPath)?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.InformationSystems
            .Where(s => s.Id == id)
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { System = s, u.Path })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.System, row.Path);
    }

    /// <summary>How many systems a form's system list offers besides those chosen.</summary>
    public const int PickerSize = 50;

    /// <summary>
    /// The systems a form's system list offers (decision 36): those already chosen, and those whose name holds the search
    /// words, at most <see cref="PickerSize"/>, by name. Without search words, the first by name, kept until a system is
    /// saved. A form of the largest municipality used to carry every one of its thousands of systems.
    /// </summary>
    public async Task<IReadOnlyList<SystemLink>> PickAsync(string? search, IReadOnlyCollection<Guid>? chosen, CancellationToken cancellationToken)
    {
        if (db.CurrentOrganisationId is not { } organisationId)
        {
            return [];
        }

        var words = search?.Trim().ToLowerInvariant();
        var found = string.IsNullOrEmpty(words)
            ? await cache.GetOrCreateAsync(typeof(InformationSystem), "system-picker", organisationId, async () =>
                (await db.InformationSystems.AsNoTracking().OrderBy(s => s.Name).Take(PickerSize).Select(s => new SystemLink(s.Id, s.Name)).ToListAsync(cancellationToken)).ToArray())
            : [.. await db.InformationSystems.AsNoTracking().Where(s => s.Name.ToLower().Contains(words)).OrderBy(s => s.Name).Take(PickerSize).Select(s => new SystemLink(s.Id, s.Name)).ToListAsync(cancellationToken)];
        var missing = (chosen ?? []).Except(found.Select(s => s.Id)).ToList();
        if (missing.Count == 0)
        {
            return found;
        }

        var named = await db.InformationSystems.AsNoTracking().Where(s => missing.Contains(s.Id)).Select(s => new SystemLink(s.Id, s.Name)).ToListAsync(cancellationToken);
        return [.. found.Concat(named).OrderBy(s => s.Name, StringComparer.CurrentCulture)];
    }
}
