using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Documents;
using Tillit.Web.Infrastructure.Audit;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Deviations;

public sealed record DeviationRow(
    Guid Id,
    Guid DocumentId,
    string? DocumentTitle,
    Guid UnitId,
    string? UnitName,
    string Requirement,
    DeviationStatus Status,
    DateOnly RequestedOn,
    DateOnly ExpiresOn,
    bool Expired);

public sealed record DeviationDetails(
    Guid Id,
    Guid DocumentId,
    string? DocumentTitle,
    Guid UnitId,
    string? UnitName,
    string Requirement,
    string Reason,
    string? CompensatingMeasures,
    DeviationStatus Status,
    DateOnly ExpiresOn,
    bool Expired,
    Guid RequestedById,
    string? RequestedByName,
    DateOnly RequestedOn,
    string? AssessedByName,
    DateOnly? AssessedOn,
    bool? Recommended,
    string? Assessment,
    string? DecidedByName,
    DateOnly? DecidedOn,
    string? DecisionReference,
    string? DecisionComment,
    DateOnly? EndedOn,
    int Version);

/// <summary>Filters of the deviation list: a status, or only the approved ones past their expiry (the gap).</summary>
public sealed record DeviationFilter(DeviationStatus? Status, bool Expired);

/// <summary>
/// Reads deviations within the reader's scope (a manager: the units of their appointment). A
/// deviation names a rule a unit does not follow, so every read and list is in the audit trail.
/// </summary>
public sealed class DeviationQueries(TillitDbContext db, CurrentUser user, AuditTrail trail, TimeProvider clock, Infrastructure.OrganisationCache cache)
{
    public static readonly IReadOnlyList<string> SortNames = ["expires", "requested", "status"];

    private static readonly SortColumns<Deviation> Sorts = new SortColumns<Deviation>("expires")
        .Add("expires", d => d.ExpiresOn)
        .Add("requested", d => d.RequestedOn)
        .Add("status", d => d.Status);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static bool IsAllowedSort(string? sort) => Sorts.IsAllowed(sort);

    public async Task<Paged<DeviationRow>> ListAsync(DeviationFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var today = Today;
        var query = await WithinScopeAsync(Permissions.DeviationsRead, cancellationToken);
        if (filter.Expired)
        {
            query = query.Where(d => d.Status == DeviationStatus.Approved && d.ExpiresOn < today);
        }
        else if (filter.Status is { } status)
        {
            query = query.Where(d => d.Status == status);
        }

        var result = await Sorts.PageAsync(
            query,
            page,
            d => new DeviationRow(
                d.Id,
                d.DocumentId,
                db.Documents.Where(x => x.Id == d.DocumentId).Select(x => x.Title).FirstOrDefault(),
                d.UnitId,
                db.Units.Where(u => u.Id == d.UnitId).Select(u => u.Name).FirstOrDefault(),
                d.Requirement,
                d.Status,
                d.RequestedOn,
                d.ExpiresOn,
                d.Status == DeviationStatus.Approved && d.ExpiresOn < today),
            d => d.Id,
            cancellationToken);
        await trail.RecordListAsync(AuditTrail.Protected.Deviation, $"status={filter.Status};expired={filter.Expired};page={page.SafePage};sort={page.Sort}", result.Items.Count);
        return result;
    }

    /// <summary>Approved deviations past their expiry in the reader's scope: a gap on the start page.</summary>
    public async Task<int> ExpiredCountAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        if (await user.UnitScopeAsync(Permissions.DeviationsRead, cancellationToken) is null && db.CurrentOrganisationId is { } organisationId)
        {
            // The organisation-wide count is the same for every such reader: kept for the day until a deviation is saved.
            var count = await cache.GetOrCreateAsync(typeof(Deviation), "expired-deviations|" + today.DayNumber, organisationId, async () =>
                new System.Runtime.CompilerServices.StrongBox<int>(await db.Deviations.CountAsync(d => d.Status == DeviationStatus.Approved && d.ExpiresOn < today, cancellationToken)));
            return count.Value;
        }

        return await (await WithinScopeAsync(Permissions.DeviationsRead, cancellationToken))
            .CountAsync(d => d.Status == DeviationStatus.Approved && d.ExpiresOn < today, cancellationToken);
    }

    /// <summary>The deviation, NotFound when not in this organisation or outside the reader's scope.</summary>
    public async Task<Outcome<DeviationDetails>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var today = Today;
        var found = await (await WithinScopeAsync(Permissions.DeviationsRead, cancellationToken))
            .Where(d => d.Id == id)
            .Select(d => new DeviationDetails(
                d.Id,
                d.DocumentId,
                db.Documents.Where(x => x.Id == d.DocumentId).Select(x => x.Title).FirstOrDefault(),
                d.UnitId,
                db.Units.Where(u => u.Id == d.UnitId).Select(u => u.Name).FirstOrDefault(),
                d.Requirement,
                d.Reason,
                d.CompensatingMeasures,
                d.Status,
                d.ExpiresOn,
                d.Status == DeviationStatus.Approved && d.ExpiresOn < today,
                d.RequestedById,
                db.People.Where(p => p.Id == d.RequestedById).Select(p => p.Name).FirstOrDefault(),
                d.RequestedOn,
                db.People.Where(p => p.Id == d.AssessedById).Select(p => p.Name).FirstOrDefault(),
                d.AssessedOn,
                d.Recommended,
                d.Assessment,
                db.People.Where(p => p.Id == d.DecidedById).Select(p => p.Name).FirstOrDefault(),
                d.DecidedOn,
                d.DecisionReference,
                d.DecisionComment,
                d.EndedOn,
                d.Version))
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return Outcome<DeviationDetails>.NotFound();
        }

        // Recorded durably before the deviation leaves the server.
        await trail.RecordReadAsync(AuditTrail.Protected.Deviation, id);
        return Outcome<DeviationDetails>.Ok(found);
    }

    /// <summary>The deviations of the units within the scope of <paramref name="permission"/>.</summary>
    internal async Task<IQueryable<Deviation>> WithinScopeAsync(string permission, CancellationToken cancellationToken)
    {
        var query = db.Deviations.AsNoTracking();
        var scope = await user.UnitScopeAsync(permission, cancellationToken);
        if (scope is not null)
        {
            var units = db.Units.WithinScope(scope).Select(u => u.Id);
            query = query.Where(d => units.Contains(d.UnitId));
        }

        return query;
    }

    /// <summary>Whether <paramref name="permission"/> holds for the unit (organisation-wide or by a unit scope covering it).</summary>
    internal async Task<bool> CoversAsync(string permission, Guid unitId, CancellationToken cancellationToken)
    {
        var scope = await user.UnitScopeAsync(permission, cancellationToken);
        return scope is null || (scope.Count > 0 && await db.Units.WithinScope(scope).AnyAsync(u => u.Id == unitId, cancellationToken));
    }
}
