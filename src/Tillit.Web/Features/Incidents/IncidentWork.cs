using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Common;
using Tillit.Domain.Incidents;
using Tillit.Domain.Measures;
using Tillit.Domain.Register;
using Tillit.Web.Features.Measures;
using Tillit.Web.Features.Shared;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Incidents;

/// <summary>
/// The handling of an incident. The security officer triages, assigns and dismisses; the security
/// officer or the assigned handler moves it on, writes the timeline, the conclusion and the deadline
/// reports. The domain refuses illegal moves; this class decides who may make them. An incident the
/// caller may not see is not found; one they see but may not change is forbidden.
/// </summary>
public sealed class IncidentWork(TillitDbContext db, CurrentUser user, IncidentAccess access, CreateMeasure createMeasure, ISystemRiskReviewMarker riskReview, TimeProvider clock)
{
    /// <param name="Category">What kind of event (PolicyViolation is seen only by the security officer and the director).</param>
    /// <param name="Severity">On the consequence scale 0–4 (Negligible … VerySerious).</param>
    /// <param name="Aspects">The aspects affected: Confidentiality, Integrity, Availability, Traceability.</param>
    /// <param name="Title">A short title.</param>
    /// <param name="SystemIds">The information systems concerned (each marks its risk analysis for review).</param>
    /// <param name="SetIds">The information sets concerned.</param>
    /// <param name="Version">The version read.</param>
    public sealed record TriageCommand(IncidentCategory? Category, ConsequenceLevel? Severity, IReadOnlyList<AffectedAspects>? Aspects, string? Title, IReadOnlyList<Guid>? SystemIds, IReadOnlyList<Guid>? SetIds, int? Version);

    /// <param name="HandlerId">The person who handles it (someone who takes part in incident handling), or null to unassign.</param>
    /// <param name="Version">The version read.</param>
    public sealed record AssignCommand(Guid? HandlerId, int? Version);

    /// <param name="To">UnderInvestigation, Measures or Closed.</param>
    /// <param name="Version">The version read.</param>
    public sealed record MoveCommand(IncidentStatus? To, int? Version);

    /// <param name="Reason">Why it is dismissed (not a security event, a duplicate…).</param>
    /// <param name="Version">The version read.</param>
    public sealed record DismissCommand(string? Reason, int? Version);

    /// <param name="Text">The timeline entry.</param>
    public sealed record NoteCommand(string? Text);

    /// <param name="Lessons">Lessons learned.</param>
    /// <param name="Decision">NoneNeeded or Decided.</param>
    /// <param name="MeasuresText">What was decided (needed with Decided).</param>
    /// <param name="Version">The version read.</param>
    public sealed record ConclusionCommand(string? Lessons, MeasuresDecision? Decision, string? MeasuresText, int? Version);

    /// <param name="AwareAt">When the organisation became aware (the clocks run from here).</param>
    /// <param name="Version">The version read.</param>
    public sealed record AwarenessCommand(DateTimeOffset? AwareAt, int? Version);

    /// <param name="Breach">Whether it is a personal data breach (starts the 72-hour clock to IMY).</param>
    /// <param name="DataCategories">Categories of personal data.</param>
    /// <param name="SubjectCategories">Categories of people.</param>
    /// <param name="AffectedCount">About how many people.</param>
    /// <param name="Consequences">Likely consequences.</param>
    /// <param name="Measures">Measures taken or planned.</param>
    /// <param name="SubjectsInformed">Whether the people have been told.</param>
    /// <param name="Version">The version read.</param>
    public sealed record BreachCommand(bool? Breach, string? DataCategories, string? SubjectCategories, int? AffectedCount, string? Consequences, string? Measures, bool? SubjectsInformed, int? Version);

    /// <param name="Significant">Whether it is a significant incident under the Cybersecurity Act (2025:1506).</param>
    /// <param name="Version">The version read.</param>
    public sealed record SignificantCommand(bool? Significant, int? Version);

    /// <param name="Kind">Imy, EarlyWarning, Notification or FinalReport.</param>
    /// <param name="SentAt">When it was sent (default now).</param>
    /// <param name="Version">The version read.</param>
    public sealed record SentCommand(DeadlineKind? Kind, DateTimeOffset? SentAt, int? Version);

