using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Documents;
using Tillit.Domain.Organisations;
using Tillit.Web.Infrastructure;

namespace Tillit.Web.Features.Home;

public sealed record HomeFigures(int Units, int People, int CurrentDocuments, string? PolicyTitle, Guid? PolicyId, int OverdueReviews = 0);

/// <summary>
/// The few figures the start page shows today: one query, and the number of people from the
/// <see cref="OrganisationCache"/> (counting 50,000 people on each view of the start page cost more
/// than the rest of the page together).
/// </summary>
public sealed class HomeQueries(TillitDbContext db, OrganisationCache cache, TimeProvider clock)
{
    public async Task<HomeFigures> FiguresAsync(CancellationToken cancellationToken)
    {
        if (db.CurrentOrganisationId is not { } organisationId)
        {
            return new HomeFigures(0, 0, 0, null, null);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        // Organisation has no tenant filter of its own; the subqueries keep theirs. (IgnoreQueryFilters
        // here would switch off the filters of the subqueries too and count every organisation's rows.)
        var figures = await db.Organisations
            .Where(o => o.Id == organisationId)
            .Select(o => new HomeFigures(
                db.Units.Count(),
                0,
                db.DocumentVersions.Count(v => v.Status == DocumentStatus.Current),
                db.Documents.Where(d => d.Type == DocumentType.Policy).Select(d => d.Title).FirstOrDefault(),
                db.Documents.Where(d => d.Type == DocumentType.Policy).Select(d => (Guid?)d.Id).FirstOrDefault(),
                db.Documents.Count(d => d.NextReview != null && d.NextReview < today)))
            .FirstOrDefaultAsync(cancellationToken);
        if (figures is null)
        {
            return new HomeFigures(0, 0, 0, null, null);
        }

        var people = await cache.GetOrCreateAsync(typeof(Person), "active-people", organisationId, async () =>
            new System.Runtime.CompilerServices.StrongBox<int>(await db.People.CountAsync(p => p.IsActive, cancellationToken)));
        return figures with { People = people.Value };
    }
}
