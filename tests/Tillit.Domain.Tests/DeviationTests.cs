using Tillit.Domain.Common;
using Tillit.Domain.Documents;

namespace Tillit.Domain.Tests;

public class DeviationTests
{
    private static readonly Guid Org = Guid.NewGuid();
    private static readonly DateOnly Today = new(2026, 3, 1);

    private static Deviation Requested(DateOnly? expires = null) =>
        new(Org, new GoverningDocument(Org, DocumentType.Guideline, "Riktlinje för lösenord", Guid.NewGuid()), Guid.NewGuid(), "Avsnitt 3: lösenord byts var 90:e dag", "Systemet kan inte tvinga fram byte", "Tvåfaktorsinloggning", expires ?? Today.AddMonths(6), Guid.NewGuid(), Today);

    [Fact]
    public void A_deviation_is_assessed_by_the_security_officer_before_the_director_decides_it()
    {
        var deviation = Requested();
        Assert.Equal("Deviation.NotAssessed", Assert.Throws<DomainRuleException>(() => deviation.Decide(Guid.NewGuid(), true, "KD 2026/1", null, Today)).MessageKey);

        deviation.Assess(Guid.NewGuid(), true, "Risken är låg med tvåfaktor", Today);
        Assert.Equal(DeviationStatus.Assessed, deviation.Status);
        Assert.Equal("Deviation.NotRequested", Assert.Throws<DomainRuleException>(() => deviation.Assess(Guid.NewGuid(), false, "igen", Today)).MessageKey);

        deviation.Decide(Guid.NewGuid(), true, "KD 2026/1", null, Today);
        Assert.Equal(DeviationStatus.Approved, deviation.Status);
        Assert.Equal("Deviation.NotAssessed", Assert.Throws<DomainRuleException>(() => deviation.Decide(Guid.NewGuid(), false, "KD 2026/2", null, Today)).MessageKey);
        Assert.Equal("Deviation.NotOpen", Assert.Throws<DomainRuleException>(deviation.Withdraw).MessageKey);
    }

    [Fact]
    public void An_approved_deviation_is_a_gap_after_its_expiry_until_it_is_ended()
    {
        var deviation = Requested(Today.AddDays(10));
        deviation.Assess(Guid.NewGuid(), true, "Godtagbart", Today);
        deviation.Decide(Guid.NewGuid(), true, "KD 2026/3", "Följs upp i maj", Today);

        Assert.False(deviation.IsExpiredOn(Today.AddDays(10)));
        Assert.True(deviation.IsExpiredOn(Today.AddDays(11)));

        deviation.End(Today.AddDays(12));
        Assert.Equal(DeviationStatus.Ended, deviation.Status);
        Assert.False(deviation.IsExpiredOn(Today.AddDays(20)));
        Assert.Equal("Deviation.NotApproved", Assert.Throws<DomainRuleException>(() => deviation.End(Today.AddDays(13))).MessageKey);
    }

    [Fact]
    public void A_rejected_or_withdrawn_deviation_is_never_a_gap_and_cannot_be_ended()
    {
        var rejected = Requested(Today.AddDays(1));
        rejected.Assess(Guid.NewGuid(), false, "Risken är för hög", Today);
        rejected.Decide(Guid.NewGuid(), false, "KD 2026/4", null, Today);
        Assert.Equal(DeviationStatus.Rejected, rejected.Status);
        Assert.False(rejected.IsExpiredOn(Today.AddYears(1)));
        Assert.Throws<DomainRuleException>(() => rejected.End(Today));

        var withdrawn = Requested();
        withdrawn.Withdraw();
        Assert.Equal(DeviationStatus.Withdrawn, withdrawn.Status);
        Assert.Throws<DomainRuleException>(() => withdrawn.Assess(Guid.NewGuid(), true, "x", Today));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(3 * 366 + 1)]
    public void The_expiry_lies_after_today_and_within_three_years(int days) =>
        Assert.Equal("Deviation.ExpiryRange", Assert.Throws<DomainRuleException>(() => Requested(Today.AddDays(days))).MessageKey);

    [Fact]
    public void Only_a_central_document_can_be_departed_from()
    {
        var central = new GoverningDocument(Org, DocumentType.Guideline, "Riktlinje", Guid.NewGuid());
        var local = new GoverningDocument(Org, DocumentType.Routine, "Rutin", Guid.NewGuid(), central, Guid.NewGuid());
        var refused = Assert.Throws<DomainRuleException>(() => new Deviation(Org, local, Guid.NewGuid(), "Punkt 1", "Skäl", null, Today.AddMonths(1), Guid.NewGuid(), Today));
        Assert.Equal("Deviation.CentralOnly", refused.MessageKey);
    }
}
