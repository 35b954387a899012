using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Access;
using Tillit.Domain.Common;
using Tillit.Domain.Measures;
using Tillit.Domain.Requirements;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Measures;

/// <summary>
/// Puts a measure in the action plan. Other features (risks, incidents, exercises) call
/// <see cref="HandleAsync"/> with their origin kind and record id; an assessed requirement gap becomes a
/// measure in one step with <see cref="FromAssessmentAsync"/>.
/// </summary>
public sealed class CreateMeasure(TillitDbContext db, CurrentUser user, MeasureAccess access, TimeProvider clock)
{
    /// <summary>Days from today to the due date of a measure made from a gap.</summary>
    public const int DefaultDueDays = 90;

    /// <param name="Title">What is to be done.</param>
    /// <param name="Description">More about it.</param>
    /// <param name="Origin">RequirementGap, Classification, Risk, Incident, Exercise, Audit, Goal or Other.</param>
    /// <param name="OriginId">The id of the record it came from (not needed for Other).</param>
    /// <param name="SystemId">The system concerned, if any.</param>
    /// <param name="UnitId">The unit concerned, if any.</param>
    /// <param name="OwnerId">The person responsible.</param>
    /// <param name="DueDate">By when.</param>
    public sealed record Command(string? Title, string? Description, MeasureOrigin? Origin, Guid? OriginId, Guid? SystemId, Guid? UnitId, Guid? OwnerId, DateOnly? DueDate);

    public async Task<Outcome<Guid>> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await access.MayManageAsync(command.SystemId, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = await MeasureValidation.ValidateAsync(db, command.Title, command.Description, command.SystemId, command.UnitId, command.OwnerId, command.DueDate, cancellationToken);
        errors.Defined(nameof(Command.Origin), command.Origin)
            .Check(command.Origin is null or MeasureOrigin.Other || command.OriginId is not null, nameof(Command.OriginId), "Measure.OriginRequired");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        return await AddAsync(command, cancellationToken);
    }

    /// <summary>
    /// The assessed gap (not met or partly met) of a requirement in a system becomes a measure: titled after the
    /// requirement, described by the assessment, owned by the system's owner (or the one who asks), due in
    /// <see cref="DefaultDueDays"/> days. An open measure already made of the same gap is returned instead of a second.
    /// </summary>
    public async Task<Outcome<Guid>> FromAssessmentAsync(Guid systemId, Guid requirementId, CancellationToken cancellationToken)
    {
        var system = await db.InformationSystems.AsNoTracking().Where(s => s.Id == systemId)
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { s.Id, s.Name, s.UnitId, u.Path })
            .FirstOrDefaultAsync(cancellationToken);
        var requirement = await db.Requirements.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requirementId, cancellationToken);
        if (system is null || requirement is null)
        {
            return Outcome<Guid>.NotFound();
        }

        if (!await user.HasForSystemAsync(Permissions.AssessmentsManage, systemId, system.Path, cancellationToken)
            || !await access.MayManageAsync(systemId, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var assessment = await db.RequirementAssessments.AsNoTracking().FirstOrDefaultAsync(a => a.SystemId == systemId && a.RequirementId == requirementId, cancellationToken);
        if (assessment is not { IsGap: true })
        {
            return Outcome<Guid>.Invalid(string.Empty, "Measure.NoGap");
        }

        var existing = await db.Measures.AsNoTracking()
            .Where(m => m.Origin == MeasureOrigin.RequirementGap && m.OriginId == requirementId && m.SystemId == systemId
                && (m.Status == MeasureStatus.Planned || m.Status == MeasureStatus.InProgress))
            .Select(m => (Guid?)m.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return Outcome<Guid>.Ok(id);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var owner = await db.RoleAssignments.AsNoTracking()
            .Where(a => a.Role == Role.SystemOwner && a.ScopeKind == ScopeKind.InformationSystem && a.ScopeId == systemId && a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today))
            .OrderByDescending(a => a.ValidFrom).ThenByDescending(a => a.Id)
            .Select(a => (Guid?)a.PersonId)
            .FirstOrDefaultAsync(cancellationToken);
        var title = $"{requirement.Code} {requirement.Title}";
        return await AddAsync(
            new Command(
                title.Length > Measure.TitleLength ? title[..Measure.TitleLength] : title,
                assessment.How,
                MeasureOrigin.RequirementGap,
                requirementId,
                systemId,
                system.UnitId,
                owner ?? user.PersonId,
                today.AddDays(DefaultDueDays)),
            cancellationToken);
    }

    private async Task<Outcome<Guid>> AddAsync(Command command, CancellationToken cancellationToken)
    {
        Measure measure;
        try
        {
            measure = new Measure(
                user.OrganisationId!.Value,
                command.Title!,
                command.Description ?? string.Empty,
                command.Origin!.Value,
                command.OriginId,
                command.SystemId,
                command.UnitId,
                command.OwnerId!.Value,
                command.DueDate!.Value,
                DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }

        db.Measures.Add(measure);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(measure.Id);
    }
}

/// <summary>The checks shared by creating and changing a measure.</summary>
internal static class MeasureValidation
{
    public static async Task<Validator> ValidateAsync(TillitDbContext db, string? title, string? description, Guid? systemId, Guid? unitId, Guid? ownerId, DateOnly? dueDate, CancellationToken cancellationToken)
    {
        var errors = new Validator()
            .Required("Title", title, Measure.TitleLength)
            .Optional("Description", description, Measure.TextLength)
            .Check(ownerId is not null, "OwnerId", "Validation.Required")
            .Check(dueDate is not null, "DueDate", "Validation.Required");
        if (ownerId is { } owner && !await db.People.AnyAsync(p => p.Id == owner, cancellationToken))
        {
            errors.Check(false, "OwnerId", "Measure.OwnerUnknown");
        }

        if (systemId is { } system && !await db.InformationSystems.AnyAsync(s => s.Id == system, cancellationToken))
        {
            errors.Check(false, "SystemId", "Measure.SystemUnknown");
        }

        if (unitId is { } unit && !await db.Units.AnyAsync(u => u.Id == unit, cancellationToken))
        {
            errors.Check(false, "UnitId", "System.UnitUnknown");
        }

        return errors;
    }
}
