using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Register;
using Tillit.Web.Features.Systems;
using Tillit.Web.Infrastructure.Audit;
using Tillit.Web.Security;

namespace Tillit.Web.Features.InformationSets;

/// <param name="Q">Part of the name.</param>
/// <param name="Unit">The owning unit's id.</param>
/// <param name="System">A system that holds the set.</param>
/// <param name="State">Never classified, valid or stale (needs classifications.read).</param>
public sealed record SetFilter(string? Q = null, Guid? Unit = null, Guid? System = null, ClassificationState? State = null);

public sealed record SetRow(Guid Id, string Name, Guid OwningUnitId, string? UnitName, PersonalData PersonalData, int Systems, ClassificationState? State, string? ProtectionNeed);

/// <summary>A row of the export of the register of sets.</summary>
public sealed record SetExportRow(string Name, string? Description, string? UnitName, PersonalData PersonalData, string? SecrecyReference, int Systems, ClassificationState? State, string? ProtectionNeed, DateOnly? ValidUntil);

public sealed record ClassificationRow(
    Guid Id,
    ConsequenceLevel Confidentiality,
    ConsequenceLevel Integrity,
    ConsequenceLevel Availability,
    ConsequenceLevel Traceability,
    string ConfidentialityMotivation,
    string IntegrityMotivation,
    string AvailabilityMotivation,
    string TraceabilityMotivation,
    string Participants,
    Guid ApprovedById,
    string? ApprovedByName,
    DateOnly ClassifiedOn,
    DateOnly ValidUntil,
    bool IsCurrent)
{
    public string ProtectionNeed => Levels.ToString();

    public bool NeedsSeparateAnalysis => Levels.NeedsSeparateAnalysis;

    [System.Text.Json.Serialization.JsonIgnore]
    public ProtectionNeed Levels => new(Confidentiality, Integrity, Availability, Traceability);
}

/// <summary>A set's details. <see cref="Classification"/> and <see cref="History"/> are empty for a reader without classifications.read.</summary>
public sealed record SetDetails(
    Guid Id,
    string Name,
    string? Description,
    Guid OwningUnitId,
    string UnitName,
    PersonalData PersonalData,
    string? SecrecyReference,
    bool ProtectiveSecurity,
    int Version,
    IReadOnlyList<SystemLink> Systems,
    bool ClassificationVisible,
    ClassificationState? State,
    ClassificationRow? Classification,
    IReadOnlyList<ClassificationRow> History);

/// <summary>
/// Reads the register of information sets. The sets themselves are open to every signed-in person;
/// their classifications are protected records: only classifications.read sees them, and every read
/// is in the audit trail before the page is sent.
/// </summary>
public sealed class InformationSetQueries(TillitDbContext db, CurrentUser user, TimeProvider clock, AuditTrail trail, Infrastructure.OrganisationCache cache)
{
    public const string ProtectedType = "Classification";

    public static readonly SortColumns<InformationSet> Sorts = new SortColumns<InformationSet>("name")
        .Add("name", s => s.Name)
        .Add("personaldata", s => s.PersonalData);

    private static readonly Type[] TotalSources = [typeof(InformationSet), typeof(Classification), typeof(InformationSetSystem)];

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Paged<SetRow>> ListAsync(SetFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var sees = await user.HasAsync(Permissions.ClassificationsRead, cancellationToken);
        var today = Today;
        var (query, current) = Filtered(filter, sees, today);

        // Counting the sets never classified or out of date looks up each of the 25,000 sets of the largest
        // municipality: the total is kept until a set, a classification or a holding is saved.
        var total = db.CurrentOrganisationId is { } organisationId
            ? new Features.CachedTotal(cache, TotalSources, organisationId, string.Join('|', "sets", filter.Q?.Trim().ToLowerInvariant(), filter.Unit, filter.System, sees ? filter.State : null, today.DayNumber))
            : null;
        var result = await Sorts.PageAsync(
            query,
            page,
            s => new
            {
                s.Id,
                s.Name,
                s.OwningUnitId,
                UnitName = db.Units.Where(u => u.Id == s.OwningUnitId).Select(u => u.Name).FirstOrDefault(),
                s.PersonalData,
                Systems = db.InformationSetSystems.Count(h => h.SetId == s.Id),
                // Column by column: SQLite has no lateral join, so a subquery of several columns becomes a window over
                // every classification of the organisation; each of these finds its row by the set's index.
                K = sees ? current.Where(c => c.SetId == s.Id).Select(c => (ConsequenceLevel?)c.Confidentiality).FirstOrDefault() : null,
                R = sees ? current.Where(c => c.SetId == s.Id).Select(c => (ConsequenceLevel?)c.Integrity).FirstOrDefault() : null,
                T = sees ? current.Where(c => c.SetId == s.Id).Select(c => (ConsequenceLevel?)c.Availability).FirstOrDefault() : null,
                S = sees ? current.Where(c => c.SetId == s.Id).Select(c => (ConsequenceLevel?)c.Traceability).FirstOrDefault() : null,
                ValidUntil = sees ? current.Where(c => c.SetId == s.Id).Select(c => (DateOnly?)c.ValidUntil).FirstOrDefault() : null,
            },
            s => s.Id,
            cancellationToken,
            total);
        var rows = result.Items.Select(r => new SetRow(
            r.Id,
            r.Name,
            r.OwningUnitId,
            r.UnitName,
            r.PersonalData,
            r.Systems,
            !sees ? null : r.ValidUntil is not { } until ? ClassificationState.Never : until < today ? ClassificationState.Stale : ClassificationState.Valid,
            r.K is { } k ? new ProtectionNeed(k, r.R!.Value, r.T!.Value, r.S!.Value).ToString() : null)).ToList();
        if (sees)
        {
            await trail.RecordListAsync(ProtectedType, $"q={filter.Q};unit={filter.Unit};system={filter.System};state={filter.State};page={page.SafePage}", rows.Count);
        }

        return new Paged<SetRow>(rows, result.Total, result.Page, result.Size, result.Sort, result.Descending);
    }

