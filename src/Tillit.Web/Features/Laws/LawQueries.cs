using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Laws;

namespace Tillit.Web.Features.Laws;

/// <param name="Q">Part of the reference or title.</param>
/// <param name="Kind">Only this kind of rule.</param>
/// <param name="Compliance">Only this compliance status.</param>
/// <param name="Overdue">Only entries whose review date has passed (a gap).</param>
/// <param name="SystemId">Only rules that apply to this system.</param>
public sealed record LawFilter(string? Q = null, LegalKind? Kind = null, ComplianceStatus? Compliance = null, bool Overdue = false, Guid? SystemId = null);

public sealed record LawRow(Guid Id, string Reference, string Title, string? TitleEn, LegalKind Kind, ComplianceStatus Compliance, DateOnly? NextReview, string? ResponsibleName);

public sealed record LawLink(Guid Id, string Name);

public sealed record LawDetails(
    Guid Id,
    string Reference,
    LegalKind Kind,
    string Title,
    string? TitleEn,
    string Demands,
    string? DemandsEn,
    Guid? ResponsibleId,
    string? ResponsibleName,
    DateOnly? NextReview,
    ComplianceStatus Compliance,
    string? ComplianceComment,
    IReadOnlyList<LawLink> Units,
    IReadOnlyList<LawLink> Systems,
    int Version);

/// <summary>The legal register's gaps: reviews past their date, rules not followed, rules never assessed.</summary>
public sealed record LawGaps(int OverdueReviews, int NotCompliant, int NotAssessed);

/// <summary>
/// Reads the legal register. Like the requirement catalogue it is the organisation's rules, not protected
/// data: everyone who reads the register (systems.read) reads it.
/// </summary>
public sealed class LawQueries(TillitDbContext db, TimeProvider clock)
{
    public static readonly SortColumns<LegalRequirement> Sorts = new SortColumns<LegalRequirement>("reference")
        .Add("reference", l => l.Reference)
        .Add("title", l => l.Title)
        .Add("kind", l => l.Kind)
        .Add("compliance", l => l.Compliance)
        .Add("review", l => l.NextReview);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Task<Paged<LawRow>> ListAsync(LawFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Sorts.PageAsync(
            Filter(db.LegalRequirements.AsNoTracking(), filter),
            page,
            l => new LawRow(l.Id, l.Reference, l.Title, l.TitleEn, l.Kind, l.Compliance, l.NextReview, db.People.Where(p => p.Id == l.ResponsibleId).Select(p => p.Name).FirstOrDefault()),
            l => l.Id,
            cancellationToken);
    }

    public async Task<Outcome<LawDetails>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var l = await db.LegalRequirements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (l is null)
        {
            return Outcome<LawDetails>.NotFound();
        }

        var responsible = l.ResponsibleId is { } rid ? await db.People.Where(p => p.Id == rid).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var units = await db.LegalRequirementUnits.Where(x => x.LegalRequirementId == id)
            .Join(db.Units, x => x.UnitId, u => u.Id, (x, u) => u).OrderBy(u => u.Name).Select(u => new LawLink(u.Id, u.Name)).ToListAsync(cancellationToken);
        var systems = await db.LegalRequirementSystems.Where(x => x.LegalRequirementId == id)
            .Join(db.InformationSystems, x => x.SystemId, s => s.Id, (x, s) => s).OrderBy(s => s.Name).Select(s => new LawLink(s.Id, s.Name)).ToListAsync(cancellationToken);
        return Outcome<LawDetails>.Ok(new LawDetails(l.Id, l.Reference, l.Kind, l.Title, l.TitleEn, l.Demands, l.DemandsEn, l.ResponsibleId, responsible, l.NextReview, l.Compliance, l.ComplianceComment, units, systems, l.Version));
    }

    /// <summary>The rules that apply to one system (for its page), by reference; capped.</summary>
    public async Task<IReadOnlyList<LawRow>> ForSystemAsync(Guid systemId, CancellationToken cancellationToken) =>
        await db.LegalRequirementSystems.AsNoTracking().Where(x => x.SystemId == systemId)
            .Join(db.LegalRequirements, x => x.LegalRequirementId, l => l.Id, (x, l) => l)
            .OrderBy(l => l.Reference)
            .Take(200)
            .Select(l => new LawRow(l.Id, l.Reference, l.Title, l.TitleEn, l.Kind, l.Compliance, l.NextReview, null))
            .ToListAsync(cancellationToken);

    /// <summary>The register's gaps for the start page: three counts in one query.</summary>
    public async Task<LawGaps> GapsAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var counts = await db.LegalRequirements.AsNoTracking()
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Overdue = g.Count(l => l.NextReview != null && l.NextReview < today),
                NotCompliant = g.Count(l => l.Compliance == ComplianceStatus.NotCompliant),
                NotAssessed = g.Count(l => l.Compliance == ComplianceStatus.NotAssessed),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return counts is null ? new LawGaps(0, 0, 0) : new LawGaps(counts.Overdue, counts.NotCompliant, counts.NotAssessed);
    }

    private IQueryable<LegalRequirement> Filter(IQueryable<LegalRequirement> query, LawFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var term = filter.Q.Trim().ToLowerInvariant();
            query = query.Where(l => l.Reference.ToLower().Contains(term) || l.Title.ToLower().Contains(term));
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(l => l.Kind == kind);
        }

        if (filter.Compliance is { } compliance)
        {
            query = query.Where(l => l.Compliance == compliance);
        }

        if (filter.Overdue)
        {
            var today = Today;
            query = query.Where(l => l.NextReview != null && l.NextReview < today);
        }

        if (filter.SystemId is { } systemId)
        {
            query = query.Where(l => db.LegalRequirementSystems.Any(x => x.LegalRequirementId == l.Id && x.SystemId == systemId));
        }

        return query;
    }
}
