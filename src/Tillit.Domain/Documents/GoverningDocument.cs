using Tillit.Domain.Access;
using Tillit.Domain.Common;

namespace Tillit.Domain.Documents;

/// <summary>The kinds of styrdokument. Values are stored; never renumber.</summary>
public enum DocumentType
{
    Program = 0,
    Policy = 1,
    Guideline = 2,
    Instruction = 3,
    ActionPlan = 4,
    Routine = 5,
}

/// <summary>
/// Where a version is: utkast → för beslut → gällande → ersatt (by a newer decided version) or
/// upphävd (the document is revoked). A version for decision can be sent back to draft. Stored values.
/// </summary>
public enum DocumentStatus
{
    Draft = 0,
    ForDecision = 1,
    Current = 2,
    Revoked = 3,
    Superseded = 4,
}

/// <summary>Who decides a type of document: the municipal board or the municipal director.</summary>
public enum DecisionAuthority
{
    Board = 0,
    Director = 1,
}

/// <summary>
/// The person who makes a version current, with their active roles and the decision authorities
/// delegated to them by a recorded <see cref="DecisionDelegation"/>.
/// </summary>
public sealed record DecisionMaker(Guid PersonId, IReadOnlySet<Role> Roles, IReadOnlySet<DecisionAuthority> Delegated);

/// <summary>What the minutes or the decision say: body or person, date, paragraph (§) and registry number.</summary>
public sealed record DecisionRecord(string Body, DateOnly Date, string? Paragraph, string RegistryNumber, DateOnly ValidFrom, bool MajorChange);

/// <summary>The rules of who may make a version current, by type.</summary>
public static class DocumentAuthority
{
    /// <summary>Policy and program are decided by the board; guidelines, instructions, action plans and routines by the director.</summary>
    public static DecisionAuthority For(DocumentType type) => type switch
    {
        DocumentType.Program or DocumentType.Policy => DecisionAuthority.Board,
        _ => DecisionAuthority.Director,
    };

    /// <summary>
    /// A board decision is entered from the minutes by the security officer or a recorded board
    /// secretary; a director's decision is made by the municipal director or a recorded delegate.
    /// Nobody else can make a version current.
    /// </summary>
    public static bool MayMakeCurrent(DocumentType type, DecisionMaker maker)
    {
        ArgumentNullException.ThrowIfNull(maker);
        return For(type) == DecisionAuthority.Board
            ? maker.Roles.Contains(Role.SecurityOfficer) || maker.Delegated.Contains(DecisionAuthority.Board)
            : maker.Roles.Contains(Role.MunicipalDirector) || maker.Delegated.Contains(DecisionAuthority.Director);
    }

    /// <summary>Whether the document type lives at a unit (a local routine) rather than centrally.</summary>
    public static bool IsLocalType(DocumentType type) => type == DocumentType.Routine;
}

/// <summary>
/// A styrdokument. Its versions carry the text and the decision that made them current. A local
/// document (one with a unit) must sit under a central document: no unit decides its own rules.
/// </summary>
public sealed class GoverningDocument : Entity
{
    public const int DefaultReviewIntervalMonths = 12;

    private readonly List<DocumentVersion> _versions = [];

    private GoverningDocument()
    {
        Title = string.Empty;
    }

    public GoverningDocument(Guid organisationId, DocumentType type, string title, Guid ownerId, GoverningDocument? parent = null, Guid? unitId = null)
        : base(organisationId)
    {
        if (!Enum.IsDefined(type))
        {
            throw new DomainRuleException("Validation.InvalidValue", nameof(Type));
        }

        Type = type;
        Title = title;
        OwnerId = ownerId;
        ReviewIntervalMonths = DefaultReviewIntervalMonths;
        Place(parent, unitId);
    }

    public DocumentType Type { get; private set; }

    public string Title { get; set; }

    public Guid OwnerId { get; set; }

    public Guid? ParentId { get; private set; }

    /// <summary>The unit a local document belongs to; null for a central document.</summary>
    public Guid? UnitId { get; private set; }

    public int ReviewIntervalMonths { get; private set; }

    /// <summary>When the current version must next be reviewed; set by each decision and each review.</summary>
    public DateOnly? NextReview { get; private set; }

    /// <summary>The review date for which the owner has been reminded, so each reminder goes out once.</summary>
    public DateOnly? ReviewReminderSentFor { get; private set; }

    public IReadOnlyList<DocumentVersion> Versions => _versions;

    public DocumentVersion? Current => _versions.FirstOrDefault(v => v.Status == DocumentStatus.Current);

    /// <summary>The version being worked on (draft or for decision), if any; there is at most one.</summary>
    public DocumentVersion? Open => _versions.FirstOrDefault(v => v.Status is DocumentStatus.Draft or DocumentStatus.ForDecision);

