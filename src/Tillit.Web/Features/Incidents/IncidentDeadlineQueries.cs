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
public sealed class IncidentDeadlineQueries(TillitDbContext db, CurrentUser user, IncidentAccess access, TimeProvider clock)
{
    public async Task<IReadOnlyList<DeadlineDue>> MineAsync(CancellationToken cancellationToken)
    {
        if (user.PersonId is not { } me || !await user.HasAsync(Permissions.IncidentsHandle, cancellationToken))
        {
            return [];
        }

        var all = await access.MayManageAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var running = await db.Incidents.AsNoTracking()
            .Where(i => (all || i.HandlerId == me) && i.Status != IncidentStatus.Closed && i.Status != IncidentStatus.Dismissed
                && ((i.IsPersonalDataBreach && i.ImySentUtc == null)
                    || (i.IsSignificant && (i.EarlyWarningSentUtc == null || i.NotificationSentUtc == null || i.FinalReportSentUtc == null))))
            .OrderBy(i => i.AwareUtc)
            .Take(50)
            .ToListAsync(cancellationToken);
        return running
            .SelectMany(i => i.Clocks().Where(c => !c.IsSent).Select(c => new DeadlineDue(i.Id, i.Reference, c.Kind, c.DueUtc, Math.Round(c.Left(now).TotalHours, 1))))
            .OrderBy(d => d.DueUtc)
            .Take(10)
            .ToList();
    }
}
