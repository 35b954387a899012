using Tillit.Domain.Common;
using Tillit.Domain.Risks;

namespace Tillit.Domain.Tests;

public class RiskRuleTests
{
    private static readonly Guid Org = Guid.NewGuid();
    private static readonly DateOnly Day = new(2026, 3, 1);
    private static readonly DateTime Now = new(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);

    private static RiskAnalysis NewAnalysis() => new(Org, "Riskanalys Procapita", RiskAnalysisScope.System, "Workshop", "Systemägare, IT", Day, Day.AddMonths(12));

    private static Risk NewRisk(int l, int c) => new(Org, Guid.NewGuid(), null, "Svaga lösenord", "Kontot kapas", "Journaler röjs", RiskAspects.Confidentiality, l, c);

    [Theory]
    [InlineData(1, 1, 1, RiskBand.Low)]
    [InlineData(1, 2, 2, RiskBand.Low)]
    [InlineData(1, 3, 3, RiskBand.Medium)]
    [InlineData(2, 3, 6, RiskBand.Medium)]
    [InlineData(2, 4, 8, RiskBand.High)]
    [InlineData(3, 4, 12, RiskBand.High)]
    [InlineData(4, 4, 16, RiskBand.VeryHigh)]
    public void Level_is_likelihood_times_consequence_in_the_default_bands(int l, int c, int level, RiskBand band)
    {
        var risk = NewRisk(l, c);
        Assert.Equal(level, risk.Level);
        Assert.Equal(band, RiskBands.Default.BandOf(risk.Level));
    }

    [Fact]
    public void An_organisation_may_draw_its_bands_elsewhere_but_not_leave_a_band_empty()
    {
        var bands = new RiskBands(3, 8, 11);
        Assert.Equal(RiskBand.Low, bands.BandOf(3));
        Assert.Equal(RiskBand.Medium, bands.BandOf(8));
        Assert.Equal(RiskBand.VeryHigh, bands.BandOf(12));
        var settings = new RiskSettings(Org);
        Assert.Equal("Risk.BandsInvalid", Assert.Throws<DomainRuleException>(() => settings.Change(new RiskBands(4, 4, 12), RiskBand.Medium, 12)).MessageKey);
        Assert.Throws<DomainRuleException>(() => settings.Change(new RiskBands(2, 6, 16), RiskBand.Medium, 12));
        Assert.Equal(RiskBands.Default, settings.Bands);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(5, 2)]
    [InlineData(2, 0)]
    [InlineData(2, 5)]
    public void Steps_outside_one_to_four_are_refused(int l, int c) =>
        Assert.Equal("Risk.StepOutOfRange", Assert.Throws<DomainRuleException>(() => NewRisk(l, c)).MessageKey);

    [Fact]
    public void A_system_owner_accepts_residual_up_to_medium_and_only_the_director_above()
    {
        var settings = new RiskSettings(Org);
        var medium = NewRisk(4, 4);
        medium.Treat(RiskTreatment.Reduce, "Tvåfaktor", 2, 3, null);
        var owner = Guid.NewGuid();
        medium.Accept(RiskAcceptor.SystemOwner, owner, "Rimligt efter åtgärd", Now, settings);
        Assert.Equal((owner, Now, RiskAcceptor.SystemOwner), (medium.AcceptedById, medium.AcceptedAt, medium.AcceptedAs));

        var high = NewRisk(4, 4);
        high.Treat(RiskTreatment.Reduce, null, 2, 4, null);
        Assert.Equal("Risk.AcceptanceBeyondAuthority", Assert.Throws<DomainRuleException>(() => high.Accept(RiskAcceptor.SystemOwner, owner, "Vill", Now, settings)).MessageKey);
        Assert.False(high.IsAccepted);
        Assert.Throws<DomainRuleException>(() => high.Accept(RiskAcceptor.None, owner, "Vill", Now, settings));
        high.Accept(RiskAcceptor.MunicipalDirector, Guid.NewGuid(), "Beslut KD", Now, settings);
        Assert.True(high.IsAccepted);
    }

    [Fact]
    public void Acceptance_needs_a_residual_level_and_a_reason_and_a_changed_risk_loses_it()
    {
        var settings = new RiskSettings(Org);
        var risk = NewRisk(2, 2);
        Assert.Equal("Risk.ResidualRequired", Assert.Throws<DomainRuleException>(() => risk.Accept(RiskAcceptor.SystemOwner, Guid.NewGuid(), "Ok", Now, settings)).MessageKey);
        risk.Treat(RiskTreatment.Accept, null, null, null, null);
        Assert.Throws<DomainRuleException>(() => risk.Accept(RiskAcceptor.SystemOwner, Guid.NewGuid(), " ", Now, settings));
        risk.Accept(RiskAcceptor.SystemOwner, Guid.NewGuid(), "Låg risk", Now, settings);
        Assert.True(risk.IsAccepted);
        risk.Assess(null, "c", "e", "k", RiskAspects.Integrity, 3, 3);
        Assert.False(risk.IsAccepted);
    }

