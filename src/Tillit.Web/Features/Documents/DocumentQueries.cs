using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Documents;
using Tillit.Web.Infrastructure.Audit;

namespace Tillit.Web.Features.Documents;

/// <summary>A document in the library with its current version.</summary>
public sealed record DocumentRow(
    Guid Id, DocumentType Type, string Title, string? UnitName, int? VersionNumber, DocumentStatus? Status, string? DecisionBody, DateOnly? DecisionDate, DateOnly? NextReview);

/// <summary>The decision that made a version current.</summary>
public sealed record DecisionRecordView(string? Body, DateOnly? Date, string? Paragraph, string? RegistryNumber, DateOnly? ValidFrom, string? DecidedBy, string? EnteredBy, bool MajorChange);

/// <summary>One version in a document's history (no text).</summary>
public sealed record VersionRow(Guid Id, int Number, DocumentStatus Status, DateOnly? DecisionDate, DateOnly? EndedOn, bool MajorChange, int Version);

/// <summary>A version with its text, for reading.</summary>
public sealed record VersionView(Guid Id, int Number, DocumentStatus Status, string Markdown, DecisionRecordView Decision, DateOnly? EndedOn, int Version);

/// <summary>
/// A document for reading: the current version (null when none is decided), the history, and what the
/// reader may do. The text of a draft is never part of it; that is <see cref="DocumentQueries.GetVersionAsync"/>.
/// </summary>
public sealed record DocumentDetails(
    Guid Id,
    DocumentType Type,
    string Title,
    Guid OwnerId,
    string? OwnerName,
    string? OwnerEmail,
    Guid? ParentId,
    string? ParentTitle,
    Guid? UnitId,
    string? UnitName,
    int ReviewIntervalMonths,
    DateOnly? NextReview,
    int Version,
    VersionView? Current,
    IReadOnlyList<VersionRow> Versions,
    bool CanWrite,
    bool CanReadDrafts,
    bool CanDecide)
{
    public VersionRow? Open => Versions.FirstOrDefault(v => v.Status is DocumentStatus.Draft or DocumentStatus.ForDecision);
}

/// <summary>A document on the writers' work list: its open version.</summary>
public sealed record WorkRow(Guid Id, DocumentType Type, string Title, Guid VersionId, int Number, DocumentStatus Status, DateTime CreatedUtc);

/// <summary>
/// Reads the organisation's governing documents. Every person reads current and earlier decided
/// versions (documents.read); drafts and versions for decision are protected: only writers, draft
/// readers and deciders see them, and each read is in the audit trail before the text is sent.
/// </summary>
public sealed class DocumentQueries(TillitDbContext db, DocumentAccess access, AuditTrail trail)
{
    public static readonly SortColumns<GoverningDocument> Sorts = new SortColumns<GoverningDocument>("type")
        .Add("type", d => d.Type)
        .Add("title", d => d.Title)
        .Add("review", d => d.NextReview);

    /// <summary>The library: documents with a current version, searched by title, filtered by type and by unit (with its sub-units).</summary>
    public async Task<Paged<DocumentRow>> ListAsync(string? search, DocumentType? type, Guid? unitId, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Documents.AsNoTracking().Where(d => d.NextReview != null);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(d => d.Title.Contains(term));
        }

        if (type is not null)
        {
            query = query.Where(d => d.Type == type);
        }

