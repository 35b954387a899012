using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Documents;
using Tillit.Domain.Register;

namespace Tillit.Web.Features.Delegations;

/// <summary>What the director hands over: appointing system owners, deciding documents of the director's types, entering the board's decisions.</summary>
public enum DelegationKind
{
    AppointSystemOwners,
    DecideForDirector,
    EnterBoardDecisions,
}

public sealed record DelegationRow(
    Guid Id,
    DelegationKind Kind,
    Guid PersonId,
    string? PersonName,
    string DecisionReference,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    Guid RecordedById,
    string? RecordedByName,
    bool IsActive,
    int Version);

/// <summary>
/// The delegations recorded in the organisation. They live in two tables (appointing system owners is
/// a register rule, deciding documents a documents rule) and are read here as one list.
/// </summary>
public sealed class DelegationQueries(TillitDbContext db, TimeProvider clock)
{
    /// <summary>Rows per kind of table; an organisation records a few dozen delegations in a decade.</summary>
    public const int Limit = 500;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Current and upcoming first (by first day), then the ended ones, latest first.</summary>
    public async Task<IReadOnlyList<DelegationRow>> ListAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var appointing = await db.AppointmentDelegations.AsNoTracking()
            .OrderByDescending(d => d.ValidFrom).ThenBy(d => d.Id).Take(Limit)
            .Select(AppointingRow(today))
            .ToListAsync(cancellationToken);
        var deciding = await db.DecisionDelegations.AsNoTracking()
            .OrderByDescending(d => d.ValidFrom).ThenBy(d => d.Id).Take(Limit)
            .Select(DecidingRow(today))
            .ToListAsync(cancellationToken);
        return [.. appointing.Concat(deciding)
            .OrderByDescending(d => d.IsActive)
            .ThenBy(d => d.IsActive ? d.ValidFrom : DateOnly.MaxValue)
            .ThenByDescending(d => d.ValidTo ?? DateOnly.MaxValue)
            .ThenBy(d => d.PersonName, StringComparer.CurrentCulture)];
    }

    /// <summary>One delegation of either kind, or NotFound (also for another organisation's).</summary>
    public async Task<Outcome<DelegationRow>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var today = Today;
        var row = await db.AppointmentDelegations.AsNoTracking().Where(d => d.Id == id).Select(AppointingRow(today)).FirstOrDefaultAsync(cancellationToken)
            ?? await db.DecisionDelegations.AsNoTracking().Where(d => d.Id == id).Select(DecidingRow(today)).FirstOrDefaultAsync(cancellationToken);
        return row is null ? Outcome<DelegationRow>.NotFound() : Outcome<DelegationRow>.Ok(row);
    }

    // The names are looked up in the same statement (no query per row).
    private Expression<Func<AppointmentDelegation, DelegationRow>> AppointingRow(DateOnly today) =>
        d => new DelegationRow(
            d.Id,
            DelegationKind.AppointSystemOwners,
            d.PersonId,
            db.People.Where(p => p.Id == d.PersonId).Select(p => p.Name).FirstOrDefault(),
            d.DecisionReference,
            d.ValidFrom,
            d.ValidTo,
            d.DelegatedById,
            db.People.Where(p => p.Id == d.DelegatedById).Select(p => p.Name).FirstOrDefault(),
            d.ValidTo == null || d.ValidTo >= today,
            d.Version);

    private Expression<Func<DecisionDelegation, DelegationRow>> DecidingRow(DateOnly today) =>
        d => new DelegationRow(
            d.Id,
            d.Authority == DecisionAuthority.Board ? DelegationKind.EnterBoardDecisions : DelegationKind.DecideForDirector,
            d.PersonId,
            db.People.Where(p => p.Id == d.PersonId).Select(p => p.Name).FirstOrDefault(),
            d.DecisionReference,
            d.ValidFrom,
            d.ValidTo,
            d.RecordedById,
            db.People.Where(p => p.Id == d.RecordedById).Select(p => p.Name).FirstOrDefault(),
            d.ValidTo == null || d.ValidTo >= today,
            d.Version);
}