    [Fact]
    public void An_analysis_goes_draft_review_approved_and_refuses_illegal_moves()
    {
        var analysis = NewAnalysis();
        Assert.Equal("Risk.NoRisks", Assert.Throws<DomainRuleException>(() => analysis.SubmitForReview(0)).MessageKey);
        Assert.Equal("Risk.IllegalMove", Assert.Throws<DomainRuleException>(() => analysis.Approve(Guid.NewGuid(), Day)).MessageKey);
        analysis.SubmitForReview(3);
        Assert.Throws<DomainRuleException>(() => analysis.SubmitForReview(3));
        Assert.Throws<DomainRuleException>(() => analysis.Change("Ny", "", "", Day, Day.AddMonths(1)));
        analysis.ReturnToDraft();
        analysis.SubmitForReview(3);
        var approver = Guid.NewGuid();
        analysis.Approve(approver, Day.AddDays(5));
        Assert.Equal((RiskAnalysisStatus.Approved, approver, Day.AddDays(5)), (analysis.Status, analysis.ApprovedById, analysis.ApprovedOn));
        Assert.Throws<DomainRuleException>(() => analysis.ReturnToDraft());
        Assert.Throws<DomainRuleException>(() => analysis.EnsureDraft());
    }

    [Fact]
    public void Marking_for_review_records_the_reasons_and_approval_answers_it()
    {
        var analysis = NewAnalysis();
        analysis.SubmitForReview(1);
        analysis.Approve(Guid.NewGuid(), Day);
        analysis.MarkForReview("Händelse H-2026-0004", Now);
        analysis.MarkForReview("Klassning höjd", Now.AddDays(1));
        analysis.MarkForReview("Klassning höjd", Now.AddDays(2));
        Assert.True(analysis.ReviewNeeded);
        Assert.Equal("Händelse H-2026-0004; Klassning höjd", analysis.ReviewReason);
        Assert.Equal(Now, analysis.ReviewMarkedAt);
    }

    [Fact]
    public void An_approved_analysis_is_overdue_after_the_set_age()
    {
        var analysis = NewAnalysis();
        Assert.True(analysis.IsOverdueOn(Day, 12));
        analysis.SubmitForReview(1);
        analysis.Approve(Guid.NewGuid(), Day);
        Assert.False(analysis.IsOverdueOn(Day.AddMonths(12), 12));
        Assert.True(analysis.IsOverdueOn(Day.AddMonths(12).AddDays(1), 12));
        Assert.True(analysis.IsOverdueOn(Day.AddMonths(6).AddDays(1), 6));
    }

    [Fact]
    public void The_next_cycle_starts_a_new_draft_from_the_old_one_which_stays_approved()
    {
        var analysis = NewAnalysis();
        Assert.Equal("Risk.NextCycleFromDraft", Assert.Throws<DomainRuleException>(() => analysis.StartNextCycle(Day, 12)).MessageKey);
        var risk = new Risk(Org, analysis.Id, Guid.NewGuid(), "c", "e", "k", RiskAspects.Availability, 3, 4);
        risk.Treat(RiskTreatment.Reduce, "Reserv", 1, 4, Guid.NewGuid());
        risk.Accept(RiskAcceptor.SystemOwner, Guid.NewGuid(), "Ok", Now, new RiskSettings(Org));
        analysis.SubmitForReview(1);
        analysis.Approve(Guid.NewGuid(), Day);

        var next = analysis.StartNextCycle(Day.AddMonths(11), 12);
        var copy = risk.CopyFor(next.Id);
        Assert.Equal((RiskAnalysisStatus.Draft, analysis.Id, Day.AddMonths(23)), (next.Status, next.PreviousAnalysisId, next.NextReviewOn));
        Assert.Equal(RiskAnalysisStatus.Approved, analysis.Status);
        Assert.Equal((next.Id, risk.ThreatId, 12, 4), (copy.AnalysisId, copy.ThreatId, copy.Level, copy.ResidualLevel));
        Assert.False(copy.IsAccepted);
        Assert.True(risk.IsAccepted);
    }

    [Fact]
    public void The_shipped_threat_catalogue_has_at_least_thirty_distinct_threats_in_both_languages()
    {
        var threats = ThreatCatalogue.For(Org).ToList();
        Assert.True(threats.Count >= 30);
        Assert.Equal(threats.Count, threats.Select(t => t.Code).Distinct().Count());
        Assert.All(threats, t => Assert.True(t.Name.Length > 0 && t.NameEn.Length > 0 && t.Description.Length > 0 && t.DescriptionEn.Length > 0 && t.Aspects != RiskAspects.None));
    }
}
