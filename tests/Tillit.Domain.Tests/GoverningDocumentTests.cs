using Tillit.Domain.Access;
using Tillit.Domain.Common;
using Tillit.Domain.Documents;

namespace Tillit.Domain.Tests;

public class GoverningDocumentTests
{
    [Theory]
    [InlineData(DocumentType.Policy, Role.BoardMember)]
    [InlineData(DocumentType.Program, Role.BoardMember)]
    [InlineData(DocumentType.Guideline, Role.MunicipalDirector)]
    [InlineData(DocumentType.Instruction, Role.MunicipalDirector)]
    public void The_deciding_role_follows_the_document_type(DocumentType type, Role role) =>
        Assert.Equal(role, GoverningDocument.DecidingRole(type));

    [Fact]
    public void A_draft_cannot_be_decided_before_it_is_sent_for_decision()
    {
        var doc = new GoverningDocument(Guid.NewGuid(), DocumentType.Policy, "Policy", Guid.NewGuid(), null);
        var version = doc.AddDraft("# Policy", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var error = Assert.Throws<DomainRuleException>(() => version.RecordDecision("Kommunstyrelsen", new DateOnly(2026, 2, 1), "§ 1", "KS 2026/1", new DateOnly(2026, 2, 1), 12));
        Assert.Equal("Document.NotForDecision", error.MessageKey);

        version.SubmitForDecision();
        version.RecordDecision("Kommunstyrelsen", new DateOnly(2026, 2, 1), "§ 1", "KS 2026/1", new DateOnly(2026, 2, 1), 12);
        Assert.Equal(DocumentStatus.Current, version.Status);
        Assert.Equal(new DateOnly(2027, 2, 1), version.NextReview);
    }
}
