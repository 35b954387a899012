using System.Linq.Expressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Access;
using Tillit.Web.Features.People;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Roles;

public enum AssignmentStatus
{
    Active,
    Upcoming,
    Ended,
}

/// <summary>One appointment as lists and the API show it; names of the person, the unit and the appointer included.</summary>
public sealed record AssignmentRow(
    Guid Id,
    Guid PersonId,
    string? PersonName,
    Role Role,
    ScopeKind ScopeKind,
    Guid? ScopeId,
    string? ScopeName,
    Guid? AppointedById,
    string? AppointedByName,
    string? DecisionReference,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    AssignmentStatus Status,
    int Version);

/// <summary>A person offered when choosing whom to appoint.</summary>
public sealed record PersonChoice(Guid Id, string Name, string Email, string? UnitName);

/// <summary>
/// Lists and reads role assignments. A reader whose permission holds for some units only sees the
/// appointments of the people in those units; every list is one count and one page query.
/// </summary>
public sealed class RoleAssignmentQueries(TillitDbContext db, CurrentUser user, IAuthorizationService authorization, IHttpContextAccessor http, TimeProvider clock, Infrastructure.Audit.AuditTrail trail, Infrastructure.OrganisationCache cache)
{
    public const int ChoiceLimit = 20;

    public static readonly IReadOnlyList<string> SortNames = ["validFrom", "validTo", "role", "person"];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static bool IsAllowedSort(string? sort) => sort is null || SortNames.Contains(sort, StringComparer.OrdinalIgnoreCase);

    public async Task<Paged<AssignmentRow>> ListAsync(Role? role, AssignmentStatus? status, Guid? personId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var query = await VisibleAsync(Permissions.RolesRead, cancellationToken);
        if (role is { } r)
        {
            query = query.Where(a => a.Role == r);
        }

        if (personId is { } pid)
        {
            query = query.Where(a => a.PersonId == pid);
        }

        var today = Today;
        query = status switch
        {
            AssignmentStatus.Active => query.Where(a => a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today)),
            AssignmentStatus.Upcoming => query.Where(a => a.ValidFrom > today),
            AssignmentStatus.Ended => query.Where(a => a.ValidTo != null && a.ValidTo < today),
            _ => query,
        };