    public bool IsRevoked => _versions.Any(v => v.Status == DocumentStatus.Revoked);

    /// <summary>The role whose decision makes a version of this type current.</summary>
    public static Role DecidingRole(DocumentType type) =>
        DocumentAuthority.For(type) == DecisionAuthority.Board ? Role.BoardMember : Role.MunicipalDirector;

    /// <summary>Places the document in the hierarchy; refuses a local document without a central parent, and cycles.</summary>
    public void Place(GoverningDocument? parent, Guid? unitId)
    {
        if (parent is not null)
        {
            if (parent.OrganisationId != OrganisationId)
            {
                throw new DomainRuleException("Document.ParentUnknown", nameof(ParentId));
            }

            if (parent.Id == Id || parent.ParentId == Id)
            {
                throw new DomainRuleException("Document.ParentCycle", nameof(ParentId));
            }
        }

        if (DocumentAuthority.IsLocalType(Type) && unitId is null)
        {
            throw new DomainRuleException("Document.LocalNeedsUnit", nameof(UnitId));
        }

        if (unitId is not null && (parent is null || parent.UnitId is not null))
        {
            throw new DomainRuleException("Document.LocalNeedsCentralParent", nameof(ParentId));
        }

        ParentId = parent?.Id;
        UnitId = unitId;
    }

    public void SetReviewInterval(int months)
    {
        if (months is < 1 or > 60)
        {
            throw new DomainRuleException("Document.ReviewIntervalRange", nameof(ReviewIntervalMonths));
        }

        ReviewIntervalMonths = months;
    }

    /// <summary>Starts a new version as a draft. Refused while another version is being worked on, or after revocation.</summary>
    public DocumentVersion AddDraft(string markdown, DateTime createdUtc, Guid? createdById = null)
    {
        if (IsRevoked)
        {
            throw new DomainRuleException("Document.Revoked");
        }

        if (Open is not null)
        {
            throw new DomainRuleException("Document.DraftExists");
        }

        var number = _versions.Count == 0 ? 1 : _versions.Max(v => v.Number) + 1;
        var version = new DocumentVersion(OrganisationId, Id, number, markdown, createdUtc, createdById);
        _versions.Add(version);
        return version;
    }

    /// <summary>
    /// Makes a version for decision current, if the maker holds the authority for this type. The
    /// version that was current becomes superseded; the next review is counted from the validity date.
    /// </summary>
    public void Decide(DocumentVersion version, DecisionRecord record, DecisionMaker maker, DateTime decidedUtc)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(maker);
        if (!_versions.Contains(version))
        {
            throw new DomainRuleException("Document.VersionUnknown");
        }

        if (!DocumentAuthority.MayMakeCurrent(Type, maker))
        {
            throw new DomainRuleException("Document.NotAuthorised");
        }

        var previous = Current;
        version.RecordDecision(record, DocumentAuthority.For(Type) == DecisionAuthority.Director ? maker.PersonId : null, maker.PersonId, decidedUtc, previous is null);
        previous?.Supersede(record.ValidFrom);
        NextReview = record.ValidFrom.AddMonths(ReviewIntervalMonths);
        ReviewReminderSentFor = null;
    }

    /// <summary>Records that the current version was reviewed without change: the next review moves one interval on.</summary>
    public void MarkReviewed(DateOnly reviewedOn)
    {
        if (Current is null)
        {
            throw new DomainRuleException("Document.NoCurrentVersion");
        }

        NextReview = reviewedOn.AddMonths(ReviewIntervalMonths);
        ReviewReminderSentFor = null;
    }

    /// <summary>Revokes (upphäver) the document: its current version stops applying. Needs the same authority as a decision.</summary>
    public void Revoke(DecisionMaker maker, DateOnly revokedOn)
    {
        ArgumentNullException.ThrowIfNull(maker);
        if (!DocumentAuthority.MayMakeCurrent(Type, maker))
        {
            throw new DomainRuleException("Document.NotAuthorised");
        }

        var current = Current ?? throw new DomainRuleException("Document.NoCurrentVersion");
        if (Open is not null)
        {
            throw new DomainRuleException("Document.DraftExists");
        }

        current.MarkRevoked(revokedOn);
        NextReview = null;
    }

    /// <summary>Claims the reminder for the current review date; false when it was already sent.</summary>
    public bool ClaimReviewReminder()
    {
        if (NextReview is not { } due || ReviewReminderSentFor == due)
        {
            return false;
        }

        ReviewReminderSentFor = due;
        return true;
    }

    /// <summary>Gives the claim back (the mail could not be sent), so the next run tries again.</summary>
    public void ReleaseReviewReminder() => ReviewReminderSentFor = null;
}

