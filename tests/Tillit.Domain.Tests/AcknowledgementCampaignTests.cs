using Tillit.Domain.Access;
using Tillit.Domain.Common;
using Tillit.Domain.Documents;

namespace Tillit.Domain.Tests;

public class AcknowledgementCampaignTests
{
    private static readonly Guid Org = Guid.NewGuid();
    private static readonly DateTime Now = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Day = new(2026, 3, 1);
    private static readonly DecisionMaker Director = new(Guid.NewGuid(), new HashSet<Role> { Role.MunicipalDirector }, new HashSet<DecisionAuthority>());

    private static DocumentVersion Decide(GoverningDocument doc, bool major)
    {
        var v = doc.AddDraft("text " + doc.Versions.Count, Now);
        v.SubmitForDecision();
        doc.Decide(v, new DecisionRecord("Kommundirektören", Day, null, "KS 1", Day, major), Director, Now);
        return v;
    }

    [Fact]
    public void A_campaign_asks_for_the_current_version_by_a_future_date()
    {
        var doc = new GoverningDocument(Org, DocumentType.Guideline, "Riktlinje", Guid.NewGuid());
        var draft = doc.AddDraft("x", Now);

        Assert.Equal("Campaign.VersionNotCurrent", Assert.Throws<DomainRuleException>(() => AcknowledgementCampaign.Start(doc, draft, AudienceKind.Everyone, [], [], Day, Day.AddDays(30), Guid.NewGuid())).MessageKey);
        draft.SubmitForDecision();
        doc.Decide(draft, new DecisionRecord("Kommundirektören", Day, null, "KS 1", Day, true), Director, Now);
        Assert.Equal("Campaign.DueInPast", Assert.Throws<DomainRuleException>(() => AcknowledgementCampaign.Start(doc, draft, AudienceKind.Everyone, [], [], Day, Day, Guid.NewGuid())).MessageKey);
        Assert.Equal("Campaign.AudienceEmpty", Assert.Throws<DomainRuleException>(() => AcknowledgementCampaign.Start(doc, draft, AudienceKind.Units, [], [], Day, Day.AddDays(1), Guid.NewGuid())).MessageKey);
        Assert.Equal("Campaign.AudienceEmpty", Assert.Throws<DomainRuleException>(() => AcknowledgementCampaign.Start(doc, draft, AudienceKind.Roles, [], [], Day, Day.AddDays(1), Guid.NewGuid())).MessageKey);

        var campaign = AcknowledgementCampaign.Start(doc, draft, AudienceKind.Roles, [], [Role.Manager, Role.Manager], Day, Day.AddDays(30), Guid.NewGuid());
        Assert.Single(campaign.Audience);
        Assert.True(campaign.Includes("/a/", new HashSet<Role> { Role.Manager }, []));
        Assert.False(campaign.Includes("/a/", new HashSet<Role> { Role.Employee }, []));
    }

    [Fact]
    public void Unit_audiences_include_the_sub_units()
    {
        var doc = new GoverningDocument(Org, DocumentType.Guideline, "Riktlinje", Guid.NewGuid());
        var v = Decide(doc, true);
        var unit = Guid.NewGuid();
        var campaign = AcknowledgementCampaign.Start(doc, v, AudienceKind.Units, [unit], [], Day, Day.AddDays(10), Guid.NewGuid());

        Assert.True(campaign.Includes("/root/social/elder/", new HashSet<Role>(), ["/root/social/"]));
        Assert.False(campaign.Includes("/root/school/", new HashSet<Role>(), ["/root/social/"]));
    }

    [Fact]
    public void A_new_major_version_starts_a_new_round_and_a_minor_one_keeps_the_confirmations()
    {
        var doc = new GoverningDocument(Org, DocumentType.Guideline, "Riktlinje", Guid.NewGuid());
        var v1 = Decide(doc, true);
        var round1 = AcknowledgementCampaign.Start(doc, v1, AudienceKind.Units, [Guid.NewGuid()], [], Day, Day.AddDays(30), Guid.NewGuid());

        var v2 = Decide(doc, false);
        Assert.Equal("Campaign.VersionNotCurrent", Assert.Throws<DomainRuleException>(() => round1.NextRound(v2, Day)).MessageKey);
        Assert.True(round1.Counts(v1.Number));
        Assert.True(round1.Counts(v2.Number));

        var v3 = Decide(doc, true);
        var round2 = round1.NextRound(v3, Day.AddDays(40));
        Assert.False(round1.IsOpen);
        Assert.Equal(2, round2.Round);
        Assert.Equal(Day.AddDays(70), round2.DueDate);
        Assert.Equal(round1.Audience.Single().UnitId, round2.Audience.Single().UnitId);
        Assert.False(round2.Counts(v2.Number));
        Assert.True(round2.Counts(v3.Number));
        Assert.Throws<DomainRuleException>(() => round1.NextRound(v3, Day));
    }

    [Fact]
    public void Only_a_current_version_can_be_confirmed()
    {
        var doc = new GoverningDocument(Org, DocumentType.Guideline, "Riktlinje", Guid.NewGuid());
        var v1 = Decide(doc, true);
        var draft = doc.AddDraft("y", Now);

        Assert.Throws<DomainRuleException>(() => new Acknowledgement(Org, Guid.NewGuid(), draft, Now));
        var ack = new Acknowledgement(Org, Guid.NewGuid(), v1, Now);
        Assert.Equal(1, ack.VersionNumber);
        Assert.Equal(doc.Id, ack.DocumentId);
    }

    [Fact]
    public void A_delegation_cannot_end_before_it_starts()
    {
        Assert.Throws<DomainRuleException>(() => new DecisionDelegation(Org, Guid.NewGuid(), DecisionAuthority.Director, "KD 1", Day, Day.AddDays(-1), Guid.NewGuid()));
        Assert.Throws<DomainRuleException>(() => new DecisionDelegation(Org, Guid.NewGuid(), DecisionAuthority.Director, " ", Day, null, Guid.NewGuid()));
        var d = new DecisionDelegation(Org, Guid.NewGuid(), DecisionAuthority.Board, "KS 2026/4", Day, null, Guid.NewGuid());
        Assert.True(d.IsActiveOn(Day));
        d.End(Day.AddDays(3));
        Assert.False(d.IsActiveOn(Day.AddDays(4)));
    }
}
