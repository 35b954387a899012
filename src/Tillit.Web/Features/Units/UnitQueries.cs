using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Organisations;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Units;

public sealed record UnitRow(Guid Id, string Name, UnitKind Kind, Guid? ParentId, string? ParentName, int People);

public sealed record UnitDetails(Guid Id, string Name, UnitKind Kind, Guid? ParentId, string? ParentName, int Version, IReadOnlyList<UnitRow> Children, int People);

/// <summary>Lists and reads units, limited to the units the user's scope covers.</summary>
public sealed class UnitQueries(TillitDbContext db, CurrentUser user, IAuthorizationService authorization, IHttpContextAccessor http)
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

        return await Sorts.PageAsync(
            query,
            page,
            u => new UnitRow(u.Id, u.Name, u.Kind, u.ParentId, db.Units.Where(p => p.Id == u.ParentId).Select(p => p.Name).FirstOrDefault(), db.People.Count(p => p.UnitId == u.Id)),
            u => u.Id,
            cancellationToken);
    }

    /// <summary>The unit, or NotFound when it does not exist in this organisation, Forbidden when outside the scope.</summary>
    public async Task<Outcome<UnitDetails>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return Outcome<UnitDetails>.NotFound();
        }

        var check = await authorization.AuthorizeAsync(http.HttpContext!.User, unit, new PermissionRequirement(Permissions.UnitsRead));
        if (!check.Succeeded)
        {
            return Outcome<UnitDetails>.Forbidden();
        }

        var children = await db.Units.AsNoTracking()
            .Where(u => u.ParentId == id)
            .OrderBy(u => u.Name)
            .Take(500)
            .Select(u => new UnitRow(u.Id, u.Name, u.Kind, u.ParentId, null, db.People.Count(p => p.UnitId == u.Id)))
            .ToListAsync(cancellationToken);
        var extra = await db.Units.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new { Parent = db.Units.Where(p => p.Id == u.ParentId).Select(p => p.Name).FirstOrDefault(), People = db.People.Count(p => p.UnitId == u.Id) })
            .FirstAsync(cancellationToken);
        return Outcome<UnitDetails>.Ok(new UnitDetails(unit.Id, unit.Name, unit.Kind, unit.ParentId, extra.Parent, unit.Version, children, extra.People));
    }

    /// <summary>Units for a choice list (parent unit, a person's unit), in tree order, capped.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name, int Depth)>> ChoicesAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Units.AsNoTracking().OrderBy(u => u.Path).Take(2000).Select(u => new { u.Id, u.Name, u.Path }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.Name, r.Path.Count(c => c == '/') - 2)).ToList();
    }
}