/// <summary>One version of a governing document with its decision record once decided.</summary>
public sealed class DocumentVersion : Entity
{
    private DocumentVersion()
    {
        Markdown = string.Empty;
    }

    internal DocumentVersion(Guid organisationId, Guid documentId, int number, string markdown, DateTime createdUtc, Guid? createdById)
        : base(organisationId)
    {
        DocumentId = documentId;
        Number = number;
        Markdown = markdown;
        CreatedUtc = createdUtc;
        CreatedById = createdById;
        Status = DocumentStatus.Draft;
    }

    public Guid DocumentId { get; private set; }

    public int Number { get; private set; }

    public string Markdown { get; private set; }

    public DateTime CreatedUtc { get; private set; }

    public Guid? CreatedById { get; private set; }

    public DocumentStatus Status { get; private set; }

    public string? DecisionBody { get; private set; }

    public DateOnly? DecisionDate { get; private set; }

    public string? DecisionParagraph { get; private set; }

    public string? RegistryNumber { get; private set; }

    public DateOnly? ValidFrom { get; private set; }

    /// <summary>The director or delegate who decided; null for a board decision (the board decided).</summary>
    public Guid? DecidedById { get; private set; }

    /// <summary>Who recorded the decision in Tillit.</summary>
    public Guid? EnteredById { get; private set; }

    public DateTime? DecidedUtc { get; private set; }

    /// <summary>A major change asks everyone to confirm again (a new acknowledgement round).</summary>
    public bool IsMajorChange { get; private set; }

    /// <summary>The day a newer version or a revocation ended this one.</summary>
    public DateOnly? EndedOn { get; private set; }

    public bool IsDecided => Status is DocumentStatus.Current or DocumentStatus.Superseded or DocumentStatus.Revoked;

    public void EditDraft(string markdown)
    {
        if (Status != DocumentStatus.Draft)
        {
            throw new DomainRuleException("Document.NotDraft");
        }

        Markdown = markdown;
    }

    public void SubmitForDecision()
    {
        if (Status != DocumentStatus.Draft)
        {
            throw new DomainRuleException("Document.NotDraft");
        }

        if (string.IsNullOrWhiteSpace(Markdown))
        {
            throw new DomainRuleException("Document.EmptyText", nameof(Markdown));
        }

        Status = DocumentStatus.ForDecision;
    }

    /// <summary>Sends a version back from decision to draft (the decider wants changes).</summary>
    public void ReturnToDraft()
    {
        if (Status != DocumentStatus.ForDecision)
        {
            throw new DomainRuleException("Document.NotForDecision");
        }

        Status = DocumentStatus.Draft;
    }

    internal void RecordDecision(DecisionRecord record, Guid? decidedById, Guid enteredById, DateTime decidedUtc, bool first)
    {
        if (Status != DocumentStatus.ForDecision)
        {
            throw new DomainRuleException("Document.NotForDecision");
        }

        if (string.IsNullOrWhiteSpace(record.Body))
        {
            throw new DomainRuleException("Validation.Required", nameof(DecisionRecord.Body));
        }

        if (string.IsNullOrWhiteSpace(record.RegistryNumber))
        {
            throw new DomainRuleException("Validation.Required", nameof(DecisionRecord.RegistryNumber));
        }

        // A board decision is one paragraph of the minutes; without it the record cannot be traced.
        if (decidedById is null && string.IsNullOrWhiteSpace(record.Paragraph))
        {
            throw new DomainRuleException("Validation.Required", nameof(DecisionRecord.Paragraph));
        }

        if (record.ValidFrom < record.Date)
        {
            throw new DomainRuleException("Document.ValidBeforeDecision", nameof(DecisionRecord.ValidFrom));
        }

        DecisionBody = record.Body.Trim();
        DecisionDate = record.Date;
        DecisionParagraph = string.IsNullOrWhiteSpace(record.Paragraph) ? null : record.Paragraph.Trim();
        RegistryNumber = record.RegistryNumber.Trim();
        ValidFrom = record.ValidFrom;
        DecidedById = decidedById;
        EnteredById = enteredById;
        DecidedUtc = decidedUtc;
        IsMajorChange = first || record.MajorChange;
        Status = DocumentStatus.Current;
    }

    internal void Supersede(DateOnly on)
    {
        if (Status != DocumentStatus.Current)
        {
            throw new DomainRuleException("Document.NotCurrent");
        }

        Status = DocumentStatus.Superseded;
        EndedOn = on;
    }

    internal void MarkRevoked(DateOnly on)
    {
        if (Status != DocumentStatus.Current)
        {
            throw new DomainRuleException("Document.NotCurrent");
        }

        Status = DocumentStatus.Revoked;
        EndedOn = on;
    }
}
