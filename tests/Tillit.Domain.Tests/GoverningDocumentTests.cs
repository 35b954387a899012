using Tillit.Domain.Access;
using Tillit.Domain.Common;
using Tillit.Domain.Documents;

namespace Tillit.Domain.Tests;

public class GoverningDocumentTests
{
    private static readonly Guid Org = Guid.NewGuid();
    private static readonly DateTime Now = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Day = new(2026, 3, 1);

    private static DecisionMaker With(params Role[] roles) => new(Guid.NewGuid(), roles.ToHashSet(), new HashSet<DecisionAuthority>());

    private static DecisionMaker Delegate(DecisionAuthority authority) => new(Guid.NewGuid(), new HashSet<Role> { Role.Employee }, new HashSet<DecisionAuthority> { authority });

    private static DecisionRecord Record(bool major = true) => new("Kommunstyrelsen", Day, "§ 12", "KS 2026/1", Day, major);

    private static (GoverningDocument Doc, DocumentVersion Version) ForDecision(DocumentType type)
    {
        var doc = type == DocumentType.Routine
            ? new GoverningDocument(Org, type, "Rutin", Guid.NewGuid(), new GoverningDocument(Org, DocumentType.Guideline, "Riktlinje", Guid.NewGuid()), Guid.NewGuid())
            : new GoverningDocument(Org, type, "Dokument", Guid.NewGuid());
        var version = doc.AddDraft("# Text", Now);
        version.SubmitForDecision();
        return (doc, version);
    }

    [Theory]
    [InlineData(DocumentType.Policy, Role.BoardMember)]
    [InlineData(DocumentType.Program, Role.BoardMember)]
    [InlineData(DocumentType.Guideline, Role.MunicipalDirector)]
    [InlineData(DocumentType.Instruction, Role.MunicipalDirector)]
    public void The_deciding_role_follows_the_document_type(DocumentType type, Role role) =>
        Assert.Equal(role, GoverningDocument.DecidingRole(type));

    [Theory]
    [InlineData(DocumentType.Policy, Role.SecurityOfficer, true)]
    [InlineData(DocumentType.Program, Role.SecurityOfficer, true)]
    [InlineData(DocumentType.Policy, Role.MunicipalDirector, false)]
    [InlineData(DocumentType.Policy, Role.BoardMember, false)]
    [InlineData(DocumentType.Policy, Role.Administrator, false)]
    [InlineData(DocumentType.Guideline, Role.MunicipalDirector, true)]
    [InlineData(DocumentType.Instruction, Role.MunicipalDirector, true)]
    [InlineData(DocumentType.Routine, Role.MunicipalDirector, true)]
    [InlineData(DocumentType.Guideline, Role.SecurityOfficer, false)]
    [InlineData(DocumentType.Instruction, Role.SecurityOfficer, false)]
    [InlineData(DocumentType.Guideline, Role.Manager, false)]
    [InlineData(DocumentType.Guideline, Role.Administrator, false)]
    [InlineData(DocumentType.Guideline, Role.BoardMember, false)]
    public void Only_the_authority_of_the_type_makes_a_version_current(DocumentType type, Role role, bool allowed)
    {
        var (doc, version) = ForDecision(type);

        if (allowed)
        {
            doc.Decide(version, Record(), With(role, Role.Employee), Now);
            Assert.Equal(DocumentStatus.Current, version.Status);
        }
        else
        {
            var error = Assert.Throws<DomainRuleException>(() => doc.Decide(version, Record(), With(role, Role.Employee), Now));
            Assert.Equal("Document.NotAuthorised", error.MessageKey);
            Assert.Equal(DocumentStatus.ForDecision, version.Status);
        }
    }

    [Theory]
    [InlineData(DocumentType.Policy, DecisionAuthority.Board, true)]
    [InlineData(DocumentType.Policy, DecisionAuthority.Director, false)]
    [InlineData(DocumentType.Guideline, DecisionAuthority.Director, true)]
    [InlineData(DocumentType.Guideline, DecisionAuthority.Board, false)]
    public void A_recorded_delegate_holds_only_the_authority_delegated(DocumentType type, DecisionAuthority delegated, bool allowed) =>
        Assert.Equal(allowed, DocumentAuthority.MayMakeCurrent(type, Delegate(delegated)));

