using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Organisations;
using Tillit.Web.Features.Roles;
using Tillit.Web.Security;

namespace Tillit.Web.Features.People;

public sealed record PersonRow(Guid Id, string Name, string Email, string? Title, Guid UnitId, string? UnitName, bool IsActive, bool HasAccount);

/// <summary>The sign-in account of a person as the person's page shows it; <see cref="Exists"/> false when there is none.</summary>
public sealed record AccountStatus(bool Exists, bool LockedOut, DateTimeOffset? LockedUntil, bool SecondFactor, int Sessions)
{
    public static AccountStatus None { get; } = new(false, false, null, false, 0);
}

public sealed record PersonDetails(
    Guid Id,
    string Name,
    string Email,
    string? Title,
    string? Phone,
    Guid UnitId,
    string UnitName,
    bool IsActive,
    int Version,
    IReadOnlyList<AssignmentRow> Assignments,
    IReadOnlyList<AssignmentRow> History,
    AccountStatus Account)
{
    /// <summary>The unit's path, for the scope checks of the page (not part of the API's answer).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string UnitPath { get; init; } = string.Empty;
}

/// <summary>Lists and reads people, limited to the units the user's scope covers (and always the user themself).</summary>
public sealed class PeopleQueries(
    TillitDbContext db,
    CurrentUser user,
    RoleAssignmentQueries assignments,
    IAuthorizationService authorization,
    IHttpContextAccessor http,
    TimeProvider clock,
    Infrastructure.Audit.AuditTrail trail,
    Infrastructure.OrganisationCache cache)
{
    public static readonly IReadOnlyList<string> SortNames = ["name", "email", "unit"];

    public static bool IsAllowedSort(string? sort) => sort is null || SortNames.Contains(sort, StringComparer.OrdinalIgnoreCase);

    public async Task<Paged<PersonRow>> ListAsync(string? search, Guid? unitId, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.People.AsNoTracking();
        var scope = await user.UnitScopeAsync(Permissions.PeopleRead, cancellationToken);
        if (scope is not null)
        {
            var units = db.Units.WithinScope(scope).Select(u => u.Id);
            query = query.Where(p => units.Contains(p.UnitId));
        }

        var term = Domain.Common.SearchKeys.Normalise(search);
        if (term.Length > 0 && db.CurrentOrganisationId is { } searchedOrganisation)
        {
            query = query.StartingWith(searchedOrganisation, term);
        }

        if (unitId is { } unit)
        {
            query = query.Where(p => p.UnitId == unit);
        }

        // Counting 50,000 people on every view cost more than the page; the total is kept until a person
        // (or, for a reader limited to some units, a unit) is saved.
        var total = db.CurrentOrganisationId is { } organisationId
            ? new CachedTotal(cache, scope is null ? [typeof(Person)] : [typeof(Person), typeof(Unit)], organisationId, $"people|{(scope is null ? "*" : string.Join(';', scope))}|{term}|{unitId}")
            : null;
        var result = await Sorts().PageAsync(
            query,
            page,
            p => new PersonRow(
                p.Id,
                p.Name,
                p.Email,
                p.Title,
                p.UnitId,
                db.Units.Where(u => u.Id == p.UnitId).Select(u => u.Name).FirstOrDefault(),
                p.IsActive,
                db.Users.Any(a => a.PersonId == p.Id)),
            p => p.Id,
            cancellationToken,
            total);

        // A list of people is protected data too: one event names the query and the number of rows.
        await trail.RecordListAsync(Infrastructure.Audit.AuditTrail.Protected.Person, $"q={search};unit={unitId};page={page.SafePage};sort={page.Sort}", result.Items.Count);
        return result;
    }

    /// <summary>The person, or NotFound when not in this organisation, Forbidden when outside the scope and not the user themself.</summary>
    public async Task<Outcome<PersonDetails>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, cancellationToken);
        if (found is null)
        {
            return Outcome<PersonDetails>.NotFound();
        }

        var (person, unitName, unitPath) = found.Value;
        var check = await authorization.AuthorizeAsync(http.HttpContext!.User, new PersonResource(person, unitPath), new PermissionRequirement(Permissions.PeopleRead));
        if (!check.Succeeded)
        {
            return Outcome<PersonDetails>.Forbidden();
        }

        var rows = await assignments.ForPersonAsync(id, cancellationToken);
        var account = await AccountAsync(id, cancellationToken);

        // Recorded durably before the details leave the server; if it cannot be stored, nothing is sent.
        await trail.RecordReadAsync(Infrastructure.Audit.AuditTrail.Protected.Person, id);
        return Outcome<PersonDetails>.Ok(new PersonDetails(
            person.Id,
            person.Name,
            person.Email,
            person.Title,
            person.Phone,
            person.UnitId,
            unitName,
            person.IsActive,
            person.Version,
            rows.Where(r => r.Status != AssignmentStatus.Ended).ToList(),
            rows.Where(r => r.Status == AssignmentStatus.Ended).ToList(),
            account)
        {
            UnitPath = unitPath,
        });
    }

    /// <summary>The person with their unit's name and path (one query), or null when not in this organisation.</summary>
    public async Task<(Person Person, string UnitName, string UnitPath)?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.People.AsNoTracking()
            .Where(p => p.Id == id)
            .Join(db.Units, p => p.UnitId, u => u.Id, (p, u) => new { Person = p, u.Name, u.Path })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.Person, row.Name, row.Path);
    }

    /// <summary>Units for the filter of the list: those within the user's scope, in tree order, capped.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name, int Depth)>> UnitChoicesAsync(CancellationToken cancellationToken) =>
        await Units.UnitQueries.CachedChoicesAsync(db, cache, await user.UnitScopeAsync(Permissions.PeopleRead, cancellationToken), cancellationToken);

    private async Task<AccountStatus> AccountAsync(Guid personId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        var account = await db.Users.AsNoTracking()
            .Where(a => a.PersonId == personId)
            .Select(a => new { a.LockoutEnd, a.TwoFactorEnabled, Sessions = db.UserSessions.Count(s => s.UserId == a.Id && s.ExpiresUtc > nowUtc) })
            .FirstOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return AccountStatus.None;
        }

        // Compared here: SQLite cannot compare DateTimeOffset values in SQL.
        var locked = account.LockoutEnd is { } end && end > now;
        return new AccountStatus(true, locked, locked ? account.LockoutEnd : null, account.TwoFactorEnabled, account.Sessions);
    }

    private SortColumns<Person> Sorts() => new SortColumns<Person>("name")
        .Add("name", p => p.Name)
        .Add("email", p => p.Email)
        .Add("unit", p => db.Units.Where(u => u.Id == p.UnitId).Select(u => u.Name).FirstOrDefault());
}
