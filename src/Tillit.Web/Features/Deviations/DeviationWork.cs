using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Common;
using Tillit.Domain.Documents;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Deviations;

/// <summary>
/// Requests, assessments, decisions, withdrawals and ends of deviations. A unit's manager (or the
/// security officer) asks; the security officer assesses; then the municipal director decides. The
/// domain refuses moves out of order; this class decides who may make each move.
/// </summary>
public sealed class DeviationWork(TillitDbContext db, CurrentUser user, DeviationQueries queries)
{
    /// <param name="DocumentId">A central governing document with a current version.</param>
    /// <param name="UnitId">The unit that departs from the rule; within the requester's scope.</param>
    /// <param name="Requirement">Which requirement of the document (section and wording).</param>
    /// <param name="Reason">Why the unit cannot follow it.</param>
    /// <param name="CompensatingMeasures">What the unit does instead.</param>
    /// <param name="ExpiresOn">The last day; at most three years ahead.</param>
    public sealed record Command(Guid? DocumentId, Guid? UnitId, string? Requirement, string? Reason, string? CompensatingMeasures, DateOnly? ExpiresOn);

    /// <param name="Recommend">Whether the security officer recommends approving it.</param>
    /// <param name="Assessment">The assessment of the risk and of the compensating measures.</param>
    /// <param name="Version">The version read.</param>
    public sealed record AssessCommand(bool? Recommend, string? Assessment, int? Version);

    /// <param name="Approve">Approve or reject.</param>
    /// <param name="DecisionReference">The decision's registry number.</param>
    /// <param name="Comment">Conditions or reasons, if any.</param>
    /// <param name="Version">The version read.</param>
    public sealed record DecideCommand(bool? Approve, string? DecisionReference, string? Comment, int? Version);

    /// <param name="Version">The version read.</param>
    public sealed record VersionCommand(int? Version);

    public async Task<Outcome<Guid>> CreateAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new Validator()
            .Check(command.DocumentId is not null, nameof(Command.DocumentId), "Validation.Required")
            .Check(command.UnitId is not null, nameof(Command.UnitId), "Validation.Required")
            .Required(nameof(Command.Requirement), command.Requirement, 1000)
            .Required(nameof(Command.Reason), command.Reason, 4000)
            .Optional(nameof(Command.CompensatingMeasures), command.CompensatingMeasures, 4000)
            .Check(command.ExpiresOn is not null, nameof(Command.ExpiresOn), "Validation.Required");
        GoverningDocument? document = null;
        if (command.DocumentId is { } documentId)
        {
            document = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId && d.UnitId == null && d.Versions.Any(v => v.Status == DocumentStatus.Current), cancellationToken);
            errors.Check(document is not null, nameof(Command.DocumentId), "Deviation.DocumentUnknown");
        }

        if (command.UnitId is { } unitId)
        {
            errors.Check(await db.Units.AnyAsync(u => u.Id == unitId, cancellationToken), nameof(Command.UnitId), "Deviation.UnitUnknown");
        }

        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        if (!await queries.CoversAsync(Permissions.DeviationsRequest, command.UnitId!.Value, cancellationToken) || user.PersonId is not { } me)
        {
            return Outcome<Guid>.Forbidden();
        }

        Deviation deviation;
        try
        {
            deviation = new Deviation(user.OrganisationId!.Value, document!, command.UnitId!.Value, command.Requirement!, command.Reason!, command.CompensatingMeasures, command.ExpiresOn!.Value, me, queries.Today);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey, Deviation.MaxYears);
        }

        db.Deviations.Add(deviation);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(deviation.Id);
    }

    public Task<Outcome<Guid>> AssessAsync(Guid id, AssessCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new Validator()
            .Check(command.Recommend is not null, nameof(AssessCommand.Recommend), "Validation.Required")
            .Required(nameof(AssessCommand.Assessment), command.Assessment, 4000);
        return MoveAsync(id, command.Version, errors, Permissions.DeviationsAssess, (d, me) => d.Assess(me, command.Recommend!.Value, command.Assessment!, queries.Today), cancellationToken);
    }

    public Task<Outcome<Guid>> DecideAsync(Guid id, DecideCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new Validator()
            .Check(command.Approve is not null, nameof(DecideCommand.Approve), "Validation.Required")
            .Required(nameof(DecideCommand.DecisionReference), command.DecisionReference, 200)
            .Optional(nameof(DecideCommand.Comment), command.Comment, 4000);
        return MoveAsync(id, command.Version, errors, Permissions.DeviationsDecide, (d, me) => d.Decide(me, command.Approve!.Value, command.DecisionReference!, command.Comment, queries.Today), cancellationToken);
    }

    /// <summary>The unit takes its request back: whoever may request for the unit, or the requester.</summary>
    public Task<Outcome<Guid>> WithdrawAsync(Guid id, VersionCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return MoveAsync(id, command.Version, new Validator(), Permissions.DeviationsRequest, (d, _) => d.Withdraw(), cancellationToken);
    }

    /// <summary>The unit follows the rule again: the security officer or the director records it.</summary>
    public async Task<Outcome<Guid>> EndAsync(Guid id, VersionCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var permission = (await user.UnitScopeAsync(Permissions.DeviationsAssess, cancellationToken)) is null ? Permissions.DeviationsAssess : Permissions.DeviationsDecide;
        return await MoveAsync(id, command.Version, new Validator(), permission, (d, _) => d.End(queries.Today), cancellationToken);
    }

    private async Task<Outcome<Guid>> MoveAsync(Guid id, int? version, Validator errors, string permission, Action<Deviation, Guid> move, CancellationToken cancellationToken)
    {
        var deviation = await db.Deviations.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (deviation is null || !await queries.CoversAsync(Permissions.DeviationsRead, deviation.UnitId, cancellationToken))
        {
            return Outcome<Guid>.NotFound();
        }

        if (!await queries.CoversAsync(permission, deviation.UnitId, cancellationToken) || user.PersonId is not { } me)
        {
            return Outcome<Guid>.Forbidden();
        }

        errors.Check(version is not null, "Version", "Validation.Required");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        db.Entry(deviation).Property(d => d.Version).OriginalValue = version!.Value;
        try
        {
            move(deviation, me);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
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
