using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Common;
using Tillit.Domain.Documents;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Documents;

/// <summary>
/// Writing and deciding governing documents: create a document with its first draft, change the draft
/// (or start a new version), send it for decision, send it back, decide. The one place these rules
/// are applied; the pages and the API both call it.
/// </summary>
public sealed class DocumentWork(TillitDbContext db, CurrentUser user, DocumentAccess access, TimeProvider clock)
{
    public const int MaxMarkdown = 200_000;

    public sealed record CreateCommand(DocumentType? Type, string? Title, string? OwnerEmail, Guid? ParentId, Guid? UnitId, int? ReviewIntervalMonths, string? Markdown);

    /// <summary>Changes of a document and its draft; <see cref="VersionId"/> and the versions are what was read.</summary>
    public sealed record DraftCommand(string? Title, string? OwnerEmail, Guid? ParentId, Guid? UnitId, int? ReviewIntervalMonths, string? Markdown, int? Version, Guid? VersionId, int? VersionVersion);

    /// <summary>A move of a version: the version's concurrency version must be sent.</summary>
    public sealed record MoveCommand(int? Version);

    /// <param name="RevokedOn">The first day the document no longer applies.</param>
    /// <param name="Version">The document's version read.</param>
    public sealed record RevokeCommand(DateOnly? RevokedOn, int? Version);

    public sealed record DecideCommand(string? Body, DateOnly? Date, string? Paragraph, string? RegistryNumber, DateOnly? ValidFrom, bool MajorChange, int? Version);

    public async Task<Outcome<Guid>> CreateAsync(CreateCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await user.HasOrganisationWideAsync(Permissions.DocumentsWrite, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = new Validator()
            .Defined(nameof(CreateCommand.Type), command.Type)
            .Required(nameof(CreateCommand.Title), command.Title, 300)
            .Email(nameof(CreateCommand.OwnerEmail), command.OwnerEmail)
            .Optional(nameof(CreateCommand.Markdown), command.Markdown, MaxMarkdown)
            .Check(command.ReviewIntervalMonths is null or (>= 1 and <= 60), nameof(CreateCommand.ReviewIntervalMonths), "Document.ReviewIntervalRange");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        var placed = await ResolveAsync(command.OwnerEmail!, command.ParentId, command.UnitId, cancellationToken);
        if (placed.Error is { } error)
        {
            return Outcome<Guid>.Invalid([error]);
        }

        try
        {
            var document = new GoverningDocument(user.OrganisationId!.Value, command.Type!.Value, command.Title!.Trim(), placed.OwnerId, placed.Parent, command.UnitId);
            document.SetReviewInterval(command.ReviewIntervalMonths ?? GoverningDocument.DefaultReviewIntervalMonths);
            db.Documents.Add(document);
            document.AddDraft(command.Markdown ?? string.Empty, clock.GetUtcNow().UtcDateTime, user.PersonId);
            await db.SaveChangesAsync(cancellationToken);
            return Outcome<Guid>.Ok(document.Id);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? nameof(CreateCommand.ParentId), rule.MessageKey);
        }
    }

    /// <summary>
    /// Saves the document's details and its draft text. With no draft open, a new version starts as a
    /// draft. Returns the draft's id.
    /// </summary>
    public async Task<Outcome<Guid>> UpdateAsync(Guid id, DraftCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var document = await db.Documents.Include(d => d.Versions).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return Outcome<Guid>.NotFound();
        }

