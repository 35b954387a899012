using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Documents;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Home;

public sealed record HomeFigures(int Units, int People, int CurrentDocuments, string? PolicyTitle, Guid? PolicyId);

/// <summary>The few figures the start page shows today; one query.</summary>
public sealed class HomeQueries(TillitDbContext db)
{
    public async Task<HomeFigures> FiguresAsync(CancellationToken cancellationToken)
    {
        var figures = await db.Organisations.IgnoreQueryFilters()
            .Where(o => o.Id == db.CurrentOrganisationId)
            .Select(o => new HomeFigures(
                db.Units.Count(),
                db.People.Count(p => p.IsActive),
                db.DocumentVersions.Count(v => v.Status == DocumentStatus.Current),
                db.Documents.Where(d => d.Type == DocumentType.Policy).Select(d => d.Title).FirstOrDefault(),
                db.Documents.Where(d => d.Type == DocumentType.Policy).Select(d => (Guid?)d.Id).FirstOrDefault()))
            .FirstOrDefaultAsync(cancellationToken);
        return figures ?? new HomeFigures(0, 0, 0, null, null);
    }
}
