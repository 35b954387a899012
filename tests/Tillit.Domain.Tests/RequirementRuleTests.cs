using Tillit.Domain.Common;
using Tillit.Domain.Register;
using Tillit.Domain.Requirements;
using static Tillit.Domain.Register.ConsequenceLevel;

namespace Tillit.Domain.Tests;

public class RequirementRuleTests
{
    private static readonly Guid Org = Guid.NewGuid();

    private static Requirement New(string code, Aspect aspect, ConsequenceLevel from) =>
        new(Org, code, "Titel " + code, "Beskrivning", aspect, from, RequirementArea.AccessControl, "A.5.15", "i");

    [Fact]
    public void A_system_gets_the_active_requirements_whose_level_its_protection_need_reaches_on_that_aspect()
    {
        var k1 = New("K-1", Aspect.Confidentiality, Moderate);
        var k3 = New("K-3", Aspect.Confidentiality, Serious);
        var t2 = New("T-2", Aspect.Availability, Significant);
        var s4 = New("S-4", Aspect.Traceability, VerySerious);
        var off = New("K-9", Aspect.Confidentiality, Moderate);
        off.SetActive(false);
        Requirement[] catalogue = [s4, t2, k3, k1, off];

        var need = new ProtectionNeed(Serious, Negligible, Significant, Serious);
        Assert.Equal(["K-1", "K-3", "T-2"], Requirement.SelectFor(catalogue, need).Select(r => r.Code));
        Assert.Equal(["K-1", "T-2"], Requirement.SelectFor(catalogue, new ProtectionNeed(Significant, Negligible, Significant, Negligible)).Select(r => r.Code));
        Assert.Equal(["K-1", "K-3", "S-4", "T-2"], Requirement.SelectFor(catalogue, new ProtectionNeed(VerySerious, VerySerious, VerySerious, VerySerious)).Select(r => r.Code));
    }

    [Fact]
    public void Level_0_and_an_unclassified_system_select_no_requirement()
    {
        Requirement[] catalogue = [New("K-1", Aspect.Confidentiality, Moderate), New("R-1", Aspect.Integrity, Moderate)];
        Assert.Empty(Requirement.SelectFor(catalogue, new ProtectionNeed(Negligible, Negligible, Negligible, Negligible)));
        Assert.Empty(Requirement.SelectFor(catalogue, null));
    }

    [Fact]
    public void A_requirement_applies_from_level_1_to_4_only_and_its_mappings_are_checked_and_normalised()
    {
        Assert.Equal("Requirement.FromLevelRange", Assert.Throws<DomainRuleException>(() => New("K-0", Aspect.Confidentiality, Negligible)).MessageKey);
        Assert.Throws<DomainRuleException>(() => New("K-5", Aspect.Confidentiality, (ConsequenceLevel)5));

        var r = new Requirement(Org, "beh-01", "Titel", "Text", Aspect.Confidentiality, Moderate, RequirementArea.AccessControl, "a.8.5 ,A.5.15; A.8.5", "j, (i)");
        Assert.Equal("BEH-01", r.Code);
        Assert.Equal("A.5.15, A.8.5", r.IsoControls);
        Assert.Equal("i, j", r.Nis2Areas);

        Assert.Equal("Requirement.IsoFormat", Assert.Throws<DomainRuleException>(() => r.Change("BEH-01", "T", null, "D", Aspect.Confidentiality, Moderate, RequirementArea.AccessControl, "A.9.1", "i")).MessageKey);
        Assert.Equal("Requirement.IsoFormat", Assert.Throws<DomainRuleException>(() => r.Change("BEH-01", "T", null, "D", Aspect.Confidentiality, Moderate, RequirementArea.AccessControl, "A.6.9", "i")).MessageKey);
        Assert.Equal("Requirement.Nis2Format", Assert.Throws<DomainRuleException>(() => r.Change("BEH-01", "T", null, "D", Aspect.Confidentiality, Moderate, RequirementArea.AccessControl, "A.5.1", "k")).MessageKey);
        Assert.Equal("Requirement.CodeFormat", Assert.Throws<DomainRuleException>(() => r.Change("BEH 01", "T", null, "D", Aspect.Confidentiality, Moderate, RequirementArea.AccessControl, "A.5.1", "a")).MessageKey);
    }

    [Fact]
    public void The_starting_catalogue_has_at_least_60_valid_requirements_with_unique_codes_covering_the_topics_asked_for()
    {
        var catalogue = StartingCatalogue.For(Org).ToList();
        Assert.True(catalogue.Count >= 60, $"only {catalogue.Count}");
        Assert.Equal(catalogue.Count, catalogue.Select(r => r.Code).Distinct().Count());
        Assert.All(catalogue, r =>
        {
            Assert.NotEmpty(r.IsoControls);
            Assert.NotEmpty(r.Nis2Areas);
            Assert.NotNull(r.TitleEn);
            Assert.InRange((int)r.FromLevel, 1, 4);
        });
        foreach (var area in new[]
                 {
                     RequirementArea.AccessControl, RequirementArea.Logging, RequirementArea.Backup, RequirementArea.Encryption,
                     RequirementArea.Suppliers, RequirementArea.Continuity, RequirementArea.Vulnerabilities, RequirementArea.Training,
                 })
        {
            Assert.True(catalogue.Count(r => r.Area == area) >= 4, $"{area} has fewer than 4");
        }

        // Every aspect has requirements from level 1, so any classified system with a level above 0 gets some.
        foreach (var aspect in Enum.GetValues<Aspect>())
        {
            Assert.Contains(catalogue, r => r.Aspect == aspect && r.FromLevel == Moderate);
        }
    }

    [Fact]
    public void An_assessment_needs_to_say_how_and_a_gap_is_not_met_or_partly_met()
    {
        Assert.Equal("Assessment.HowRequired", Assert.Throws<DomainRuleException>(() => new RequirementAssessment(Org, Guid.NewGuid(), Guid.NewGuid(), AssessmentStatus.Met, " ", Guid.NewGuid(), new DateOnly(2026, 1, 1))).MessageKey);
        var a = new RequirementAssessment(Org, Guid.NewGuid(), Guid.NewGuid(), AssessmentStatus.Met, "Kontrolleras i AD", Guid.NewGuid(), new DateOnly(2026, 1, 1));
        Assert.False(a.IsGap);
        a.Record(AssessmentStatus.PartlyMet, "Bara delvis", Guid.NewGuid(), new DateOnly(2026, 2, 1));
        Assert.True(a.IsGap);
        a.Record(AssessmentStatus.NotApplicable, "Inga externa användare", Guid.NewGuid(), new DateOnly(2026, 2, 1));
        Assert.False(a.IsGap);
    }
}
