using Tillit.Domain.Access;
using Tillit.Domain.Common;

namespace Tillit.Domain.Documents;

public enum DocumentType
{
    Program = 0,
    Policy = 1,
    Guideline = 2,
    Instruction = 3,
    ActionPlan = 4,
    Routine = 5,
}

public enum DocumentStatus
{
    Draft = 0,
    ForDecision = 1,
    Current = 2,
    Revoked = 3,
    Superseded = 4,
}

/// <summary>A styrdokument. Its versions carry the text and the decision that made them current.</summary>
public sealed class GoverningDocument : Entity
{
    private readonly List<DocumentVersion> _versions = [];

    private GoverningDocument()
    {
        Title = string.Empty;
    }

    public GoverningDocument(Guid organisationId, DocumentType type, string title, Guid ownerId, Guid? parentId)
        : base(organisationId)
    {
        Type = type;
        Title = title;
        OwnerId = ownerId;
        ParentId = parentId;
        ReviewIntervalMonths = 12;
    }

    public DocumentType Type { get; private set; }

    public string Title { get; set; }

    public Guid OwnerId { get; set; }

    public Guid? ParentId { get; set; }

    public int ReviewIntervalMonths { get; set; }

    public IReadOnlyList<DocumentVersion> Versions => _versions;

    /// <summary>The role whose decision makes a version of this type current.</summary>
    public static Role DecidingRole(DocumentType type) => type switch
    {
        DocumentType.Program or DocumentType.Policy => Role.BoardMember,
        _ => Role.MunicipalDirector,
    };

    public DocumentVersion AddDraft(string markdown, DateTime createdUtc)
    {
        var version = new DocumentVersion(OrganisationId, Id, _versions.Count + 1, markdown, createdUtc);
        _versions.Add(version);
        return version;
    }
}

/// <summary>One version of a governing document with its decision record once decided.</summary>
public sealed class DocumentVersion : Entity
{
    private DocumentVersion()
    {
        Markdown = string.Empty;
    }

    internal DocumentVersion(Guid organisationId, Guid documentId, int number, string markdown, DateTime createdUtc)
        : base(organisationId)
    {
        DocumentId = documentId;
        Number = number;
        Markdown = markdown;
        CreatedUtc = createdUtc;
        Status = DocumentStatus.Draft;
    }

    public Guid DocumentId { get; private set; }

    public int Number { get; private set; }

    public string Markdown { get; private set; }

    public DateTime CreatedUtc { get; private set; }

    public DocumentStatus Status { get; private set; }

    public string? DecisionBody { get; private set; }

    public DateOnly? DecisionDate { get; private set; }

    public string? DecisionParagraph { get; private set; }

    public string? RegistryNumber { get; private set; }

    public DateOnly? ValidFrom { get; private set; }

    public DateOnly? NextReview { get; private set; }

    public void SubmitForDecision()
    {
        if (Status != DocumentStatus.Draft)
        {
            throw new DomainRuleException("Document.NotDraft");
        }

        Status = DocumentStatus.ForDecision;
    }

    /// <summary>Records the decision that makes this version current.</summary>
    public void RecordDecision(string body, DateOnly date, string paragraph, string registryNumber, DateOnly validFrom, int reviewMonths)
    {
        if (Status != DocumentStatus.ForDecision)
        {
            throw new DomainRuleException("Document.NotForDecision");
        }

        if (string.IsNullOrWhiteSpace(body) || string.IsNullOrWhiteSpace(registryNumber))
        {
            throw new DomainRuleException("Document.DecisionIncomplete");
        }

        DecisionBody = body;
        DecisionDate = date;
        DecisionParagraph = paragraph;
        RegistryNumber = registryNumber;
        ValidFrom = validFrom;
        NextReview = validFrom.AddMonths(reviewMonths);
        Status = DocumentStatus.Current;
    }
}
