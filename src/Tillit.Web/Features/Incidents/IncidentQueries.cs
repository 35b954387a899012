using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Incidents;
using Tillit.Web.Infrastructure.Audit;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Incidents;

/// <summary>A report as its reporter sees it: what they wrote and where it is, nothing of the handling.</summary>
public sealed record MyReport(Guid Id, string Reference, string Description, DateTime OccurredUtc, DateTime ReportedUtc, IncidentStatus Status, string? SystemName, bool PersonalDataMaybe);

/// <summary>Reads incidents. Every read is audited before the data goes out (incidents are protected records).</summary>
public sealed class IncidentQueries(TillitDbContext db, CurrentUser user, AuditTrail audit)
{
    public const string RecordType = "Incident";

    /// <summary>The signed-in person's own reports, newest first (paged); one audited list event.</summary>
    public async Task<Paged<MyReport>> MineAsync(PageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var personId = user.PersonId ?? Guid.Empty;
        var query = db.Incidents.AsNoTracking().Where(i => i.ReporterId == personId);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(i => i.ReportedUtc).ThenByDescending(i => i.Id)
            .Skip((request.SafePage - 1) * request.SafeSize).Take(request.SafeSize)
            .Select(Project())
            .ToListAsync(cancellationToken);
        await audit.RecordListAsync(RecordType, "mine", items.Count);
        return new Paged<MyReport>(items.Select(Finish).ToList(), total, request.SafePage, request.SafeSize, "reported", true);
    }

    /// <summary>One own report; another person's report is not found.</summary>
    public async Task<Outcome<MyReport>> MineAsync(Guid id, CancellationToken cancellationToken)
    {
        var personId = user.PersonId ?? Guid.Empty;
        var row = await db.Incidents.AsNoTracking().Where(i => i.Id == id && i.ReporterId == personId).Select(Project()).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return Outcome<MyReport>.NotFound();
        }

        await audit.RecordReadAsync(RecordType, id);
        return Outcome<MyReport>.Ok(Finish(row));
    }

    private sealed record Row(Guid Id, int Year, int Number, string Description, DateTime OccurredUtc, DateTime ReportedUtc, IncidentStatus Status, string? SystemName, bool PersonalDataMaybe);

    private System.Linq.Expressions.Expression<Func<Incident, Row>> Project() => i => new Row(
        i.Id, i.Year, i.Number, i.Description, i.OccurredUtc, i.ReportedUtc, i.Status,
        db.IncidentSystems.Where(l => l.IncidentId == i.Id).Join(db.InformationSystems, l => l.SystemId, s => s.Id, (l, s) => s.Name).FirstOrDefault(),
        i.PersonalDataMaybe);

    private static MyReport Finish(Row r) =>
        new(r.Id, Incident.FormatReference(r.Year, r.Number), r.Description, r.OccurredUtc, r.ReportedUtc, r.Status, r.SystemName, r.PersonalDataMaybe);
}
