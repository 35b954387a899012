using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Measures;
using Tillit.Web.Infrastructure.Audit;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Measures;

/// <summary>Open (planned or in progress), Done (awaiting verification) or Closed (verified or cancelled).</summary>
public enum MeasureState
{
    Open = 0,
    Done = 1,
    Closed = 2,
}

/// <summary>The action plan's filters.</summary>
/// <param name="Q">Part of the title.</param>
/// <param name="Owner">The responsible person's id.</param>
/// <param name="Unit">The unit's id.</param>
/// <param name="System">The system's id.</param>
/// <param name="Status">One status.</param>
/// <param name="State">Open, Done or Closed.</param>
/// <param name="Overdue">Only measures past their due date and still to be done.</param>
/// <param name="Origin">Only measures of this origin.</param>
public sealed record MeasureFilter(string? Q = null, Guid? Owner = null, Guid? Unit = null, Guid? System = null, MeasureStatus? Status = null, MeasureState? State = null, bool Overdue = false, MeasureOrigin? Origin = null);

public sealed record MeasureRow(Guid Id, string Title, MeasureOrigin Origin, MeasureStatus Status, DateOnly DueDate, bool Overdue, Guid OwnerId, string? OwnerName, Guid? SystemId, string? SystemName, Guid? UnitId, string? UnitName);

public sealed record MeasureDetails(
    Guid Id,
    string Title,
    string Description,
    MeasureOrigin Origin,
    Guid? OriginId,
    string? OriginName,
    Guid? SystemId,
    string? SystemName,
    Guid? UnitId,
    string? UnitName,
    Guid OwnerId,
    string? OwnerName,
    DateOnly DueDate,
    DateOnly CreatedOn,
    MeasureStatus Status,
    bool Overdue,
    string? Evidence,
    DateOnly? DoneOn,
    string? CancelReason,
    Guid? VerifiedById,
    string? VerifiedByName,
    DateOnly? VerifiedOn,
    int Version);

/// <summary>
/// Reads the action plan. Measures are protected records: a list is recorded in the audit trail as one event,
/// a measure's details as a read, before the data is sent. Overdue is judged by the injected clock.
/// </summary>
public sealed class MeasureQueries(TillitDbContext db, CurrentUser user, MeasureAccess access, AuditTrail trail, TimeProvider clock, Infrastructure.OrganisationCache cache)
{
    public const string ProtectedType = "Measure";

    public static readonly SortColumns<Measure> Sorts = new SortColumns<Measure>("due")
        .Add("due", m => m.DueDate)
        .Add("title", m => m.Title)
        .Add("status", m => m.Status)
        .Add("created", m => m.CreatedOn);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Outcome<Paged<MeasureRow>>> ListAsync(MeasureFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!await user.HasAsync(Permissions.MeasuresRead, cancellationToken))
        {
            return Outcome<Paged<MeasureRow>>.Forbidden();
        }