        // The total is kept until an appointment (or, for a reader limited to some units, a person or unit) is saved.
        var scope = await user.UnitScopeAsync(Permissions.RolesRead, cancellationToken);
        var total = db.CurrentOrganisationId is { } organisationId
            ? new CachedTotal(
                cache,
                scope is null ? [typeof(RoleAssignment)] : [typeof(RoleAssignment), typeof(Domain.Organisations.Person), typeof(Domain.Organisations.Unit)],
                organisationId,
                $"roles|{(scope is null ? "*" : string.Join(';', scope))}|{role}|{status}|{personId}|{today:yyyy-MM-dd}")
            : null;
        var result = await Sorts().PageAsync(query, page, Row(db, today), a => a.Id, cancellationToken, total);
        await trail.RecordListAsync(Infrastructure.Audit.AuditTrail.Protected.RoleAssignment, $"role={role};status={status};person={personId};page={page.SafePage};sort={page.Sort}", result.Items.Count);
        return result;
    }

    /// <summary>The appointment, or NotFound when it is not in this organisation, Forbidden when its person is outside the scope.</summary>
    public async Task<Outcome<AssignmentRow>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await db.RoleAssignments.AsNoTracking()
            .Where(a => a.Id == id)
            .Join(db.People, a => a.PersonId, p => p.Id, (a, p) => new { Person = p, UnitPath = db.Units.Where(u => u.Id == p.UnitId).Select(u => u.Path).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return Outcome<AssignmentRow>.NotFound();
        }

        var check = await authorization.AuthorizeAsync(http.HttpContext!.User, new PersonResource(found.Person, found.UnitPath ?? string.Empty), new PermissionRequirement(Permissions.RolesRead));
        if (!check.Succeeded)
        {
            return Outcome<AssignmentRow>.Forbidden();
        }

        var row = await db.RoleAssignments.AsNoTracking().Where(a => a.Id == id).Select(Row(db, Today)).FirstAsync(cancellationToken);
        await trail.RecordReadAsync(Infrastructure.Audit.AuditTrail.Protected.RoleAssignment, id);
        return Outcome<AssignmentRow>.Ok(row);
    }

    /// <summary>A person's appointments, newest first, capped: the history on the person's page.</summary>
    public async Task<IReadOnlyList<AssignmentRow>> ForPersonAsync(Guid personId, CancellationToken cancellationToken) =>
        await db.RoleAssignments.AsNoTracking()
            .Where(a => a.PersonId == personId)
            .OrderByDescending(a => a.ValidFrom).ThenBy(a => a.Id)
            .Take(200)
            .Select(Row(db, Today))
            .ToListAsync(cancellationToken);

    /// <summary>People the user may appoint, matching a name or e-mail; at most <see cref="ChoiceLimit"/>.</summary>
    public async Task<IReadOnlyList<PersonChoice>> PersonChoicesAsync(string? search, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return [];
        }

        var people = await PeopleWithinAsync(Permissions.RolesAssign, cancellationToken);
        return await people
            .StartingWith(db.CurrentOrganisationId ?? Guid.Empty, search)
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Take(ChoiceLimit)
            .Select(p => new PersonChoice(p.Id, p.Name, p.Email, db.Units.Where(u => u.Id == p.UnitId).Select(u => u.Name).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }

    /// <summary>One person as a choice (the form of an appointment shows whom it is for), or null.</summary>
    public Task<PersonChoice?> PersonChoiceAsync(Guid personId, CancellationToken cancellationToken) =>
        db.People.AsNoTracking()
            .Where(p => p.Id == personId)
            .Select(p => new PersonChoice(p.Id, p.Name, p.Email, db.Units.Where(u => u.Id == p.UnitId).Select(u => u.Name).FirstOrDefault()))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The row shape, with names looked up in the same SQL statement (no query per row).</summary>
    internal static Expression<Func<RoleAssignment, AssignmentRow>> Row(TillitDbContext db, DateOnly today) =>
        a => new AssignmentRow(
            a.Id,
            a.PersonId,
            db.People.Where(p => p.Id == a.PersonId).Select(p => p.Name).FirstOrDefault(),
            a.Role,
            a.ScopeKind,
            a.ScopeId,
            a.ScopeKind == ScopeKind.Unit ? db.Units.Where(u => u.Id == a.ScopeId).Select(u => u.Name).FirstOrDefault() : null,
            a.AppointedById,
            db.People.Where(p => p.Id == a.AppointedById).Select(p => p.Name).FirstOrDefault(),
            a.DecisionReference,
            a.ValidFrom,
            a.ValidTo,
            a.ValidFrom > today ? AssignmentStatus.Upcoming : (a.ValidTo != null && a.ValidTo < today ? AssignmentStatus.Ended : AssignmentStatus.Active),
            a.Version);

    private SortColumns<RoleAssignment> Sorts() => new SortColumns<RoleAssignment>("validFrom")
        .Add("validFrom", a => a.ValidFrom)
        .Add("validTo", a => a.ValidTo)
        .Add("role", a => a.Role)
        .Add("person", a => db.People.Where(p => p.Id == a.PersonId).Select(p => p.Name).FirstOrDefault());

    private async Task<IQueryable<RoleAssignment>> VisibleAsync(string permission, CancellationToken cancellationToken)
    {
        var query = db.RoleAssignments.AsNoTracking();
        var scope = await user.UnitScopeAsync(permission, cancellationToken);
        if (scope is null)
        {
            return query;
        }

        var people = (await PeopleWithinAsync(permission, cancellationToken)).Select(p => p.Id);
        return query.Where(a => people.Contains(a.PersonId));
    }

    private async Task<IQueryable<Domain.Organisations.Person>> PeopleWithinAsync(string permission, CancellationToken cancellationToken)
    {
        var people = db.People.AsNoTracking();
        var scope = await user.UnitScopeAsync(permission, cancellationToken);
        if (scope is null)
        {
            return people;
        }

        var units = db.Units.WithinScope(scope).Select(u => u.Id);
        return people.Where(p => units.Contains(p.UnitId));
    }
}
