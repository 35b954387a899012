using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Documents;
using Tillit.Domain.Organisations;
using Tillit.Web.Infrastructure;

namespace Tillit.Web.Features.Home;

public sealed record HomeFigures(int Units, int People, int CurrentDocuments, string? PolicyTitle, Guid? PolicyId, int OverdueReviews = 0);

/// <summary>
/// The few figures the start page shows today, kept in the <see cref="OrganisationCache"/> for the day, and the number of people from the
/// <see cref="OrganisationCache"/> (counting 50,000 people on each view of the start page cost more
/// than the rest of the page together).
/// </summary>
public sealed class HomeQueries(TillitDbContext db, OrganisationCache cache, TimeProvider clock)
{
    private static readonly Type[] FigureSources = [typeof(Domain.Organisations.Unit), typeof(DocumentVersion), typeof(GoverningDocument)];

    public async Task<HomeFigures> FiguresAsync(CancellationToken cancellationToken)
    {
        if (db.CurrentOrganisationId is not { } organisationId)
        {
            return new HomeFigures(0, 0, 0, null, null);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        // The same for everyone in the organisation: kept for the day until a unit or a document is saved.
        var figures = await cache.GetOrCreateAsync(FigureSources, "home-figures|" + today.DayNumber, organisationId, async () =>
            // Organisation has no tenant filter of its own; the subqueries keep theirs. (IgnoreQueryFilters
            // here would switch off the filters of the subqueries too and count every organisation's rows.)
            await db.Organisations
                .Where(o => o.Id == organisationId)
                .Select(o => new HomeFigures(
                    db.Units.Count(),
                    0,
                    db.DocumentVersions.Count(v => v.Status == DocumentStatus.Current),
                    db.Documents.Where(d => d.Type == DocumentType.Policy).Select(d => d.Title).FirstOrDefault(),
                    db.Documents.Where(d => d.Type == DocumentType.Policy).Select(d => (Guid?)d.Id).FirstOrDefault(),
                    db.Documents.Count(d => d.NextReview != null && d.NextReview < today)))
                .FirstOrDefaultAsync(cancellationToken) ?? new HomeFigures(0, 0, 0, null, null));
        var people = await cache.GetOrCreateAsync(typeof(Person), "active-people", organisationId, async () =>
            new System.Runtime.CompilerServices.StrongBox<int>(await db.People.CountAsync(p => p.IsActive, cancellationToken)));
        return figures with { People = people.Value };
    }
}
