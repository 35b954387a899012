using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Documents;

namespace Tillit.Web.Features.Documents;

/// <summary>A document in the list with the version that applies: the current one, or else the newest.</summary>
public sealed record DocumentRow(
    Guid Id, DocumentType Type, string Title, int? VersionNumber, DocumentStatus? Status, string? DecisionBody, DateOnly? DecisionDate, DateOnly? NextReview);

/// <summary>The decision that made a version current.</summary>
public sealed record DecisionRecord(string? Body, DateOnly? Date, string? Paragraph, string? RegistryNumber, DateOnly? ValidFrom, DateOnly? NextReview);

public sealed record CurrentVersion(Guid Id, int Number, string Markdown, DecisionRecord Decision);

/// <summary>
/// A document for reading: its current version (null when none is decided yet) and, when a newer
/// version is on its way, that version's number and status.
/// </summary>
public sealed record DocumentDetails(
    Guid Id, DocumentType Type, string Title, string? OwnerName, Guid? ParentId, string? ParentTitle, CurrentVersion? Current, int? NewerNumber, DocumentStatus? NewerStatus);

/// <summary>Reads the organisation's governing documents. Every person may read them (documents.read).</summary>
public sealed class DocumentQueries(TillitDbContext db)
{
    public static readonly SortColumns<GoverningDocument> Sorts = new SortColumns<GoverningDocument>("type")
        .Add("type", d => d.Type)
        .Add("title", d => d.Title);

    public async Task<Paged<DocumentRow>> ListAsync(string? search, DocumentType? type, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Documents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(d => d.Title.Contains(term));
        }

        if (type is not null)
        {
            query = query.Where(d => d.Type == type);
        }

        var documents = await Sorts.PageAsync(query, page, d => new { d.Id, d.Type, d.Title, d.NextReview }, d => d.Id, cancellationToken);

        // The versions of this page's documents, without their text; the one to show is picked here.
        var ids = documents.Items.Select(d => d.Id).ToList();
        var versions = await db.DocumentVersions.AsNoTracking()
            .Where(v => ids.Contains(v.DocumentId))
            .Select(v => new { v.DocumentId, v.Number, v.Status, v.DecisionBody, v.DecisionDate })
            .ToListAsync(cancellationToken);
        var shown = versions
            .GroupBy(v => v.DocumentId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.Status == DocumentStatus.Current).ThenByDescending(v => v.Number).First());
        var rows = documents.Items
            .Select(d => shown.TryGetValue(d.Id, out var v)
                ? new DocumentRow(d.Id, d.Type, d.Title, v.Number, v.Status, v.DecisionBody, v.DecisionDate, d.NextReview)
                : new DocumentRow(d.Id, d.Type, d.Title, null, null, null, null, null))
            .ToList();
        return new Paged<DocumentRow>(rows, documents.Total, documents.Page, documents.Size, documents.Sort, documents.Descending);
    }

    /// <summary>The document, or NotFound when it does not exist in this organisation.</summary>
    public async Task<Outcome<DocumentDetails>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking()
            .Where(d => d.Id == id)
            .Select(d => new
            {
                d.Id,
                d.Type,
                d.Title,
                d.ParentId,
                Owner = db.People.Where(p => p.Id == d.OwnerId).Select(p => p.Name).FirstOrDefault(),
                Parent = db.Documents.Where(p => p.Id == d.ParentId).Select(p => p.Title).FirstOrDefault(),
                Newest = db.DocumentVersions.Where(v => v.DocumentId == d.Id).OrderByDescending(v => v.Number).Select(v => new { v.Number, v.Status }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return Outcome<DocumentDetails>.NotFound();
        }

        var current = await db.DocumentVersions.AsNoTracking()
            .Where(v => v.DocumentId == id && v.Status == DocumentStatus.Current)
            .OrderByDescending(v => v.Number)
            .Select(v => new CurrentVersion(v.Id, v.Number, v.Markdown, new DecisionRecord(v.DecisionBody, v.DecisionDate, v.DecisionParagraph, v.RegistryNumber, v.ValidFrom, db.Documents.Where(d => d.Id == id).Select(d => d.NextReview).FirstOrDefault())))
            .FirstOrDefaultAsync(cancellationToken);
        var newer = document.Newest is { } n && (current is null || n.Number > current.Number) ? n : null;
        return Outcome<DocumentDetails>.Ok(new DocumentDetails(
            document.Id, document.Type, document.Title, document.Owner, document.ParentId, document.Parent, current, newer?.Number, newer?.Status));
    }
}
