using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Common;
using Tillit.Domain.Requirements;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Requirements;

/// <summary>
/// Records how a system meets one of its requirements. The system's owner assesses their own systems
/// (assessments.manage in the appointment's scope); the security officer any system. Only a requirement the
/// system's protection need selects can be assessed.
/// </summary>
public sealed class AssessRequirement(TillitDbContext db, CurrentUser user, TimeProvider clock)
{
    /// <param name="Status">Met, PartlyMet, NotMet or NotApplicable.</param>
    /// <param name="How">How it is met, what is missing, or why it does not apply.</param>
    /// <param name="Version">The version of the assessment read (null when there was none), so two assessors cannot overwrite each other unseen.</param>
    public sealed record Command(AssessmentStatus? Status, string? How, int? Version);

    public async Task<Outcome<Guid>> HandleAsync(Guid systemId, Guid requirementId, Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var system = await db.InformationSystems.AsNoTracking().Where(s => s.Id == systemId)
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { System = s, u.Path })
            .FirstOrDefaultAsync(cancellationToken);
        var requirement = await db.Requirements.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requirementId, cancellationToken);
        if (system is null || requirement is null)
        {
            return Outcome<Guid>.NotFound();
        }

        if (!await user.HasForSystemAsync(Permissions.AssessmentsManage, systemId, system.Path, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = new Validator()
            .Defined(nameof(Command.Status), command.Status)
            .Required(nameof(Command.How), command.How, 4000)
            .Check(requirement.AppliesTo(system.System.ProtectionNeed), nameof(Command.Status), "Assessment.NotSelected");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var assessment = await db.RequirementAssessments.FirstOrDefaultAsync(a => a.SystemId == systemId && a.RequirementId == requirementId, cancellationToken);
        if (assessment?.Version != command.Version)
        {
            return Outcome<Guid>.Conflict();
        }

        try
        {
            if (assessment is null)
            {
                assessment = new RequirementAssessment(user.OrganisationId!.Value, systemId, requirementId, command.Status!.Value, command.How!, user.PersonId!.Value, today);
                db.RequirementAssessments.Add(assessment);
            }
            else
            {
                assessment.Record(command.Status!.Value, command.How!, user.PersonId!.Value, today);
                db.Entry(assessment).Property(a => a.Version).IsModified = true;
            }
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent first assessment of the same pair (unique index) or a changed version.
            return Outcome<Guid>.Conflict();
        }

        return Outcome<Guid>.Ok(assessment.Id);
    }
}