    /// <param name="Title">What is to be done.</param>
    /// <param name="Description">More about it.</param>
    /// <param name="OwnerId">The person responsible.</param>
    /// <param name="DueDate">By when.</param>
    /// <param name="SystemId">The system concerned, if any.</param>
    public sealed record MeasureCommand(string? Title, string? Description, Guid? OwnerId, DateOnly? DueDate, Guid? SystemId);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<Guid>> TriageAsync(Guid id, TriageCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var systemIds = (command.SystemIds ?? []).Distinct().ToList();
        var setIds = (command.SetIds ?? []).Distinct().ToList();
        var errors = new Validator()
            .Check(command.Category is not null, nameof(TriageCommand.Category), "Validation.Required")
            .Check(command.Severity is not null, nameof(TriageCommand.Severity), "Validation.Required")
            .Optional(nameof(TriageCommand.Title), command.Title, 200);
        if (systemIds.Count > 0)
        {
            errors.Check(await db.InformationSystems.CountAsync(s => systemIds.Contains(s.Id), cancellationToken) == systemIds.Count, nameof(TriageCommand.SystemIds), "Incident.SystemUnknown");
        }

        if (setIds.Count > 0)
        {
            errors.Check(await db.InformationSets.CountAsync(s => setIds.Contains(s.Id), cancellationToken) == setIds.Count, nameof(TriageCommand.SetIds), "Incident_SetUnknown");
        }

        var aspects = (command.Aspects ?? []).Aggregate(AffectedAspects.None, (a, b) => a | b);
        var added = new List<Guid>();
        var outcome = await ChangeAsync(id, command.Version, errors, manageOnly: true, versioned: true, (incident, me) =>
        {
            incident.Triage(command.Category!.Value, command.Severity!.Value, aspects, command.Title, Now, me);
        }, async incident =>
        {
            var linked = await db.IncidentSystems.Where(l => l.IncidentId == id).ToListAsync(cancellationToken);
            db.IncidentSystems.RemoveRange(linked.Where(l => !systemIds.Contains(l.SystemId)));
            foreach (var systemId in systemIds.Where(s => linked.All(l => l.SystemId != s)))
            {
                db.IncidentSystems.Add(new IncidentSystem(incident.OrganisationId, id, systemId, Now));
                added.Add(systemId);
            }

            var sets = await db.IncidentSets.Where(l => l.IncidentId == id).ToListAsync(cancellationToken);
            db.IncidentSets.RemoveRange(sets.Where(l => !setIds.Contains(l.SetId)));
            foreach (var setId in setIds.Where(s => sets.All(l => l.SetId != s)))
            {
                db.IncidentSets.Add(new IncidentSet(incident.OrganisationId, id, setId));
            }
        }, cancellationToken);
        if (outcome.IsOk && added.Count > 0)
        {
            var reference = await db.Incidents.Where(i => i.Id == id).Select(i => new { i.Year, i.Number, i.OrganisationId }).FirstAsync(cancellationToken);
            foreach (var systemId in added)
            {
                await riskReview.MarkForReviewAsync(reference.OrganisationId, systemId, $"Incident {Incident.FormatReference(reference.Year, reference.Number)}", cancellationToken);
            }
        }

        return outcome;
    }

    public async Task<Outcome<Guid>> AssignAsync(Guid id, AssignCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new Validator();
        if (command.HandlerId is { } handlerId)
        {
            var today = DateOnly.FromDateTime(Now);
            errors.Check(await access.Handlers(today).AnyAsync(p => p.Id == handlerId, cancellationToken), nameof(AssignCommand.HandlerId), "Incident_HandlerUnknown");
        }

        return await ChangeAsync(id, command.Version, errors, manageOnly: true, versioned: true, (incident, me) => incident.Assign(command.HandlerId, Now, me), null, cancellationToken);
    }

    public Task<Outcome<Guid>> MoveAsync(Guid id, MoveCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new Validator()
            .Check(command.To is not null, nameof(MoveCommand.To), "Validation.Required")
            .Check(command.To is null or IncidentStatus.UnderInvestigation or IncidentStatus.Measures or IncidentStatus.Closed, nameof(MoveCommand.To), "Incident.IllegalMove");
        return ChangeAsync(id, command.Version, errors, manageOnly: false, versioned: true, (incident, me) =>
        {
            switch (command.To)
            {
                case IncidentStatus.UnderInvestigation:
                    incident.StartInvestigation(Now, me);
                    break;
                case IncidentStatus.Measures:
                    incident.StartMeasures(Now, me);
                    break;
                default:
                    incident.Close(Now, me);
                    break;
            }
        }, null, cancellationToken);
    }

    public Task<Outcome<Guid>> DismissAsync(Guid id, DismissCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new Validator().Required(nameof(DismissCommand.Reason), command.Reason, 2000);
        return ChangeAsync(id, command.Version, errors, manageOnly: true, versioned: true, (incident, me) => incident.Dismiss(command.Reason, Now, me), null, cancellationToken);
    }

    public Task<Outcome<Guid>> NoteAsync(Guid id, NoteCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new Validator().Required(nameof(NoteCommand.Text), command.Text, Incident.MaxText);

        // A note adds a row and changes nothing on the incident, so it needs no version.
        return ChangeAsync(id, null, errors, manageOnly: false, versioned: false, (incident, me) => incident.AddNote(command.Text!, Now, me), null, cancellationToken);
    }

    public Task<Outcome<Guid>> ConcludeAsync(Guid id, ConclusionCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new Validator()
            .Optional(nameof(ConclusionCommand.Lessons), command.Lessons, Incident.MaxText)
            .Optional(nameof(ConclusionCommand.MeasuresText), command.MeasuresText, Incident.MaxText)
            .Check(command.Lessons is not null || command.Decision is not null, nameof(ConclusionCommand.Lessons), "Validation.Required");
        return ChangeAsync(id, command.Version, errors, manageOnly: false, versioned: true, (incident, me) => incident.RecordConclusion(command.Lessons, command.Decision, command.MeasuresText, Now, me), null, cancellationToken);
    }