        var today = Today;
        var query = await access.ReadableAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var term = filter.Q.Trim().ToLowerInvariant();
            query = query.Where(m => m.Title.ToLower().Contains(term));
        }

        if (filter.Owner is { } owner)
        {
            query = query.Where(m => m.OwnerId == owner);
        }

        if (filter.Unit is { } unit)
        {
            query = query.Where(m => m.UnitId == unit);
        }

        if (filter.System is { } system)
        {
            query = query.Where(m => m.SystemId == system);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(m => m.Status == status);
        }

        query = filter.State switch
        {
            MeasureState.Open => query.Where(m => m.Status == MeasureStatus.Planned || m.Status == MeasureStatus.InProgress),
            MeasureState.Done => query.Where(m => m.Status == MeasureStatus.Done),
            MeasureState.Closed => query.Where(m => m.Status == MeasureStatus.Verified || m.Status == MeasureStatus.Cancelled),
            _ => query,
        };
        if (filter.Overdue)
        {
            query = query.Where(m => (m.Status == MeasureStatus.Planned || m.Status == MeasureStatus.InProgress) && m.DueDate < today);
        }

        if (filter.Origin is { } origin)
        {
            query = query.Where(m => m.Origin == origin);
        }

        // Counting the 100,000 measures of the largest municipality cost more than the page. For a reader of every
        // measure the total is the organisation's, kept until a measure is saved (and for the overdue view, for the day).
        var total = db.CurrentOrganisationId is { } organisationId && await user.UnitScopeAsync(Permissions.MeasuresRead, cancellationToken) is null
            ? new CachedTotal(cache, [typeof(Measure)], organisationId, string.Join('|', "measures", filter.Q?.Trim().ToLowerInvariant(), filter.Owner, filter.Unit, filter.System, filter.Status, filter.State, filter.Overdue, filter.Origin, today.DayNumber))
            : null;
        var result = await Sorts.PageAsync(
            query,
            page,
            m => new MeasureRow(
                m.Id,
                m.Title,
                m.Origin,
                m.Status,
                m.DueDate,
                (m.Status == MeasureStatus.Planned || m.Status == MeasureStatus.InProgress) && m.DueDate < today,
                m.OwnerId,
                db.People.Where(p => p.Id == m.OwnerId).Select(p => p.Name).FirstOrDefault(),
                m.SystemId,
                db.InformationSystems.Where(s => s.Id == m.SystemId).Select(s => s.Name).FirstOrDefault(),
                m.UnitId,
                db.Units.Where(u => u.Id == m.UnitId).Select(u => u.Name).FirstOrDefault()),
            m => m.Id,
            cancellationToken,
            total);
        await trail.RecordListAsync(ProtectedType, $"q={filter.Q};owner={filter.Owner};unit={filter.Unit};system={filter.System};status={filter.Status};state={filter.State};overdue={filter.Overdue};origin={filter.Origin};page={page.SafePage};sort={page.Sort}", result.Items.Count);
        return Outcome<Paged<MeasureRow>>.Ok(result);
    }

    public async Task<Outcome<MeasureDetails>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var today = Today;
        var m = await db.Measures.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new
            {
                Measure = m,
                Owner = db.People.Where(p => p.Id == m.OwnerId).Select(p => p.Name).FirstOrDefault(),
                System = db.InformationSystems.Where(s => s.Id == m.SystemId).Select(s => s.Name).FirstOrDefault(),
                Unit = db.Units.Where(u => u.Id == m.UnitId).Select(u => u.Name).FirstOrDefault(),
                Verifier = db.People.Where(p => p.Id == m.VerifiedById).Select(p => p.Name).FirstOrDefault(),
                Requirement = m.Origin == MeasureOrigin.RequirementGap ? db.Requirements.Where(r => r.Id == m.OriginId).Select(r => r.Code + " " + r.Title).FirstOrDefault() : null,

                // A self-assessment's gap: the questionnaire the answer belongs to.
                Questionnaire = m.Origin == MeasureOrigin.SelfAssessment
                    ? db.Questionnaires.Where(q => db.QuestionnaireResponses.Any(r => r.QuestionnaireId == q.Id && db.QuestionnaireAnswers.Any(a => a.Id == m.OriginId && a.ResponseId == r.Id))).Select(q => q.Title).FirstOrDefault()
                    : null,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (m is null)
        {
            return Outcome<MeasureDetails>.NotFound();
        }

        if (!await access.MayReadAsync(id, cancellationToken))
        {
            return Outcome<MeasureDetails>.Forbidden();
        }

        var x = m.Measure;

        // Recorded durably before the measure leaves the server.
        await trail.RecordReadAsync(ProtectedType, id);
        return Outcome<MeasureDetails>.Ok(new MeasureDetails(
            x.Id, x.Title, x.Description, x.Origin, x.OriginId, m.Requirement ?? m.Questionnaire, x.SystemId, m.System, x.UnitId, m.Unit, x.OwnerId, m.Owner,
            x.DueDate, x.CreatedOn, x.Status, x.IsOverdueOn(today), x.Evidence, x.DoneOn, x.CancelReason, x.VerifiedById, m.Verifier, x.VerifiedOn, x.Version));
    }
}
