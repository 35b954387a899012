using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Tillit.Data;
using Tillit.Domain.Documents;

namespace Tillit.Web.Features.Home;

public sealed record HomeFigures(int Units, int People, int CurrentDocuments, string? PolicyTitle, Guid? PolicyId);

/// <summary>The few figures the start page shows today: one query, and a people count kept for a minute.</summary>
public sealed class HomeQueries(TillitDbContext db, IMemoryCache cache)
{
    /// <summary>
    /// Counting every person (50,000 in a large municipality) on each view of the start page costs more
    /// than the rest of the page together; an overview figure a minute old is good enough.
    /// </summary>
    public static readonly TimeSpan PeopleCountLifetime = TimeSpan.FromMinutes(1);

    public async Task<HomeFigures> FiguresAsync(CancellationToken cancellationToken)
    {
        if (db.CurrentOrganisationId is not { } organisationId)
        {
            return new HomeFigures(0, 0, 0, null, null);
        }

        // Organisation has no tenant filter of its own; the subqueries keep theirs. (IgnoreQueryFilters
        // here would switch off the filters of the subqueries too and count every organisation's rows.)
        var figures = await db.Organisations
            .Where(o => o.Id == organisationId)
            .Select(o => new HomeFigures(
                db.Units.Count(),
                0,
                db.DocumentVersions.Count(v => v.Status == DocumentStatus.Current),
                db.Documents.Where(d => d.Type == DocumentType.Policy).Select(d => d.Title).FirstOrDefault(),
                db.Documents.Where(d => d.Type == DocumentType.Policy).Select(d => (Guid?)d.Id).FirstOrDefault()))
            .FirstOrDefaultAsync(cancellationToken);
        if (figures is null)
        {
            return new HomeFigures(0, 0, 0, null, null);
        }

        var key = (nameof(HomeFigures.People), organisationId);
        if (!cache.TryGetValue(key, out int people))
        {
            people = await db.People.CountAsync(p => p.IsActive, cancellationToken);
            cache.Set(key, people, PeopleCountLifetime);
        }

        return figures with { People = people };
    }
}