    /// <summary>The whole filtered and sorted list (capped), streamed for an export; classification columns only for readers of classifications.</summary>
    public async Task<(IAsyncEnumerable<SetExportRow> Rows, bool Sees)> ExportAsync(SetFilter filter, string? sort, bool descending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var sees = await user.HasAsync(Permissions.ClassificationsRead, cancellationToken);
        var today = Today;
        var (query, current) = Filtered(filter, sees, today);
        var rows = Sorts.Order(query, sort, descending, s => s.Id)
            .Take(Shared.Export.TableExport.MaxRows)
            .Select(s => new
            {
                s.Name,
                s.Description,
                UnitName = db.Units.Where(u => u.Id == s.OwningUnitId).Select(u => u.Name).FirstOrDefault(),
                s.PersonalData,
                s.SecrecyReference,
                Systems = db.InformationSetSystems.Count(h => h.SetId == s.Id),
                // Column by column: SQLite has no lateral join, so a subquery of several columns becomes a window over
                // every classification of the organisation; each of these finds its row by the set's index.
                K = sees ? current.Where(c => c.SetId == s.Id).Select(c => (ConsequenceLevel?)c.Confidentiality).FirstOrDefault() : null,
                R = sees ? current.Where(c => c.SetId == s.Id).Select(c => (ConsequenceLevel?)c.Integrity).FirstOrDefault() : null,
                T = sees ? current.Where(c => c.SetId == s.Id).Select(c => (ConsequenceLevel?)c.Availability).FirstOrDefault() : null,
                S = sees ? current.Where(c => c.SetId == s.Id).Select(c => (ConsequenceLevel?)c.Traceability).FirstOrDefault() : null,
                ValidUntil = sees ? current.Where(c => c.SetId == s.Id).Select(c => (DateOnly?)c.ValidUntil).FirstOrDefault() : null,
            })
            .AsAsyncEnumerable()
            .Select(r => new SetExportRow(
                r.Name,
                r.Description,
                r.UnitName,
                r.PersonalData,
                r.SecrecyReference,
                r.Systems,
                !sees ? null : r.ValidUntil is not { } until ? ClassificationState.Never : until < today ? ClassificationState.Stale : ClassificationState.Valid,
                r.K is { } k ? new ProtectionNeed(k, r.R!.Value, r.T!.Value, r.S!.Value).ToString() : null,
                r.ValidUntil));
        return (rows, sees);
    }

    private (IQueryable<InformationSet> Query, IQueryable<Classification> Current) Filtered(SetFilter filter, bool sees, DateOnly today)
    {
        var query = db.InformationSets.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var term = filter.Q.Trim().ToLowerInvariant();
            query = query.Where(s => s.Name.ToLower().Contains(term));
        }

        if (filter.Unit is { } unit)
        {
            query = query.Where(s => s.OwningUnitId == unit);
        }

        if (filter.System is { } system)
        {
            query = query.Where(s => db.InformationSetSystems.Any(h => h.SetId == s.Id && h.SystemId == system));
        }