    [Fact]
    public void A_director_decision_records_who_decided_and_a_board_decision_needs_its_paragraph()
    {
        var (guideline, gv) = ForDecision(DocumentType.Guideline);
        var director = With(Role.MunicipalDirector);
        guideline.Decide(gv, new DecisionRecord("Kommundirektören", Day, null, "KS 2026/7", Day.AddDays(5), true), director, Now);
        Assert.Equal(director.PersonId, gv.DecidedById);
        Assert.Equal(director.PersonId, gv.EnteredById);
        Assert.Null(gv.DecisionParagraph);
        Assert.Equal(Day.AddDays(5).AddMonths(12), guideline.NextReview);

        var (policy, pv) = ForDecision(DocumentType.Policy);
        var error = Assert.Throws<DomainRuleException>(() => policy.Decide(pv, new DecisionRecord("Kommunstyrelsen", Day, " ", "KS 2026/8", Day, true), With(Role.SecurityOfficer), Now));
        Assert.Equal(nameof(DecisionRecord.Paragraph), error.Field);
        Assert.Equal(DocumentStatus.ForDecision, pv.Status);
    }

    [Fact]
    public void A_decision_needs_a_registry_number_and_cannot_apply_before_it_was_made()
    {
        var (doc, version) = ForDecision(DocumentType.Policy);
        var officer = With(Role.SecurityOfficer);

        Assert.Equal(nameof(DecisionRecord.RegistryNumber), Assert.Throws<DomainRuleException>(() => doc.Decide(version, Record() with { RegistryNumber = "" }, officer, Now)).Field);
        Assert.Equal(nameof(DecisionRecord.ValidFrom), Assert.Throws<DomainRuleException>(() => doc.Decide(version, Record() with { ValidFrom = Day.AddDays(-1) }, officer, Now)).Field);
    }

    [Fact]
    public void A_draft_cannot_be_decided_before_it_is_sent_for_decision()
    {
        var doc = new GoverningDocument(Org, DocumentType.Policy, "Policy", Guid.NewGuid());
        var version = doc.AddDraft("# Policy", Now);

        var error = Assert.Throws<DomainRuleException>(() => doc.Decide(version, Record(), With(Role.SecurityOfficer), Now));
        Assert.Equal("Document.NotForDecision", error.MessageKey);

        version.SubmitForDecision();
        doc.Decide(version, Record(), With(Role.SecurityOfficer), Now);
        Assert.Equal(DocumentStatus.Current, version.Status);
        Assert.Equal(new DateOnly(2027, 3, 1), doc.NextReview);
    }

    [Fact]
    public void Illegal_status_moves_are_refused()
    {
        var (doc, v1) = ForDecision(DocumentType.Guideline);
        var director = With(Role.MunicipalDirector);

        Assert.Throws<DomainRuleException>(v1.SubmitForDecision);          // for decision -> for decision
        Assert.Throws<DomainRuleException>(() => v1.EditDraft("x"));       // the text is frozen once sent
        v1.ReturnToDraft();
        Assert.Throws<DomainRuleException>(v1.ReturnToDraft);              // draft -> draft
        Assert.Throws<DomainRuleException>(() => doc.Decide(v1, Record(), director, Now)); // draft -> current
        v1.SubmitForDecision();
        doc.Decide(v1, Record(), director, Now);

        Assert.Throws<DomainRuleException>(v1.SubmitForDecision);          // current -> for decision
        Assert.Throws<DomainRuleException>(v1.ReturnToDraft);              // current -> draft
        Assert.Throws<DomainRuleException>(() => v1.EditDraft("x"));      // a decided text never changes
        Assert.Throws<DomainRuleException>(() => doc.Decide(v1, Record(), director, Now)); // current -> current

        var v2 = doc.AddDraft("# Ny", Now);
        Assert.Equal("Document.DraftExists", Assert.Throws<DomainRuleException>(() => doc.AddDraft("# Till", Now)).MessageKey);
        Assert.Equal("Document.DraftExists", Assert.Throws<DomainRuleException>(() => doc.Revoke(director, Day)).MessageKey);
        v2.SubmitForDecision();
        doc.Decide(v2, Record(), director, Now);

        Assert.Equal(DocumentStatus.Superseded, v1.Status);
        Assert.Equal(DocumentStatus.Current, v2.Status);
        Assert.Throws<DomainRuleException>(v1.SubmitForDecision);          // superseded -> anything

        Assert.Throws<DomainRuleException>(() => doc.Revoke(With(Role.SecurityOfficer), Day));
        doc.Revoke(director, Day);
        Assert.Equal(DocumentStatus.Revoked, v2.Status);
        Assert.Null(doc.Current);
        Assert.Equal("Document.Revoked", Assert.Throws<DomainRuleException>(() => doc.AddDraft("# Igen", Now)).MessageKey);
    }

