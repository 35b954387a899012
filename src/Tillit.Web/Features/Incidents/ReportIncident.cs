using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Common;
using Tillit.Domain.Incidents;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Incidents;

/// <summary>
/// Any signed-in person reports an event. The reference number is taken from the organisation's
/// sequence for the year in the same transaction as the report, so numbers have no gaps; two reports
/// at once make one save fail on the sequence's version, and that one tries again with the next number.
/// </summary>
public sealed class ReportIncident(TillitDbContext db, CurrentUser user, TimeProvider clock)
{
    private const int Attempts = 5;

    /// <param name="Description">What happened.</param>
    /// <param name="OccurredAt">When it happened (local time of the organisation, or UTC with offset); default now.</param>
    /// <param name="SystemId">The information system concerned, if known.</param>
    /// <param name="PersonalDataMaybe">Personal data may be involved.</param>
    public sealed record Command(string? Description, DateTimeOffset? OccurredAt, Guid? SystemId, bool PersonalDataMaybe);

    public sealed record Receipt(Guid Id, string Reference);

    public async Task<Outcome<Receipt>> CreateAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (user.PersonId is not { } personId || user.OrganisationId is not { } organisationId)
        {
            return Outcome<Receipt>.Forbidden();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var occurred = command.OccurredAt?.UtcDateTime ?? now;
        var errors = new Validator()
            .Required(nameof(Command.Description), command.Description, Incident.MaxText)
            .Check(occurred <= now.AddMinutes(5), nameof(Command.OccurredAt), "Incident.OccurredInFuture")
            .Check(occurred >= now.AddYears(-5), nameof(Command.OccurredAt), "Validation.InvalidValue");
        if (command.SystemId is { } systemId && !await db.InformationSystems.AnyAsync(s => s.Id == systemId, cancellationToken))
        {
            errors.Check(false, nameof(Command.SystemId), "Incident.SystemUnknown");
        }

        if (!errors.IsValid)
        {
            return Outcome<Receipt>.Invalid(errors.Errors);
        }

        var unitId = await db.People.Where(p => p.Id == personId).Select(p => (Guid?)p.UnitId).FirstOrDefaultAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var year = now.Year;
            var sequence = await db.IncidentSequences.FirstOrDefaultAsync(s => s.Year == year, cancellationToken);
            if (sequence is null)
            {
                sequence = new IncidentSequence(organisationId, year);
                db.IncidentSequences.Add(sequence);
            }
            else
            {
                db.Entry(sequence).Property(s => s.Last).IsModified = true;
            }

            var incident = new Incident(organisationId, year, sequence.Next(), personId, unitId, command.Description!, occurred, command.PersonalDataMaybe, now);
            db.Incidents.Add(incident);
            if (command.SystemId is { } linked)
            {
                db.IncidentSystems.Add(new IncidentSystem(organisationId, incident.Id, linked, now));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return Outcome<Receipt>.Ok(new Receipt(incident.Id, incident.Reference));
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another report took the number (or created the year's sequence) first: read it again.
                db.ChangeTracker.Clear();
            }
        }
    }
}
