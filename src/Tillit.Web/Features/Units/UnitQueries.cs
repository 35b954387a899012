using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Organisations;
using Tillit.Web.Infrastructure;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Units;

public sealed record UnitRow(Guid Id, string Name, UnitKind Kind, Guid? ParentId, string? ParentName, int People);

public sealed record UnitDetails(Guid Id, string Name, UnitKind Kind, Guid? ParentId, string? ParentName, int Version, IReadOnlyList<UnitRow> Children, int People);

/// <summary>Lists and reads units, limited to the units the user's scope covers.</summary>
public sealed class UnitQueries(TillitDbContext db, CurrentUser user, IAuthorizationService authorization, IHttpContextAccessor http, PeopleCountQueries peopleCounts, OrganisationCache cache)
{
    public static readonly SortColumns<Unit> Sorts = new SortColumns<Unit>("name")
        .Add("name", u => u.Name)
        .Add("kind", u => u.Kind)
        .Add("path", u => u.Path);

    public async Task<Paged<UnitRow>> ListAsync(string? search, UnitKind? kind, PageRequest page, CancellationToken cancellationToken)
    {
        var scope = await user.UnitScopeAsync(Permissions.UnitsRead, cancellationToken);
        var query = db.Units.AsNoTracking().WithinScope(scope);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(u => u.Name.Contains(term));
        }

        if (kind is not null)
        {
            query = query.Where(u => u.Kind == kind);
        }

        var rows = await Sorts.PageAsync(
            query,
            page,
            u => new UnitRow(u.Id, u.Name, u.Kind, u.ParentId, db.Units.Where(p => p.Id == u.ParentId).Select(p => p.Name).FirstOrDefault(), 0),
            u => u.Id,
            cancellationToken);
        var people = await peopleCounts.PerUnitAsync(cancellationToken);
        return rows with { Items = [.. rows.Items.Select(r => r with { People = people.GetValueOrDefault(r.Id) })] };
    }

    /// <summary>The unit, or NotFound when it does not exist in this organisation, Forbidden when outside the scope.</summary>
    public async Task<Outcome<UnitDetails>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, cancellationToken);
        if (found.Value is not { } unit)
        {
            return found.Kind == OutcomeKind.Forbidden ? Outcome<UnitDetails>.Forbidden() : Outcome<UnitDetails>.NotFound();
        }

        var people = await peopleCounts.PerUnitAsync(cancellationToken);
        var children = await db.Units.AsNoTracking()
            .Where(u => u.ParentId == id)
            .OrderBy(u => u.Name)
            .Take(500)
            .Select(u => new UnitRow(u.Id, u.Name, u.Kind, u.ParentId, null, 0))
            .ToListAsync(cancellationToken);
        var parent = unit.ParentId is { } parentId
            ? await db.Units.AsNoTracking().Where(p => p.Id == parentId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        return Outcome<UnitDetails>.Ok(new UnitDetails(
            unit.Id,
            unit.Name,
            unit.Kind,
            unit.ParentId,
            parent,
            unit.Version,
            [.. children.Select(c => c with { People = people.GetValueOrDefault(c.Id) })],
            people.GetValueOrDefault(unit.Id)));
    }

    /// <summary>The unit alone, as the edit form needs it; NotFound or Forbidden as for <see cref="GetAsync"/>.</summary>
    public async Task<Outcome<Unit>> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return Outcome<Unit>.NotFound();
        }

        var check = await authorization.AuthorizeAsync(http.HttpContext!.User, unit, new PermissionRequirement(Permissions.UnitsRead));
        return check.Succeeded ? Outcome<Unit>.Ok(unit) : Outcome<Unit>.Forbidden();
    }

    /// <summary>Units for a choice list (parent unit, a person's unit), in tree order, capped.</summary>
    public Task<IReadOnlyList<(Guid Id, string Name, int Depth)>> ChoicesAsync(CancellationToken cancellationToken) =>
        CachedChoicesAsync(db, cache, null, cancellationToken);

    /// <summary>
    /// The units within a scope (null: all) in tree order, capped at 2,000. Every form and filter with a
    /// unit field lists all of them (400 in the large municipality, a third of such a page's cost), so
    /// the list is kept in the <see cref="OrganisationCache"/> until a unit is saved.
    /// </summary>
    public static async Task<IReadOnlyList<(Guid Id, string Name, int Depth)>> CachedChoicesAsync(TillitDbContext db, OrganisationCache cache, IReadOnlyList<string>? scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cache);
        if (db.CurrentOrganisationId is not { } organisationId)
        {
            return [];
        }

        return await cache.GetOrCreateAsync(typeof(Unit), "unit-choices|" + (scope is null ? "*" : string.Join(';', scope)), organisationId, async () =>
        {
            var rows = await db.Units.AsNoTracking().WithinScope(scope).OrderBy(u => u.Path).Take(2000).Select(u => new { u.Id, u.Name, u.Path }).ToListAsync(cancellationToken);
            return rows.Select(r => (r.Id, r.Name, r.Path.AsSpan().Count('/') - 2)).ToArray();
        });
    }
}
