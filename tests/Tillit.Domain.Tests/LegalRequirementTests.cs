using Tillit.Domain.Common;
using Tillit.Domain.Laws;

namespace Tillit.Domain.Tests;

public sealed class LegalRequirementTests
{
    private static readonly Guid Org = Guid.NewGuid();
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static LegalRequirement Gdpr() => StartingLegalRegister.For(Org).First(l => l.Reference == "(EU) 2016/679");

    [Fact]
    public void The_starting_register_holds_the_municipal_laws_once_each_in_both_languages()
    {
        var entries = StartingLegalRegister.Entries;
        Assert.Equal(entries.Count, entries.Select(e => e.Reference).Distinct().Count());
        foreach (var reference in new[] { "(EU) 2016/679", "SFS 2018:218", "SFS 2009:400", "SFS 1990:782", "SFS 2025:1506", "SFS 2025:1507", "SFS 2018:585", "SFS 2018:1937", "SFS 2017:725" })
        {
            var e = Assert.Single(entries, x => x.Reference == reference);
            Assert.False(string.IsNullOrWhiteSpace(e.Title));
            Assert.False(string.IsNullOrWhiteSpace(e.TitleEn));
            Assert.False(string.IsNullOrWhiteSpace(e.Demands));
            Assert.False(string.IsNullOrWhiteSpace(e.DemandsEn));
        }

        Assert.All(StartingLegalRegister.For(Org), l => Assert.Equal(ComplianceStatus.NotAssessed, l.Compliance));
    }

    [Fact]
    public void A_review_date_needs_someone_to_remind()
    {
        var law = Gdpr();
        var e = Assert.Throws<DomainRuleException>(() => law.Plan(null, Today.AddMonths(1)));
        Assert.Equal("Law.ReviewNeedsResponsible", e.MessageKey);
        law.Plan(Guid.NewGuid(), Today.AddMonths(1));
        Assert.Equal(Today.AddMonths(1), law.NextReview);
    }

    [Fact]
    public void A_shortfall_must_say_what_is_missing()
    {
        var law = Gdpr();
        Assert.Equal("Law.CommentRequired", Assert.Throws<DomainRuleException>(() => law.Assess(ComplianceStatus.NotCompliant, " ")).MessageKey);
        Assert.Equal("Law.CommentRequired", Assert.Throws<DomainRuleException>(() => law.Assess(ComplianceStatus.PartlyCompliant, null)).MessageKey);
        law.Assess(ComplianceStatus.Compliant, null);
        Assert.Equal(ComplianceStatus.Compliant, law.Compliance);
        Assert.Null(law.ComplianceComment);
    }

    [Fact]
    public void A_reminder_is_claimed_once_per_review_date_and_a_new_date_allows_the_next()
    {
        var law = Gdpr();
        Assert.False(law.ClaimReviewReminder());
        var person = Guid.NewGuid();
        law.Plan(person, Today.AddDays(10));
        Assert.True(law.ClaimReviewReminder());
        Assert.False(law.ClaimReviewReminder());

        // Saving the same date again does not re-arm it; a new date does.
        law.Plan(person, Today.AddDays(10));
        Assert.False(law.ClaimReviewReminder());
        law.Plan(person, Today.AddMonths(12));
        Assert.True(law.ClaimReviewReminder());
        law.ReleaseReviewReminder();
        Assert.True(law.ClaimReviewReminder());
    }

    [Fact]
    public void A_review_past_its_date_is_overdue()
    {
        var law = Gdpr();
        Assert.False(law.IsReviewOverdue(Today));
        law.Plan(Guid.NewGuid(), Today);
        Assert.False(law.IsReviewOverdue(Today));
        Assert.True(law.IsReviewOverdue(Today.AddDays(1)));
    }

    [Fact]
    public void An_entry_needs_a_reference_title_and_what_it_demands()
    {
        Assert.Equal("Reference", Assert.Throws<DomainRuleException>(() => new LegalRequirement(Org, " ", LegalKind.Law, "T", "D")).Field);
        Assert.Equal("Title", Assert.Throws<DomainRuleException>(() => new LegalRequirement(Org, "SFS 1", LegalKind.Law, "", "D")).Field);
        Assert.Equal("Demands", Assert.Throws<DomainRuleException>(() => new LegalRequirement(Org, "SFS 1", LegalKind.Law, "T", "")).Field);
        Assert.Equal("Kind", Assert.Throws<DomainRuleException>(() => new LegalRequirement(Org, "SFS 1", (LegalKind)99, "T", "D")).Field);
    }
}
