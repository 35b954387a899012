using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Incidents;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Incidents;

/// <summary>One unsent report with its due time, for the start page.</summary>
public sealed record DeadlineDue(Guid IncidentId, string Reference, DeadlineKind Kind, DateTime DueUtc, double HoursLeft);

/// <summary>
/// The reminder in Tillit: the unsent reports of the incidents the reader works on (the assigned
/// handler; the security officer every incident), nearest first. Only the reference is shown.
/// </summary>
public sealed class IncidentDeadlineQueries(TillitDbContext db, CurrentUser user, IncidentAccess access, TimeProvider clock, Infrastructure.OrganisationCache cache)
{
    public async Task<IReadOnlyList<DeadlineDue>> MineAsync(CancellationToken cancellationToken)
    {
        if (user.PersonId is not { } me || !await user.HasAsync(Permissions.IncidentsHandle, cancellationToken))
        {
            return [];
        }

        var all = await access.MayManageAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        // Those who see every incident share one list, kept until an incident is saved: reading it scans the open
        // incidents (15–20 ms with 30,000), on every start page of the security officer.
        var running = all && db.CurrentOrganisationId is { } organisationId
            ? await cache.GetOrCreateAsync(typeof(Incident), "incident-clocks", organisationId, () => RunningAsync(null, cancellationToken))
            : await RunningAsync(me, cancellationToken);
        return running
            .SelectMany(i => i.Clocks().Where(c => !c.IsSent).Select(c => new DeadlineDue(i.Id, i.Reference, c.Kind, c.DueUtc, Math.Round(c.Left(now).TotalHours, 1))))
            .OrderBy(d => d.DueUtc)
            .Take(10)
            .ToList();
    }

    /// <summary>The open incidents with an unsent report (of one handler, or all), the earliest first; no more than 50.</summary>
    private async Task<List<Incident>> RunningAsync(Guid? handler, CancellationToken cancellationToken) =>
        await db.Incidents.AsNoTracking()
            .Where(i => (handler == null || i.HandlerId == handler) && i.Status != IncidentStatus.Closed && i.Status != IncidentStatus.Dismissed
                && ((i.IsPersonalDataBreach && i.ImySentUtc == null)
                    || (i.IsSignificant && (i.EarlyWarningSentUtc == null || i.NotificationSentUtc == null || i.FinalReportSentUtc == null))))
            .OrderBy(i => i.AwareUtc)
            .Take(50)
            .ToListAsync(cancellationToken);
}
