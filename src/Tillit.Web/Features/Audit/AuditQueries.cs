using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Data.Audit;
using Tillit.Web.Infrastructure.Audit;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Audit;

public sealed record AuditRow(long Sequence, DateTime TimeUtc, AuditActorKind ActorKind, string? ActorName, Guid? ActorPersonId, string? ClientAddress, string Action, string? RecordType, string? RecordId, string? Data);

/// <summary>The search filter of the trail. Dates are whole days in Swedish time.</summary>
public sealed record AuditFilter(string? Actor, string? RecordType, string? RecordId, string? Action, DateOnly? From, DateOnly? To)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"actor={Actor};type={RecordType};id={RecordId};action={Action};from={From:yyyy-MM-dd};to={To:yyyy-MM-dd}");
}

/// <summary>
/// Reads the trail: the security officer's search, a person's own sign-ins, and the access log of
/// one protected record. Every read of the trail is itself recorded. Only the current
/// organisation's events are ever returned (the trail is one chain for the installation).
/// </summary>
public sealed class AuditQueries(TillitDbContext db, CurrentUser user, AuditTrail trail)
{
    public const int ExportLimit = 10_000;

    private static readonly string[] OwnActions =
    [
        AuditActions.SignIn, AuditActions.SignInFailed, AuditActions.SignOut, AuditActions.LockedOut,
        AuditActions.SecondFactorEnabled, AuditActions.SecondFactorReset, AuditActions.TokenCreated, AuditActions.TokenRevoked,
    ];

    // The own actions and the changes a person makes to their tokens (create, update, delete).
    private static readonly string[] OwnOrTokenChangeActions = [.. OwnActions, AuditActions.Create, AuditActions.Update, AuditActions.Delete];

    public static readonly SortColumns<AuditEvent> Sorts = new SortColumns<AuditEvent>("time")
        .Add("time", e => e.Sequence)
        .Add("action", e => e.Action)
        .Add("type", e => e.RecordType);

    // A person's own activity, newest first, ordered by an expression no index holds: ordered by the sequence itself,
    // SQLite walked the organisation's whole trail backwards from its newest event (every read and list of every
    // person) looking for the few sign-ins of one person, 1.4 s on the large municipality; this way it seeks them by
    // the (organisation, actor, action, sequence) index and sorts the few it finds.
    private static readonly SortColumns<AuditEvent> OwnSorts = new SortColumns<AuditEvent>("time")
        .Add("time", e => e.Sequence + 0);

    public async Task<Paged<AuditRow>> SearchAsync(AuditFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var query = Filtered(filter);
        var request = page with { Sort = page.Sort ?? "time", Descending = page.Sort is null || page.Descending };
        var result = await Sorts.PageAsync(query, request, Row, e => e.Sequence, cancellationToken);
        await trail.RecordListAsync(AuditTrail.Protected.AuditTrail, filter.Describe(), result.Items.Count);
        return result;
    }

    /// <summary>The filter's events as CSV (UTF-8 with BOM, semicolons, as Swedish Excel expects), newest first, capped.</summary>
    public async Task<byte[]> ExportCsvAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        var rows = await Filtered(filter).OrderByDescending(e => e.Sequence).Take(ExportLimit).Select(Row).ToListAsync(cancellationToken);
        await trail.RecordListAsync(AuditTrail.Protected.AuditTrail, filter.Describe(), rows.Count, export: true);
        var csv = new StringBuilder("sekvens;tid_utc;aktör;aktörstyp;klientadress;händelse;posttyp;postid;data\r\n");
        foreach (var r in rows)
        {
            csv.AppendJoin(';', r.Sequence.ToString(CultureInfo.InvariantCulture), r.TimeUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Cell(r.ActorName), r.ActorKind.ToString(), Cell(r.ClientAddress), r.Action, Cell(r.RecordType), Cell(r.RecordId), Cell(r.Data));
            csv.Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>The signed-in person's own sign-ins and account events; nobody else's.</summary>
    public async Task<Paged<AuditRow>> OwnActivityAsync(PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var personId = user.PersonId;
        var organisation = user.OrganisationId;
        // The actions are listed, not excluded, so the (organisation, actor, action, sequence) index finds
        // them among the person's many reads, lists and token uses instead of walking all of those.
        var query = db.AuditEvents.AsNoTracking()
            .Where(e => e.OrganisationId == organisation && e.ActorPersonId == personId && OwnOrTokenChangeActions.Contains(e.Action)
                && (OwnActions.Contains(e.Action) || e.RecordType == "ApiToken"));
        return await OwnSorts.PageAsync(query, page with { Sort = "time", Descending = true }, Row, e => e.Sequence, cancellationToken);
    }

    /// <summary>Who read and changed one record, newest first (at most 100 entries).</summary>
    public async Task<IReadOnlyList<AuditRow>> AccessLogAsync(string recordType, Guid id, CancellationToken cancellationToken)
    {
        var organisation = user.OrganisationId;
        var key = id.ToString("D");
        var rows = await db.AuditEvents.AsNoTracking()
            .Where(e => e.OrganisationId == organisation && e.RecordType == recordType && e.RecordId == key)
            .OrderByDescending(e => e.Sequence)
            .Take(100)
            .Select(Row)
            .ToListAsync(cancellationToken);
        await trail.RecordReadAsync(AuditTrail.Protected.AuditTrail, id);
        return rows;
    }

    private IQueryable<AuditEvent> Filtered(AuditFilter filter)
    {
        var organisation = user.OrganisationId;
        var query = db.AuditEvents.AsNoTracking().Where(e => e.OrganisationId == organisation);
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            query = query.Where(e => e.ActorName != null && e.ActorName.Contains(actor));
        }

        if (!string.IsNullOrWhiteSpace(filter.RecordType))
        {
            query = query.Where(e => e.RecordType == filter.RecordType.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.RecordId))
        {
            query = query.Where(e => e.RecordId == filter.RecordId.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(e => e.Action == filter.Action.Trim());
        }

        var zone = Tillit.Web.Infrastructure.DisplayTime.Zone;
        if (filter.From is { } from)
        {
            var start = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), zone);
            query = query.Where(e => e.TimeUtc >= start);
        }

        if (filter.To is { } to)
        {
            var end = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
            query = query.Where(e => e.TimeUtc < end);
        }

        return query;
    }


    private static readonly System.Linq.Expressions.Expression<Func<AuditEvent, AuditRow>> Row =
        e => new AuditRow(e.Sequence, e.TimeUtc, e.ActorKind, e.ActorName, e.ActorPersonId, e.ClientAddress, e.Action, e.RecordType, e.RecordId, e.Data);

    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        // Quote, double quotes, and defuse formulas (a cell starting with = + - @ is data, not a formula).
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