        var current = db.Classifications.Where(c => c.IsCurrent);
        if (sees)
        {
            query = filter.State switch
            {
                ClassificationState.Never => query.Where(s => !current.Any(c => c.SetId == s.Id)),
                ClassificationState.Stale => query.Where(s => current.Any(c => c.SetId == s.Id && c.ValidUntil < today)),
                ClassificationState.Valid => query.Where(s => current.Any(c => c.SetId == s.Id && c.ValidUntil >= today)),
                _ => query,
            };
        }

        return (query, current);
    }

    public async Task<Outcome<SetDetails>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.InformationSets.AsNoTracking()
            .Where(s => s.Id == id)
            .Join(db.Units, s => s.OwningUnitId, u => u.Id, (s, u) => new { Set = s, UnitName = u.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return Outcome<SetDetails>.NotFound();
        }

        var s = row.Set;
        var systems = await db.InformationSetSystems.AsNoTracking()
            .Where(h => h.SetId == id)
            .Join(db.InformationSystems, h => h.SystemId, x => x.Id, (h, x) => x)
            .OrderBy(x => x.Name)
            .Take(500)
            .Select(x => new SystemLink(x.Id, x.Name))
            .ToListAsync(cancellationToken);
        var sees = await user.HasAsync(Permissions.ClassificationsRead, cancellationToken);
        IReadOnlyList<ClassificationRow> all = [];
        if (sees)
        {
            all = await db.Classifications.AsNoTracking()
                .Where(c => c.SetId == id)
                .OrderByDescending(c => c.IsCurrent).ThenByDescending(c => c.ClassifiedOn).ThenByDescending(c => c.Id)
                .Take(100)
                .Select(c => new ClassificationRow(
                    c.Id, c.Confidentiality, c.Integrity, c.Availability, c.Traceability,
                    c.ConfidentialityMotivation, c.IntegrityMotivation, c.AvailabilityMotivation, c.TraceabilityMotivation,
                    c.Participants, c.ApprovedById, db.People.Where(p => p.Id == c.ApprovedById).Select(p => p.Name).FirstOrDefault(),
                    c.ClassifiedOn, c.ValidUntil, c.IsCurrent))
                .ToListAsync(cancellationToken);

            // Recorded durably before the classification leaves the server.
            await trail.RecordReadAsync(ProtectedType, id);
        }

        var currentRow = all.FirstOrDefault(c => c.IsCurrent);
        var state = !sees ? (ClassificationState?)null : currentRow is null ? ClassificationState.Never : currentRow.ValidUntil < Today ? ClassificationState.Stale : ClassificationState.Valid;
        return Outcome<SetDetails>.Ok(new SetDetails(
            s.Id, s.Name, s.Description, s.OwningUnitId, row.UnitName, s.PersonalData, s.SecrecyReference, s.ProtectiveSecurity, s.Version,
            systems, sees, state, currentRow, [.. all.Where(c => !c.IsCurrent)]));
    }

    /// <summary>
    /// Whether the user may classify the set: classifications.manage for one of the systems that hold
    /// it (a system owner's own systems), or for the organisation.
    /// </summary>
    public async Task<bool> MayClassifyAsync(Guid setId, CancellationToken cancellationToken)
    {
        if (await user.HasOrganisationWideAsync(Permissions.ClassificationsManage, cancellationToken))
        {
            return true;
        }

        var own = await user.SystemScopesAsync(Permissions.ClassificationsManage, cancellationToken);
        var units = await user.UnitScopeAsync(Permissions.ClassificationsManage, cancellationToken) ?? [];
        if (own.Count == 0 && units.Count == 0)
        {
            return false;
        }

        var holders = await db.InformationSetSystems.AsNoTracking()
            .Where(h => h.SetId == setId)
            .Join(db.InformationSystems, h => h.SystemId, x => x.Id, (h, x) => x.UnitId)
            .Join(db.Units, unitId => unitId, u => u.Id, (unitId, u) => new { u.Path })
            .ToListAsync(cancellationToken);
        var systemIds = await db.InformationSetSystems.AsNoTracking().Where(h => h.SetId == setId).Select(h => h.SystemId).ToListAsync(cancellationToken);
        return systemIds.Any(own.Contains) || holders.Any(h => units.Any(p => h.Path.StartsWith(p, StringComparison.Ordinal)));
    }

    /// <summary>The organisation's validity in months for a new classification.</summary>
    public async Task<int> ValidityMonthsAsync(CancellationToken cancellationToken) =>
        await db.Organisations.Where(o => o.Id == db.CurrentOrganisationId).Select(o => o.ClassificationValidityMonths).FirstOrDefaultAsync(cancellationToken) is var m and > 0
            ? m
            : Classification.DefaultValidityMonths;
}