        if (unitId is { } uid)
        {
            var path = await db.Units.Where(u => u.Id == uid).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken) ?? "-";
            query = query.Where(d => db.Units.Any(u => u.Id == d.UnitId && u.Path.StartsWith(path)));
        }

        var documents = await Sorts.PageAsync(
            query,
            page,
            d => new { d.Id, d.Type, d.Title, d.NextReview, Unit = db.Units.Where(u => u.Id == d.UnitId).Select(u => u.Name).FirstOrDefault() },
            d => d.Id,
            cancellationToken);

        // The current versions of this page's documents, without their text.
        var ids = documents.Items.Select(d => d.Id).ToList();
        var current = await db.DocumentVersions.AsNoTracking()
            .Where(v => ids.Contains(v.DocumentId) && v.Status == DocumentStatus.Current)
            .Select(v => new { v.DocumentId, v.Number, v.Status, v.DecisionBody, v.DecisionDate })
            .ToDictionaryAsync(v => v.DocumentId, cancellationToken);
        var rows = documents.Items
            .Select(d => current.TryGetValue(d.Id, out var v)
                ? new DocumentRow(d.Id, d.Type, d.Title, d.Unit, v.Number, v.Status, v.DecisionBody, v.DecisionDate, d.NextReview)
                : new DocumentRow(d.Id, d.Type, d.Title, d.Unit, null, null, null, null, d.NextReview))
            .ToList();
        return new Paged<DocumentRow>(rows, documents.Total, documents.Page, documents.Size, documents.Sort, documents.Descending);
    }

    /// <summary>Documents with a draft or a version for decision; a protected list (audited).</summary>
    public async Task<IReadOnlyList<WorkRow>> WorkListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.DocumentVersions.AsNoTracking()
            .Where(v => v.Status == DocumentStatus.Draft || v.Status == DocumentStatus.ForDecision)
            .Join(db.Documents, v => v.DocumentId, d => d.Id, (v, d) => new { v, d })
            .OrderByDescending(x => x.v.Status).ThenBy(x => x.d.Title)
            .Take(500)
            .Select(x => new WorkRow(x.d.Id, x.d.Type, x.d.Title, x.v.Id, x.v.Number, x.v.Status, x.v.CreatedUtc))
            .ToListAsync(cancellationToken);
        await trail.RecordListAsync(AuditTrail.Protected.DocumentDraft, "work", rows.Count);
        return rows;
    }

    /// <summary>The document, or NotFound when it does not exist in this organisation.</summary>
    public async Task<Outcome<DocumentDetails>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var d = await db.Documents.AsNoTracking()
            .Where(d => d.Id == id)
            .Select(d => new
            {
                d.Id,
                d.Type,
                d.Title,
                d.OwnerId,
                d.ParentId,
                d.UnitId,
                d.ReviewIntervalMonths,
                d.NextReview,
                d.Version,
                // Column by column: SQLite has no lateral join, so a subquery of two columns becomes a window over every person.
                OwnerName = db.People.Where(p => p.Id == d.OwnerId).Select(p => p.Name).FirstOrDefault(),
                OwnerEmail = db.People.Where(p => p.Id == d.OwnerId).Select(p => p.Email).FirstOrDefault(),
                Parent = db.Documents.Where(p => p.Id == d.ParentId).Select(p => p.Title).FirstOrDefault(),
                Unit = db.Units.Where(u => u.Id == d.UnitId).Select(u => u.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (d is null)
        {
            return Outcome<DocumentDetails>.NotFound();
        }

        var versions = await db.DocumentVersions.AsNoTracking()
            .Where(v => v.DocumentId == id)
            .OrderByDescending(v => v.Number)
            .Select(v => new VersionRow(v.Id, v.Number, v.Status, v.DecisionDate, v.EndedOn, v.IsMajorChange, v.Version))
            .ToListAsync(cancellationToken);
        var current = versions.FirstOrDefault(v => v.Status == DocumentStatus.Current);
        VersionView? currentView = null;
        if (current is not null)
        {
            currentView = await ViewAsync(current.Id, cancellationToken);
        }

        var canWrite = await access.CanWriteAsync(d.OwnerId, cancellationToken);
        var canDrafts = await access.CanReadDraftsAsync(d.Type, d.OwnerId, cancellationToken);
        var canDecide = await access.CanDecideAsync(d.Type, cancellationToken);

        // Without the right to see drafts, the history shows decided versions only.
        var shown = canDrafts ? versions : versions.Where(v => v.Status is not (DocumentStatus.Draft or DocumentStatus.ForDecision)).ToList();
        return Outcome<DocumentDetails>.Ok(new DocumentDetails(
            d.Id, d.Type, d.Title, d.OwnerId, d.OwnerName, d.OwnerEmail, d.ParentId, d.Parent, d.UnitId, d.Unit, d.ReviewIntervalMonths, d.NextReview, d.Version,
            currentView, shown, canWrite, canDrafts, canDecide));
    }

    /// <summary>
    /// One version with its text. A decided version (current, superseded, revoked) is open to every
    /// reader; a draft or a version for decision only to those who may see drafts, and the read is
    /// recorded in the audit trail before the text is returned.
    /// </summary>
    public async Task<Outcome<(DocumentDetails Document, VersionView Version)>> GetVersionAsync(Guid documentId, Guid versionId, CancellationToken cancellationToken)
    {
        var document = await GetAsync(documentId, cancellationToken);
        if (!document.IsOk)
        {
            return Outcome<(DocumentDetails, VersionView)>.NotFound();
        }

        var view = await VersionOfAsync(document.Value!, versionId, cancellationToken);
        return view.IsOk
            ? Outcome<(DocumentDetails, VersionView)>.Ok((document.Value!, view.Value!))
            : view.Kind == OutcomeKind.Forbidden ? Outcome<(DocumentDetails, VersionView)>.Forbidden() : Outcome<(DocumentDetails, VersionView)>.NotFound();
    }

    /// <summary>The texts of two versions by number, for the diff; protected versions as in <see cref="GetVersionAsync"/>.</summary>
    public async Task<Outcome<(DocumentDetails Document, VersionView From, VersionView To)>> CompareAsync(Guid documentId, int from, int to, CancellationToken cancellationToken)
    {
        var document = await GetAsync(documentId, cancellationToken);
        return document.IsOk
            ? await CompareAsync(document.Value!, from, to, cancellationToken)
            : Outcome<(DocumentDetails, VersionView, VersionView)>.NotFound();
    }

    /// <summary>The same, for a document already read (the diff page reads it first to choose the default versions).</summary>
    public async Task<Outcome<(DocumentDetails Document, VersionView From, VersionView To)>> CompareAsync(DocumentDetails document, int from, int to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);

        // Read from the table, not the document's history: the history leaves drafts out for those who may not see
        // them, and asking for one must be refused as forbidden, not as unknown.
        var ids = await db.DocumentVersions.AsNoTracking()
            .Where(v => v.DocumentId == document.Id && (v.Number == from || v.Number == to))
            .Select(v => new { v.Id, v.Number })
            .ToListAsync(cancellationToken);
        var a = ids.FirstOrDefault(v => v.Number == from);
        var b = ids.FirstOrDefault(v => v.Number == to);
        if (a is null || b is null)
        {
            return Outcome<(DocumentDetails, VersionView, VersionView)>.Invalid(a is null ? "from" : "to", "Document.VersionUnknown");
        }

        var older = await VersionOfAsync(document, a.Id, cancellationToken);
        var newer = await VersionOfAsync(document, b.Id, cancellationToken);
        if (older.Kind == OutcomeKind.Forbidden || newer.Kind == OutcomeKind.Forbidden)
        {
            return Outcome<(DocumentDetails, VersionView, VersionView)>.Forbidden();
        }

        if (!older.IsOk || !newer.IsOk)
        {
            return Outcome<(DocumentDetails, VersionView, VersionView)>.NotFound();
        }

        return Outcome<(DocumentDetails, VersionView, VersionView)>.Ok((document, older.Value!, newer.Value!));
    }

    /// <summary>
    /// One version of a document already read: a draft or a version for decision only to those who may see drafts,
    /// and that read is recorded in the audit trail before the text is returned.
    /// </summary>
    private async Task<Outcome<VersionView>> VersionOfAsync(DocumentDetails document, Guid versionId, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(versionId, cancellationToken, document.Id);
        if (view is null)
        {
            return Outcome<VersionView>.NotFound();
        }

        if (view.Status is DocumentStatus.Draft or DocumentStatus.ForDecision)
        {
            if (!document.CanReadDrafts)
            {
                return Outcome<VersionView>.Forbidden();
            }

            await trail.RecordReadAsync(AuditTrail.Protected.DocumentDraft, view.Id);
        }

        return Outcome<VersionView>.Ok(view);
    }

    /// <summary>When the signed-in person confirmed the version, or null.</summary>
    public Task<DateTime?> ConfirmedAsync(Guid versionId, CancellationToken cancellationToken)
    {
        var personId = access.PersonId;
        return db.Acknowledgements.Where(a => a.VersionId == versionId && a.PersonId == personId).Select(a => (DateTime?)a.ConfirmedUtc).FirstOrDefaultAsync(cancellationToken);
    }

    private Task<VersionView?> ViewAsync(Guid versionId, CancellationToken cancellationToken, Guid? documentId = null) =>
        db.DocumentVersions.AsNoTracking()
            .Where(v => v.Id == versionId && (documentId == null || v.DocumentId == documentId))
            .Select(v => new VersionView(
                v.Id,
                v.Number,
                v.Status,
                v.Markdown,
                new DecisionRecordView(
                    v.DecisionBody,
                    v.DecisionDate,
                    v.DecisionParagraph,
                    v.RegistryNumber,
                    v.ValidFrom,
                    db.People.Where(p => p.Id == v.DecidedById).Select(p => p.Name).FirstOrDefault(),
                    db.People.Where(p => p.Id == v.EnteredById).Select(p => p.Name).FirstOrDefault(),
                    v.IsMajorChange),
                v.EndedOn,
                v.Version))
            .FirstOrDefaultAsync(cancellationToken);
}
