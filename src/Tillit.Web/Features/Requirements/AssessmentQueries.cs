using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Measures;
using Tillit.Domain.Register;
using Tillit.Domain.Requirements;
using Tillit.Web.Infrastructure.Audit;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Requirements;

/// <summary>How many requirements (or systems) stand at each status; Unassessed are selected but not yet assessed.</summary>
public sealed record StatusCounts(int Selected, int Met, int PartlyMet, int NotMet, int NotApplicable, int Unassessed);

public sealed record AssessmentRow(
    Guid RequirementId,
    string Code,
    string Title,
    string? TitleEn,
    RequirementArea Area,
    Aspect Aspect,
    ConsequenceLevel FromLevel,
    AssessmentStatus? Status,
    string? How,
    string? AssessedByName,
    DateOnly? AssessedOn,
    int OpenMeasures);

/// <summary>A system's statement of applicability: its protection need, the requirements it selects and how each is met.</summary>
public sealed record SystemAssessments(Guid SystemId, string SystemName, string? ProtectionNeed, bool MayAssess, StatusCounts Counts, IReadOnlyList<AssessmentRow> Requirements);

/// <summary>One requirement, one system: the requirement, whether the system's need selects it, the assessment and the measures made of it.</summary>
public sealed record AssessmentDetails(
    Guid SystemId,
    string SystemName,
    string? ProtectionNeed,
    RequirementDetails Requirement,
    bool Selected,
    bool MayAssess,
    AssessmentStatus? Status,
    string? How,
    string? AssessedByName,
    DateOnly? AssessedOn,
    int? Version,
    IReadOnlyList<MeasureLink> Measures);

public sealed record MeasureLink(Guid Id, string Title, MeasureStatus Status, DateOnly DueDate);

/// <summary>A row of the organisation's statement of applicability: one requirement and the systems at each status.</summary>
public sealed record ApplicabilityRow(Guid RequirementId, string Code, string Title, string? TitleEn, Aspect Aspect, ConsequenceLevel FromLevel, StatusCounts Counts);

/// <summary>
/// Reads requirement assessments, which are protected records: only assessments.read sees them (an employee
/// sees nothing), and each read or list is in the audit trail before the data is sent.
/// </summary>
public sealed class AssessmentQueries(TillitDbContext db, CurrentUser user, AuditTrail trail)
{
    public const string ProtectedType = "RequirementAssessment";

    public static readonly SortColumns<Requirement> ApplicabilitySorts = new SortColumns<Requirement>("code")
        .Add("code", r => r.Code)
        .Add("aspect", r => r.Aspect)
        .Add("level", r => r.FromLevel);

