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
public sealed class AssessmentQueries(TillitDbContext db, CurrentUser user, AuditTrail trail, Infrastructure.OrganisationCache cache)
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
            })
            .ToListAsync(cancellationToken);

        // The open measures per requirement, from this system's measures. Counted per requirement inside the query above,
        // SQLite chose the (origin, origin id) index and read each requirement's measures of every system: some 50,000
        // rows, 0.3 s a page on the large municipality.
        var open = await db.Measures.AsNoTracking()
            .Where(m => m.SystemId == systemId && m.Origin == MeasureOrigin.RequirementGap && m.OriginId != null
                && (m.Status == MeasureStatus.Planned || m.Status == MeasureStatus.InProgress || m.Status == MeasureStatus.Done))
            .GroupBy(m => m.OriginId!.Value)
            .Select(g => new { RequirementId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.RequirementId, x => x.Count, cancellationToken);
        var list = rows.Select(r => new AssessmentRow(r.Id, r.Code, r.Title, r.TitleEn, r.Area, r.Aspect, r.FromLevel, r.Status, r.How, r.By, r.AssessedOn, open.GetValueOrDefault(r.Id))).ToList();
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
    /// its level selects and how many of those stand at each status: the page's requirements in one query, their
    /// counts from the organisation's totals (<see cref="ApplicabilityTotalsAsync"/>).
    /// </summary>
    public async Task<Outcome<Paged<ApplicabilityRow>>> ApplicabilityAsync(RequirementFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!await user.HasAsync(Permissions.AssessmentsRead, cancellationToken))
        {
            return Outcome<Paged<ApplicabilityRow>>.Forbidden();
        }

        // The counts come from the organisation's totals, kept until a system, requirement or assessment is saved: counted
        // per requirement in the database they took a second a page on the large municipality (every system per row).
        var listed = await ApplicabilitySorts.PageAsync(
            RequirementQueries.Filter(db.Requirements.AsNoTracking(), filter with { Active = filter.Active ?? true }),
            page,
            r => new { r.Id, r.Code, r.Title, r.TitleEn, r.Aspect, r.FromLevel, r.IsActive },
            r => r.Id,
            cancellationToken);
        var totals = db.CurrentOrganisationId is { } organisationId
            ? await cache.GetOrCreateAsync(ApplicabilitySources, "applicability", organisationId, () => ApplicabilityTotalsAsync(cancellationToken))
            : new ApplicabilityTotals([], new Dictionary<(Guid, AssessmentStatus), int>(), new Dictionary<Guid, int>());
        var rows = listed.Items.Select(r =>
            {
                var selected = r.IsActive ? totals.Needs.Where(n => n.Level(r.Aspect) >= r.FromLevel).Sum(n => n.Count) : 0;
                int Of(AssessmentStatus status) => totals.ByStatus.GetValueOrDefault((r.Id, status));
                var counts = new StatusCounts(selected, Of(AssessmentStatus.Met), Of(AssessmentStatus.PartlyMet), Of(AssessmentStatus.NotMet), Of(AssessmentStatus.NotApplicable),
                    Math.Max(0, selected - (r.IsActive ? totals.AssessedSelected.GetValueOrDefault(r.Id) : 0)));
                return new ApplicabilityRow(r.Id, r.Code, r.Title, r.TitleEn, r.Aspect, r.FromLevel, counts);
            })
            .ToList();
        var result = new Paged<ApplicabilityRow>(rows, listed.Total, listed.Page, listed.Size, listed.Sort, listed.Descending);
        await trail.RecordListAsync(ProtectedType, $"applicability;q={filter.Q};area={filter.Area};aspect={filter.Aspect};page={page.SafePage}", result.Items.Count);
        return Outcome<Paged<ApplicabilityRow>>.Ok(result);
    }

    private static readonly Type[] ApplicabilitySources = [typeof(InformationSystem), typeof(Requirement), typeof(RequirementAssessment)];

    /// <summary>How many systems have each combination of protection levels.</summary>
    private sealed record NeedCount(ConsequenceLevel? K, ConsequenceLevel? R, ConsequenceLevel? T, ConsequenceLevel? S, int Count)
    {
        public ConsequenceLevel? Level(Aspect aspect) => aspect switch
        {
            Aspect.Confidentiality => K,
            Aspect.Integrity => R,
            Aspect.Availability => T,
            _ => S,
        };
    }

    /// <summary>
    /// The organisation's totals behind the statement of applicability: systems per combination of levels (a
    /// requirement selects those at or above its level in its aspect), assessments per requirement and status, and
    /// per requirement the assessments of systems it selects (the rest of those it selects are unassessed).
    /// </summary>
    private sealed record ApplicabilityTotals(IReadOnlyList<NeedCount> Needs, IReadOnlyDictionary<(Guid, AssessmentStatus), int> ByStatus, IReadOnlyDictionary<Guid, int> AssessedSelected);

    private async Task<ApplicabilityTotals> ApplicabilityTotalsAsync(CancellationToken cancellationToken)
    {
        var needs = (await db.InformationSystems.AsNoTracking()
                .GroupBy(s => new { s.NeedConfidentiality, s.NeedIntegrity, s.NeedAvailability, s.NeedTraceability })
                .Select(g => new { g.Key.NeedConfidentiality, g.Key.NeedIntegrity, g.Key.NeedAvailability, g.Key.NeedTraceability, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .Select(n => new NeedCount(n.NeedConfidentiality, n.NeedIntegrity, n.NeedAvailability, n.NeedTraceability, n.Count))
            .ToList();
        var byStatus = (await db.RequirementAssessments.AsNoTracking()
                .GroupBy(a => new { a.RequirementId, a.Status })
                .Select(g => new { g.Key.RequirementId, g.Key.Status, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(x => (x.RequirementId, x.Status), x => x.Count);
        var assessedSelected = await db.RequirementAssessments.AsNoTracking()
            .Join(db.InformationSystems, a => a.SystemId, s => s.Id, (a, s) => new { a.RequirementId, s.NeedConfidentiality, s.NeedIntegrity, s.NeedAvailability, s.NeedTraceability })
            .Join(db.Requirements, x => x.RequirementId, r => r.Id, (x, r) => new { x, r.Aspect, r.FromLevel })
            .Where(y => (y.Aspect == Aspect.Confidentiality && y.x.NeedConfidentiality >= y.FromLevel) || (y.Aspect == Aspect.Integrity && y.x.NeedIntegrity >= y.FromLevel)
                || (y.Aspect == Aspect.Availability && y.x.NeedAvailability >= y.FromLevel) || (y.Aspect == Aspect.Traceability && y.x.NeedTraceability >= y.FromLevel))
            .GroupBy(y => y.x.RequirementId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        return new ApplicabilityTotals(needs, byStatus, assessedSelected);
    }
}