    [Fact]
    public void The_first_version_is_always_a_major_change_later_ones_as_decided()
    {
        var (doc, v1) = ForDecision(DocumentType.Guideline);
        var director = With(Role.MunicipalDirector);
        doc.Decide(v1, Record(major: false), director, Now);
        var v2 = doc.AddDraft("b", Now);
        v2.SubmitForDecision();
        doc.Decide(v2, Record(major: false), director, Now);

        Assert.True(v1.IsMajorChange);
        Assert.False(v2.IsMajorChange);
        Assert.Equal(2, v2.Number);
    }

    [Fact]
    public void A_local_routine_must_sit_under_a_central_document()
    {
        var unit = Guid.NewGuid();
        var central = new GoverningDocument(Org, DocumentType.Guideline, "Riktlinje", Guid.NewGuid());

        Assert.Equal("Document.LocalNeedsUnit", Assert.Throws<DomainRuleException>(() => new GoverningDocument(Org, DocumentType.Routine, "Rutin", Guid.NewGuid(), central)).MessageKey);
        Assert.Equal("Document.LocalNeedsCentralParent", Assert.Throws<DomainRuleException>(() => new GoverningDocument(Org, DocumentType.Routine, "Rutin", Guid.NewGuid(), null, unit)).MessageKey);
        var routine = new GoverningDocument(Org, DocumentType.Routine, "Rutin", Guid.NewGuid(), central, unit);
        Assert.Equal(central.Id, routine.ParentId);

        // Not under another local document either, and never under itself or its own child.
        Assert.Equal("Document.LocalNeedsCentralParent", Assert.Throws<DomainRuleException>(() => new GoverningDocument(Org, DocumentType.Routine, "Under rutin", Guid.NewGuid(), routine, unit)).MessageKey);
        Assert.Equal("Document.ParentCycle", Assert.Throws<DomainRuleException>(() => central.Place(routine, null)).MessageKey);
        Assert.Equal("Document.ParentUnknown", Assert.Throws<DomainRuleException>(() => new GoverningDocument(Guid.NewGuid(), DocumentType.Guideline, "X", Guid.NewGuid(), central)).MessageKey);
    }

    [Fact]
    public void A_review_reminder_is_claimed_once_per_review_date()
    {
        var (doc, v1) = ForDecision(DocumentType.Policy);
        Assert.False(doc.ClaimReviewReminder()); // nothing decided, nothing to review
        doc.Decide(v1, Record(), With(Role.SecurityOfficer), Now);

        Assert.True(doc.ClaimReviewReminder());
        Assert.False(doc.ClaimReviewReminder());
        doc.ReleaseReviewReminder();
        Assert.True(doc.ClaimReviewReminder());

        doc.MarkReviewed(Day.AddMonths(11));
        Assert.Equal(Day.AddMonths(23), doc.NextReview);
        Assert.True(doc.ClaimReviewReminder());
        Assert.Throws<DomainRuleException>(() => doc.SetReviewInterval(0));
    }
}