    public async Task<Outcome<SystemAssessments>> ForSystemAsync(Guid systemId, CancellationToken cancellationToken)
    {
        var found = await db.InformationSystems.AsNoTracking().Where(s => s.Id == systemId)
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { System = s, u.Path })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return Outcome<SystemAssessments>.NotFound();
        }

        if (!await user.HasAsync(Permissions.AssessmentsRead, cancellationToken))
        {
            return Outcome<SystemAssessments>.Forbidden();
        }

        var need = found.System.ProtectionNeed;
        var rows = await RequirementQueries.SelectedFor(db.Requirements.AsNoTracking(), need)
            .OrderBy(r => r.Code)
            .Take(1000)
            .Select(r => new
            {
                r.Id,
                r.Code,
                r.Title,
                r.TitleEn,
                r.Area,
                r.Aspect,
                r.FromLevel,
                // Column by column, each found by the (system, requirement) index: a subquery of several columns is a
                // window over every assessment of the organisation on SQLite.
                Status = db.RequirementAssessments.Where(a => a.SystemId == systemId && a.RequirementId == r.Id).Select(a => (AssessmentStatus?)a.Status).FirstOrDefault(),
                How = db.RequirementAssessments.Where(a => a.SystemId == systemId && a.RequirementId == r.Id).Select(a => a.How).FirstOrDefault(),
                AssessedOn = db.RequirementAssessments.Where(a => a.SystemId == systemId && a.RequirementId == r.Id).Select(a => (DateOnly?)a.AssessedOn).FirstOrDefault(),
                By = db.RequirementAssessments.Where(a => a.SystemId == systemId && a.RequirementId == r.Id)
                    .Select(a => db.People.Where(p => p.Id == a.AssessedById).Select(p => p.Name).FirstOrDefault()).FirstOrDefault(),
                Open = db.Measures.Count(m => m.Origin == MeasureOrigin.RequirementGap && m.OriginId == r.Id && m.SystemId == systemId
                    && (m.Status == MeasureStatus.Planned || m.Status == MeasureStatus.InProgress || m.Status == MeasureStatus.Done)),
            })
            .ToListAsync(cancellationToken);
        var list = rows.Select(r => new AssessmentRow(r.Id, r.Code, r.Title, r.TitleEn, r.Area, r.Aspect, r.FromLevel, r.Status, r.How, r.By, r.AssessedOn, r.Open)).ToList();
        var counts = new StatusCounts(
            list.Count,
            list.Count(r => r.Status == AssessmentStatus.Met),
            list.Count(r => r.Status == AssessmentStatus.PartlyMet),
            list.Count(r => r.Status == AssessmentStatus.NotMet),
            list.Count(r => r.Status == AssessmentStatus.NotApplicable),
            list.Count(r => r.Status is null));
        var mayAssess = await user.HasForSystemAsync(Permissions.AssessmentsManage, systemId, found.Path, cancellationToken);

        // Recorded durably before the assessments leave the server.
        await trail.RecordReadAsync(ProtectedType, systemId);
        return Outcome<SystemAssessments>.Ok(new SystemAssessments(systemId, found.System.Name, need?.ToString(), mayAssess, counts, list));
    }

    public async Task<Outcome<AssessmentDetails>> GetAsync(Guid systemId, Guid requirementId, CancellationToken cancellationToken)
    {
        var found = await db.InformationSystems.AsNoTracking().Where(s => s.Id == systemId)
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { System = s, u.Path })
            .FirstOrDefaultAsync(cancellationToken);
        var requirement = await db.Requirements.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requirementId, cancellationToken);
        if (found is null || requirement is null)
        {
            return Outcome<AssessmentDetails>.NotFound();
        }

        if (!await user.HasAsync(Permissions.AssessmentsRead, cancellationToken))
        {
            return Outcome<AssessmentDetails>.Forbidden();
        }

        var assessment = await db.RequirementAssessments.AsNoTracking()
            .Where(a => a.SystemId == systemId && a.RequirementId == requirementId)
            .Select(a => new { a.Status, a.How, a.AssessedOn, a.Version, By = db.People.Where(p => p.Id == a.AssessedById).Select(p => p.Name).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        var measures = await db.Measures.AsNoTracking()
            .Where(m => m.Origin == MeasureOrigin.RequirementGap && m.OriginId == requirementId && m.SystemId == systemId)
            .OrderByDescending(m => m.CreatedOn).ThenByDescending(m => m.Id)
            .Take(50)
            .Select(m => new MeasureLink(m.Id, m.Title, m.Status, m.DueDate))
            .ToListAsync(cancellationToken);
        var mayAssess = await user.HasForSystemAsync(Permissions.AssessmentsManage, systemId, found.Path, cancellationToken);
        var r = requirement;
        await trail.RecordReadAsync(ProtectedType, systemId);
        return Outcome<AssessmentDetails>.Ok(new AssessmentDetails(
            systemId,
            found.System.Name,
            found.System.ProtectionNeed?.ToString(),
            new RequirementDetails(r.Id, r.Code, r.Title, r.TitleEn, r.Description, r.Area, r.Aspect, r.FromLevel, r.IsoControls, r.Nis2Areas, r.IsActive, r.Version),
            r.AppliesTo(found.System.ProtectionNeed),
            mayAssess,
            assessment?.Status,
            assessment?.How,
            assessment?.By,
            assessment?.AssessedOn,
            assessment?.Version,
            measures));
    }

    /// <summary>
    /// The organisation's statement of applicability, a page of requirements at a time: for each, how many systems
    /// its level selects and how many of those stand at each status. One query per page.
    /// </summary>
    public async Task<Outcome<Paged<ApplicabilityRow>>> ApplicabilityAsync(RequirementFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!await user.HasAsync(Permissions.AssessmentsRead, cancellationToken))
        {
            return Outcome<Paged<ApplicabilityRow>>.Forbidden();
        }

        var systems = db.InformationSystems;
        var assessments = db.RequirementAssessments;

        // The selection rule written out per aspect, so each count is one correlated subquery EF can translate.
        var result = await ApplicabilitySorts.PageAsync(
            RequirementQueries.Filter(db.Requirements.AsNoTracking(), filter with { Active = filter.Active ?? true }),
            page,
            r => new ApplicabilityRow(
                r.Id,
                r.Code,
                r.Title,
                r.TitleEn,
                r.Aspect,
                r.FromLevel,
                new StatusCounts(
                    systems.Count(s => r.IsActive && ((r.Aspect == Aspect.Confidentiality && s.NeedConfidentiality >= r.FromLevel) || (r.Aspect == Aspect.Integrity && s.NeedIntegrity >= r.FromLevel) || (r.Aspect == Aspect.Availability && s.NeedAvailability >= r.FromLevel) || (r.Aspect == Aspect.Traceability && s.NeedTraceability >= r.FromLevel))),
                    assessments.Count(a => a.RequirementId == r.Id && a.Status == AssessmentStatus.Met),
                    assessments.Count(a => a.RequirementId == r.Id && a.Status == AssessmentStatus.PartlyMet),
                    assessments.Count(a => a.RequirementId == r.Id && a.Status == AssessmentStatus.NotMet),
                    assessments.Count(a => a.RequirementId == r.Id && a.Status == AssessmentStatus.NotApplicable),
                    systems.Count(s => r.IsActive
                        && ((r.Aspect == Aspect.Confidentiality && s.NeedConfidentiality >= r.FromLevel) || (r.Aspect == Aspect.Integrity && s.NeedIntegrity >= r.FromLevel) || (r.Aspect == Aspect.Availability && s.NeedAvailability >= r.FromLevel) || (r.Aspect == Aspect.Traceability && s.NeedTraceability >= r.FromLevel))
                        && !assessments.Any(a => a.SystemId == s.Id && a.RequirementId == r.Id)))),
            r => r.Id,
            cancellationToken);
        await trail.RecordListAsync(ProtectedType, $"applicability;q={filter.Q};area={filter.Area};aspect={filter.Aspect};page={page.SafePage}", result.Items.Count);
        return Outcome<Paged<ApplicabilityRow>>.Ok(result);
    }
}