        if (!await access.CanWriteAsync(document.OwnerId, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = new Validator()
            .Required(nameof(DraftCommand.Title), command.Title, 300)
            .Email(nameof(DraftCommand.OwnerEmail), command.OwnerEmail)
            .Optional(nameof(DraftCommand.Markdown), command.Markdown, MaxMarkdown)
            .Check(command.Version is not null, nameof(DraftCommand.Version), "Validation.Required")
            .Check(command.ReviewIntervalMonths is null or (>= 1 and <= 60), nameof(DraftCommand.ReviewIntervalMonths), "Document.ReviewIntervalRange");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        var placed = await ResolveAsync(command.OwnerEmail!, command.ParentId, command.UnitId, cancellationToken);
        if (placed.Error is { } error)
        {
            return Outcome<Guid>.Invalid([error]);
        }

        db.Entry(document).Property(d => d.Version).OriginalValue = command.Version!.Value;
        try
        {
            document.Title = command.Title!.Trim();
            document.OwnerId = placed.OwnerId;
            document.Place(placed.Parent, command.UnitId);
            document.SetReviewInterval(command.ReviewIntervalMonths ?? document.ReviewIntervalMonths);

            var open = document.Open;
            if (open is not null && command.VersionId != open.Id)
            {
                // The form was read before someone else started or changed the draft.
                return Outcome<Guid>.Conflict();
            }

            DocumentVersion draft;
            if (open is null)
            {
                draft = document.AddDraft(command.Markdown ?? string.Empty, clock.GetUtcNow().UtcDateTime, user.PersonId);
                db.DocumentVersions.Add(draft);
            }
            else
            {
                if (command.VersionVersion is { } vv)
                {
                    db.Entry(open).Property(v => v.Version).OriginalValue = vv;
                }

                open.EditDraft(command.Markdown ?? string.Empty);
                draft = open;
            }

            await db.SaveChangesAsync(cancellationToken);
            return Outcome<Guid>.Ok(draft.Id);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? nameof(DraftCommand.Markdown), rule.MessageKey);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict();
        }
    }

    public Task<Outcome<Guid>> SubmitAsync(Guid documentId, Guid versionId, MoveCommand command, CancellationToken cancellationToken) =>
        MoveAsync(documentId, versionId, command, write: true, v => v.SubmitForDecision(), cancellationToken);

    /// <summary>Back to draft: by a writer or by someone who may decide (the decider asks for changes).</summary>
    public Task<Outcome<Guid>> ReturnAsync(Guid documentId, Guid versionId, MoveCommand command, CancellationToken cancellationToken) =>
        MoveAsync(documentId, versionId, command, write: false, v => v.ReturnToDraft(), cancellationToken);