    public Task<Outcome<Guid>> AwarenessAsync(Guid id, AwarenessCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new Validator().Check(command.AwareAt is not null, nameof(AwarenessCommand.AwareAt), "Validation.Required");
        return ChangeAsync(id, command.Version, errors, manageOnly: false, versioned: true, (incident, me) => incident.SetAwareness(command.AwareAt!.Value.UtcDateTime, Now, me), null, cancellationToken);
    }

    public Task<Outcome<Guid>> BreachAsync(Guid id, BreachCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new Validator()
            .Check(command.Breach is not null, nameof(BreachCommand.Breach), "Validation.Required")
            .Optional(nameof(BreachCommand.DataCategories), command.DataCategories, 2000)
            .Optional(nameof(BreachCommand.SubjectCategories), command.SubjectCategories, 2000)
            .Optional(nameof(BreachCommand.Consequences), command.Consequences, Incident.MaxText)
            .Optional(nameof(BreachCommand.Measures), command.Measures, Incident.MaxText)
            .Check(command.AffectedCount is null or >= 0, nameof(BreachCommand.AffectedCount), "Validation.InvalidValue");
        var details = new BreachDetails(command.DataCategories, command.SubjectCategories, command.AffectedCount, command.Consequences, command.Measures, command.SubjectsInformed);
        return ChangeAsync(id, command.Version, errors, manageOnly: false, versioned: true, (incident, me) => incident.MarkPersonalDataBreach(command.Breach!.Value, details, Now, me), null, cancellationToken);
    }

    public Task<Outcome<Guid>> SignificantAsync(Guid id, SignificantCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new Validator().Check(command.Significant is not null, nameof(SignificantCommand.Significant), "Validation.Required");
        return ChangeAsync(id, command.Version, errors, manageOnly: false, versioned: true, (incident, me) => incident.MarkSignificant(command.Significant!.Value, Now, me), null, cancellationToken);
    }

    public Task<Outcome<Guid>> SentAsync(Guid id, SentCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new Validator().Check(command.Kind is not null, nameof(SentCommand.Kind), "Validation.Required").Defined(nameof(SentCommand.Kind), command.Kind);
        return ChangeAsync(id, command.Version, errors, manageOnly: false, versioned: true, (incident, me) => incident.RecordSent(command.Kind!.Value, command.SentAt?.UtcDateTime ?? Now, Now, me), null, cancellationToken);
    }

    /// <summary>A measure in the action plan, with the incident as its origin (and the reporter's unit).</summary>
    public async Task<Outcome<Guid>> AddMeasureAsync(Guid id, MeasureCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (incident, refused) = await FindAsync(id, manageOnly: false, cancellationToken);
        if (incident is null)
        {
            return refused!;
        }

        if (!incident.IsOpen)
        {
            return Outcome<Guid>.Invalid(nameof(Incident.Status), "Incident.Ended");
        }

        return await createMeasure.HandleAsync(
            new CreateMeasure.Command(command.Title, command.Description ?? string.Empty, MeasureOrigin.Incident, id, command.SystemId, incident.UnitId, command.OwnerId, command.DueDate),
            cancellationToken);
    }

    private async Task<(Incident? Incident, Outcome<Guid>? Refused)> FindAsync(Guid id, bool manageOnly, CancellationToken cancellationToken)
    {
        var visible = await (await access.VisibleAsync(cancellationToken)).AnyAsync(i => i.Id == id, cancellationToken);
        var incident = visible ? await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, cancellationToken) : null;
        if (incident is null)
        {
            return (null, Outcome<Guid>.NotFound());
        }

        var allowed = manageOnly ? await access.MayManageAsync(cancellationToken) : await access.MayWorkAsync(incident, cancellationToken);
        return allowed && user.PersonId is not null ? (incident, null) : (null, Outcome<Guid>.Forbidden());
    }

    private async Task<Outcome<Guid>> ChangeAsync(Guid id, int? version, Validator errors, bool manageOnly, bool versioned, Action<Incident, Guid> change, Func<Incident, Task>? links, CancellationToken cancellationToken)
    {
        var (incident, refused) = await FindAsync(id, manageOnly, cancellationToken);
        if (incident is null)
        {
            return refused!;
        }

        // Every change but a note (which only adds a row) carries the version read.
        errors.Check(!versioned || version is not null, "Version", "Validation.Required");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        if (version is { } read)
        {
            db.Entry(incident).Property(i => i.Version).OriginalValue = read;
        }

        try
        {
            change(incident, user.PersonId!.Value);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }

        // The entries were not loaded, so those in the collection now are the new ones.
        foreach (var entry in incident.Entries)
        {
            db.Entry(entry).State = EntityState.Added;
        }

        if (links is not null)
        {
            await links(incident);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict();
        }

        return Outcome<Guid>.Ok(id);
    }
}
