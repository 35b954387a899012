using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Register;
using Tillit.Domain.Requirements;

namespace Tillit.Web.Features.Requirements;

/// <param name="Q">Part of the code or title.</param>
/// <param name="Area">Only this area.</param>
/// <param name="Aspect">Only this aspect.</param>
/// <param name="Active">Only active (true) or inactive (false) requirements.</param>
public sealed record RequirementFilter(string? Q = null, RequirementArea? Area = null, Aspect? Aspect = null, bool? Active = null);

public sealed record RequirementRow(Guid Id, string Code, string Title, string? TitleEn, RequirementArea Area, Aspect Aspect, ConsequenceLevel FromLevel, string IsoControls, string Nis2Areas, bool IsActive);

public sealed record RequirementDetails(Guid Id, string Code, string Title, string? TitleEn, string Description, RequirementArea Area, Aspect Aspect, ConsequenceLevel FromLevel, string IsoControls, string Nis2Areas, bool IsActive, int Version);

/// <summary>
/// Reads the requirement catalogue. The catalogue is the organisation's rules, not protected data: everyone who
/// may read the register reads it (systems.read).
/// </summary>
public sealed class RequirementQueries(TillitDbContext db)
{
    public static readonly SortColumns<Requirement> Sorts = new SortColumns<Requirement>("code")
        .Add("code", r => r.Code)
        .Add("title", r => r.Title)
        .Add("area", r => r.Area)
        .Add("aspect", r => r.Aspect)
        .Add("level", r => r.FromLevel);

    public Task<Paged<RequirementRow>> ListAsync(RequirementFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Sorts.PageAsync(
            Filter(db.Requirements.AsNoTracking(), filter),
            page,
            r => new RequirementRow(r.Id, r.Code, r.Title, r.TitleEn, r.Area, r.Aspect, r.FromLevel, r.IsoControls, r.Nis2Areas, r.IsActive),
            r => r.Id,
            cancellationToken);
    }

    public async Task<Outcome<RequirementDetails>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var r = await db.Requirements.AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new RequirementDetails(r.Id, r.Code, r.Title, r.TitleEn, r.Description, r.Area, r.Aspect, r.FromLevel, r.IsoControls, r.Nis2Areas, r.IsActive, r.Version))
            .FirstOrDefaultAsync(cancellationToken);
        return r is null ? Outcome<RequirementDetails>.NotFound() : Outcome<RequirementDetails>.Ok(r);
    }

    /// <summary>The requirements a system with this protection need must meet, as a query (the domain rule of selection, in SQL).</summary>
    public static IQueryable<Requirement> SelectedFor(IQueryable<Requirement> requirements, ProtectionNeed? need)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        if (need is not { } n)
        {
            return requirements.Where(_ => false);
        }

        return requirements.Where(r => r.IsActive && (
            (r.Aspect == Aspect.Confidentiality && r.FromLevel <= n.Confidentiality)
            || (r.Aspect == Aspect.Integrity && r.FromLevel <= n.Integrity)
            || (r.Aspect == Aspect.Availability && r.FromLevel <= n.Availability)
            || (r.Aspect == Aspect.Traceability && r.FromLevel <= n.Traceability)));
    }

    /// <summary>The same rule with both sides in the database: does requirement r apply to system s.</summary>
    public static Expression<Func<InformationSystem, Requirement, bool>> Applies { get; } = (s, r) => r.IsActive && (
        (r.Aspect == Aspect.Confidentiality && s.NeedConfidentiality >= r.FromLevel)
        || (r.Aspect == Aspect.Integrity && s.NeedIntegrity >= r.FromLevel)
        || (r.Aspect == Aspect.Availability && s.NeedAvailability >= r.FromLevel)
        || (r.Aspect == Aspect.Traceability && s.NeedTraceability >= r.FromLevel));

    internal static IQueryable<Requirement> Filter(IQueryable<Requirement> query, RequirementFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var term = filter.Q.Trim().ToLowerInvariant();
            query = query.Where(r => r.Code.ToLower().Contains(term) || r.Title.ToLower().Contains(term));
        }

        if (filter.Area is { } area)
        {
            query = query.Where(r => r.Area == area);
        }

        if (filter.Aspect is { } aspect)
        {
            query = query.Where(r => r.Aspect == aspect);
        }

        if (filter.Active is { } active)
        {
            query = query.Where(r => r.IsActive == active);
        }

        return query;
    }
}