    public async Task<Outcome<Guid>> DecideAsync(Guid documentId, Guid versionId, DecideCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var document = await db.Documents.Include(d => d.Versions).FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        var version = document?.Versions.FirstOrDefault(v => v.Id == versionId);
        if (document is null || version is null)
        {
            return Outcome<Guid>.NotFound();
        }

        var maker = await access.MakerAsync(cancellationToken);
        if (maker is null || !DocumentAuthority.MayMakeCurrent(document.Type, maker))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = new Validator()
            .Required(nameof(DecideCommand.Body), command.Body, 200)
            .Required(nameof(DecideCommand.RegistryNumber), command.RegistryNumber, 60)
            .Optional(nameof(DecideCommand.Paragraph), command.Paragraph, 40)
            .Check(command.Date is not null, nameof(DecideCommand.Date), "Validation.Required")
            .Check(command.ValidFrom is not null, nameof(DecideCommand.ValidFrom), "Validation.Required")
            .Check(command.Version is not null, nameof(DecideCommand.Version), "Validation.Required");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        errors.Check(command.Date is null || command.Date <= today, nameof(DecideCommand.Date), "Document.DecisionInFuture");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        db.Entry(version).Property(v => v.Version).OriginalValue = command.Version!.Value;
        try
        {
            document.Decide(version, new DecisionRecord(command.Body!, command.Date!.Value, command.Paragraph, command.RegistryNumber!, command.ValidFrom!.Value, command.MajorChange), maker, clock.GetUtcNow().UtcDateTime);

            // A new major version starts the next round of every open campaign of the document.
            if (version.IsMajorChange)
            {
                var open = await db.AcknowledgementCampaigns.Include(c => c.Audience)
                    .Where(c => c.DocumentId == document.Id && c.ClosedOn == null)
                    .ToListAsync(cancellationToken);
                foreach (var campaign in open)
                {
                    db.AcknowledgementCampaigns.Add(campaign.NextRound(version, today));
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            return Outcome<Guid>.Ok(version.Id);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict();
        }
    }

    /// <summary>The owner (or a writer) records that the current version was reviewed today: the next review moves a full interval on.</summary>
    public Task<Outcome<Guid>> MarkReviewedAsync(Guid documentId, MoveCommand command, CancellationToken cancellationToken) =>
        ChangeDocumentAsync(documentId, command.Version, async d => await access.CanWriteAsync(d.OwnerId, cancellationToken), (d, today) => d.MarkReviewed(today), cancellationToken);

    /// <summary>Revokes (upphäver) the document from a day: only the authority that may decide its type.</summary>
    public async Task<Outcome<Guid>> RevokeAsync(Guid documentId, RevokeCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var maker = await access.MakerAsync(cancellationToken);
        if (command.RevokedOn is null)
        {
            var found = await db.Documents.AnyAsync(d => d.Id == documentId, cancellationToken);
            return found ? Outcome<Guid>.Invalid(nameof(RevokeCommand.RevokedOn), "Validation.Required") : Outcome<Guid>.NotFound();
        }

        return await ChangeDocumentAsync(documentId, command.Version, d => Task.FromResult(maker is not null && DocumentAuthority.MayMakeCurrent(d.Type, maker)), (d, _) => d.Revoke(maker!, command.RevokedOn.Value), cancellationToken);
    }

    private async Task<Outcome<Guid>> ChangeDocumentAsync(Guid documentId, int? version, Func<GoverningDocument, Task<bool>> mayChange, Action<GoverningDocument, DateOnly> change, CancellationToken cancellationToken)
    {
        var document = await db.Documents.Include(d => d.Versions).FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
        {
            return Outcome<Guid>.NotFound();
        }

        if (!await mayChange(document))
        {
            return Outcome<Guid>.Forbidden();
        }

        if (version is null)
        {
            return Outcome<Guid>.Invalid(nameof(MoveCommand.Version), "Validation.Required");
        }

        db.Entry(document).Property(d => d.Version).OriginalValue = version.Value;
        try
        {
            change(document, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(cancellationToken);
            return Outcome<Guid>.Ok(document.Id);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict();
        }
    }

    private async Task<Outcome<Guid>> MoveAsync(Guid documentId, Guid versionId, MoveCommand command, bool write, Action<DocumentVersion> move, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        var version = document is null ? null : await db.DocumentVersions.FirstOrDefaultAsync(v => v.Id == versionId && v.DocumentId == documentId, cancellationToken);
        if (document is null || version is null)
        {
            return Outcome<Guid>.NotFound();
        }

        var allowed = await access.CanWriteAsync(document.OwnerId, cancellationToken) || (!write && await access.CanDecideAsync(document.Type, cancellationToken));
        if (!allowed)
        {
            return Outcome<Guid>.Forbidden();
        }

        if (command.Version is not { } expected)
        {
            return Outcome<Guid>.Invalid(nameof(MoveCommand.Version), "Validation.Required");
        }

        db.Entry(version).Property(v => v.Version).OriginalValue = expected;
        try
        {
            move(version);
            await db.SaveChangesAsync(cancellationToken);
            return Outcome<Guid>.Ok(version.Id);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict();
        }
    }

    private async Task<(Guid OwnerId, GoverningDocument? Parent, FieldError? Error)> ResolveAsync(string ownerEmail, Guid? parentId, Guid? unitId, CancellationToken cancellationToken)
    {
        var email = ownerEmail.Trim();
        var owner = await db.People.Where(p => p.Email == email).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (owner is null)
        {
            return (Guid.Empty, null, new FieldError("OwnerEmail", "Document.OwnerUnknown"));
        }

        GoverningDocument? parent = null;
        if (parentId is { } pid)
        {
            parent = await db.Documents.FirstOrDefaultAsync(d => d.Id == pid, cancellationToken);
            if (parent is null)
            {
                return (owner.Value, null, new FieldError("ParentId", "Document.ParentUnknown"));
            }
        }

        if (unitId is { } uid && !await db.Units.AnyAsync(u => u.Id == uid, cancellationToken))
        {
            return (owner.Value, parent, new FieldError("UnitId", "Document.UnitUnknown"));
        }

        return (owner.Value, parent, null);
    }
}
