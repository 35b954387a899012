using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Common;
using Tillit.Domain.Register;
using Tillit.Web.Features.Systems;
using Tillit.Web.Security;

namespace Tillit.Web.Features.InformationSets;

/// <summary>
/// Records a new classification of a set, approved by the signed-in system owner (a system owner
/// classifies only the sets held in their own systems). The current classification stays as history,
/// and the protection need of every system that holds the set is recomputed in the same transaction.
/// </summary>
public sealed class ClassifySet(TillitDbContext db, CurrentUser user, InformationSetQueries sets, ProtectionNeedQueries needs, TimeProvider clock)
{
    /// <param name="Confidentiality">Level 0–4 (Konfidentialitet).</param>
    /// <param name="Integrity">Level 0–4 (Riktighet).</param>
    /// <param name="Availability">Level 0–4 (Tillgänglighet).</param>
    /// <param name="Traceability">Level 0–4 (Spårbarhet).</param>
    /// <param name="ConfidentialityMotivation">Why that level.</param>
    /// <param name="IntegrityMotivation">Why that level.</param>
    /// <param name="AvailabilityMotivation">Why that level.</param>
    /// <param name="TraceabilityMotivation">Why that level.</param>
    /// <param name="Participants">Who took part.</param>
    /// <param name="ClassifiedOn">The day of the classification; today when left out.</param>
    /// <param name="ValidUntil">The last day it holds; the organisation's default (12 months) when left out.</param>
    /// <param name="CurrentId">The id of the current classification the classifier saw (none: null), so two classifiers cannot overwrite each other unseen.</param>
    public sealed record Command(
        ConsequenceLevel? Confidentiality,
        ConsequenceLevel? Integrity,
        ConsequenceLevel? Availability,
        ConsequenceLevel? Traceability,
        string? ConfidentialityMotivation,
        string? IntegrityMotivation,
        string? AvailabilityMotivation,
        string? TraceabilityMotivation,
        string? Participants,
        DateOnly? ClassifiedOn,
        DateOnly? ValidUntil,
        Guid? CurrentId);

    public async Task<Outcome<Guid>> HandleAsync(Guid setId, Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await db.InformationSets.AnyAsync(s => s.Id == setId, cancellationToken))
        {
            return Outcome<Guid>.NotFound();
        }

        if (!await sets.MayClassifyAsync(setId, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = new Validator()
            .Defined(nameof(Command.Confidentiality), command.Confidentiality)
            .Defined(nameof(Command.Integrity), command.Integrity)
            .Defined(nameof(Command.Availability), command.Availability)
            .Defined(nameof(Command.Traceability), command.Traceability)
            .Required(nameof(Command.ConfidentialityMotivation), command.ConfidentialityMotivation, 4000)
            .Required(nameof(Command.IntegrityMotivation), command.IntegrityMotivation, 4000)
            .Required(nameof(Command.AvailabilityMotivation), command.AvailabilityMotivation, 4000)
            .Required(nameof(Command.TraceabilityMotivation), command.TraceabilityMotivation, 4000)
            .Required(nameof(Command.Participants), command.Participants, 1000);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var classifiedOn = command.ClassifiedOn ?? today;
        errors.Check(classifiedOn <= today, nameof(Command.ClassifiedOn), "Classification.InFuture");
        var validUntil = command.ValidUntil ?? Classification.DefaultValidUntil(classifiedOn, await sets.ValidityMonthsAsync(cancellationToken));
        errors.Check(validUntil > classifiedOn, nameof(Command.ValidUntil), "Classification.ValidUntilBeforeDate");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        var current = await db.Classifications.FirstOrDefaultAsync(c => c.SetId == setId && c.IsCurrent, cancellationToken);
        if (current?.Id != command.CurrentId)
        {
            return Outcome<Guid>.Conflict();
        }

        Classification classification;
        try
        {
            classification = new Classification(
                user.OrganisationId!.Value,
                setId,
                new ProtectionNeed(command.Confidentiality!.Value, command.Integrity!.Value, command.Availability!.Value, command.Traceability!.Value),
                (command.ConfidentialityMotivation!, command.IntegrityMotivation!, command.AvailabilityMotivation!, command.TraceabilityMotivation!),
                command.Participants!,
                user.PersonId!.Value,
                classifiedOn,
                validUntil);
            current?.SupersedeBy(classification);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }

        db.Classifications.Add(classification);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            var systems = await db.InformationSetSystems.Where(h => h.SetId == setId).Select(h => h.SystemId).ToListAsync(cancellationToken);
            await needs.RecomputeAsync(systems, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict();
        }

        return Outcome<Guid>.Ok(classification.Id);
    }
}
