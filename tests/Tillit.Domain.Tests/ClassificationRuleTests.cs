using Tillit.Domain.Access;
using Tillit.Domain.Common;
using Tillit.Domain.Register;
using static Tillit.Domain.Register.ConsequenceLevel;

namespace Tillit.Domain.Tests;

public class ClassificationRuleTests
{
    private static readonly Guid Org = Guid.NewGuid();

    private static readonly (string, string, string, string) Motivations = ("Sekretess enligt OSL", "Fel beslut", "Verksamheten stannar", "Behöver veta vem");

    [Fact]
    public void A_systems_protection_need_is_the_highest_level_per_aspect_over_its_sets()
    {
        var need = ProtectionNeed.HighestOf(
        [
            new ProtectionNeed(Moderate, Serious, Negligible, Significant),
            new ProtectionNeed(Significant, Moderate, Moderate, Negligible),
            new ProtectionNeed(Negligible, Negligible, Negligible, Moderate),
        ]);

        Assert.Equal(new ProtectionNeed(Significant, Serious, Moderate, Significant), need);
        Assert.Equal("2-3-1-2", need.ToString());
        Assert.Equal(Serious, need!.Value.Highest);
        Assert.False(need.Value.NeedsSeparateAnalysis);
    }

    [Fact]
    public void A_system_without_classified_sets_has_no_protection_need()
    {
        Assert.Null(ProtectionNeed.HighestOf([]));
        var system = new InformationSystem(Org, "Procapita", "Dokumentation", Guid.NewGuid(), SystemForm.Automated);
        system.SetProtectionNeed(null);
        Assert.Null(system.ProtectionNeed);
        Assert.Null(system.NeedHighest);
    }

    [Fact]
    public void The_system_keeps_its_derived_need_and_its_highest_level()
    {
        var system = new InformationSystem(Org, "Procapita", "Dokumentation", Guid.NewGuid(), SystemForm.Automated);
        system.SetProtectionNeed(new ProtectionNeed(Moderate, VerySerious, Negligible, Moderate));
        Assert.Equal("1-4-0-1", system.ProtectionNeed.ToString());
        Assert.Equal(VerySerious, system.NeedHighest);
        Assert.True(system.ProtectionNeed!.Value.NeedsSeparateAnalysis);
    }

    [Fact]
    public void Level_four_on_any_aspect_is_flagged_as_needing_its_own_analysis()
    {
        var c = New(new ProtectionNeed(Negligible, Negligible, Negligible, VerySerious), new DateOnly(2026, 1, 10));
        Assert.True(c.NeedsSeparateAnalysis);
        Assert.False(New(new ProtectionNeed(Serious, Serious, Serious, Serious), new DateOnly(2026, 1, 10)).NeedsSeparateAnalysis);
    }

    [Fact]
    public void A_classification_is_stale_from_the_day_after_valid_until_by_the_clock()
    {
        var c = New(new ProtectionNeed(Moderate, Moderate, Moderate, Moderate), new DateOnly(2026, 1, 10));
        Assert.Equal(new DateOnly(2027, 1, 10), c.ValidUntil);

        Assert.False(c.IsStale(new FixedClock(new DateTimeOffset(2027, 1, 10, 23, 59, 0, TimeSpan.Zero))));
        Assert.True(c.IsStale(new FixedClock(new DateTimeOffset(2027, 1, 11, 0, 0, 0, TimeSpan.Zero))));
        Assert.Equal(ClassificationState.Valid, Classification.StateOf(c, new FixedClock(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero))));
        Assert.Equal(ClassificationState.Stale, Classification.StateOf(c, new FixedClock(new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero))));
        Assert.Equal(ClassificationState.Never, Classification.StateOf(null, TimeProvider.System));
    }

    [Theory]
    [InlineData(12, "2027-03-31")]
    [InlineData(24, "2028-03-31")]
    [InlineData(6, "2026-09-30")]
    [InlineData(0, "2027-03-31")]
    public void Valid_until_defaults_to_the_organisations_months_or_twelve(int months, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Classification.DefaultValidUntil(new DateOnly(2026, 3, 31), months));

    [Fact]
    public void A_classification_needs_a_motivation_per_aspect_participants_and_a_later_valid_until()
    {
        var levels = new ProtectionNeed(Moderate, Moderate, Moderate, Moderate);
        var day = new DateOnly(2026, 1, 10);
        Assert.Equal("Classification.MotivationRequired", Assert.Throws<DomainRuleException>(() =>
            new Classification(Org, Guid.NewGuid(), levels, ("a", "b", " ", "d"), "Anna, Bo", Guid.NewGuid(), day, day.AddMonths(12))).MessageKey);
        Assert.Equal("Classification.ParticipantsRequired", Assert.Throws<DomainRuleException>(() =>
            new Classification(Org, Guid.NewGuid(), levels, Motivations, "", Guid.NewGuid(), day, day.AddMonths(12))).MessageKey);
        Assert.Equal("Classification.ValidUntilBeforeDate", Assert.Throws<DomainRuleException>(() =>
            new Classification(Org, Guid.NewGuid(), levels, Motivations, "Anna", Guid.NewGuid(), day, day)).MessageKey);
        Assert.Equal("Classification.LevelOutOfRange", Assert.Throws<DomainRuleException>(() =>
            new Classification(Org, Guid.NewGuid(), new ProtectionNeed((ConsequenceLevel)5, Moderate, Moderate, Moderate), Motivations, "Anna", Guid.NewGuid(), day, day.AddDays(1))).MessageKey);
    }

    [Fact]
    public void Reclassifying_keeps_the_old_classification_as_history()
    {
        var setId = Guid.NewGuid();
        var old = new Classification(Org, setId, new ProtectionNeed(Moderate, Moderate, Moderate, Moderate), Motivations, "Anna", Guid.NewGuid(), new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1));
        var next = new Classification(Org, setId, new ProtectionNeed(Serious, Moderate, Moderate, Moderate), Motivations, "Anna", Guid.NewGuid(), new DateOnly(2026, 2, 1), new DateOnly(2027, 2, 1));
        old.SupersedeBy(next);
        Assert.False(old.IsCurrent);
        Assert.True(next.IsCurrent);
        Assert.Equal("Classification.NotCurrent", Assert.Throws<DomainRuleException>(() => old.SupersedeBy(next)).MessageKey);
        var other = new Classification(Org, Guid.NewGuid(), next.Levels, Motivations, "Anna", Guid.NewGuid(), new DateOnly(2026, 2, 1), new DateOnly(2027, 2, 1));
        Assert.Equal("Classification.OtherSet", Assert.Throws<DomainRuleException>(() => next.SupersedeBy(other)).MessageKey);
    }

    [Fact]
    public void Only_the_municipal_director_or_a_delegate_may_appoint_a_system_owner()
    {
        Assert.True(SystemOwnership.MayAppoint([Role.MunicipalDirector], false));
        Assert.True(SystemOwnership.MayAppoint([Role.Employee], true));
        foreach (var role in Roles.All.Where(r => r != Role.MunicipalDirector))
        {
            Assert.False(SystemOwnership.MayAppoint([role, Role.Employee], false));
        }

        Assert.True(SystemOwnership.MayDelegate([Role.MunicipalDirector]));
        Assert.False(SystemOwnership.MayDelegate([Role.SecurityOfficer, Role.Administrator]));
    }

    [Fact]
    public void Appointing_a_new_owner_ends_the_current_one_the_day_before_and_keeps_it_as_history()
    {
        var system = Guid.NewGuid();
        var first = SystemOwnership.Appoint(Org, system, Guid.NewGuid(), Guid.NewGuid(), "KD 2026/1", new DateOnly(2026, 1, 1), null);
        Assert.Equal(Role.SystemOwner, first.Role);
        Assert.Equal(ScopeKind.InformationSystem, first.ScopeKind);
        Assert.Equal(system, first.ScopeId);

        var second = SystemOwnership.Appoint(Org, system, Guid.NewGuid(), Guid.NewGuid(), "KD 2026/2", new DateOnly(2026, 5, 1), first);
        Assert.Equal(new DateOnly(2026, 4, 30), first.ValidTo);
        Assert.Same(second, SystemOwnership.CurrentOwner([first, second], new DateOnly(2026, 5, 1)));
        Assert.Same(first, SystemOwnership.CurrentOwner([first, second], new DateOnly(2026, 4, 30)));
        Assert.Null(SystemOwnership.CurrentOwner([first, second], new DateOnly(2025, 12, 31)));
    }

    [Fact]
    public void An_appointment_needs_a_decision_and_cannot_start_before_the_current_one_or_repeat_the_owner()
    {
        var system = Guid.NewGuid();
        var person = Guid.NewGuid();
        Assert.Equal("Appointment.DecisionRequired", Assert.Throws<DomainRuleException>(() =>
            SystemOwnership.Appoint(Org, system, person, Guid.NewGuid(), " ", new DateOnly(2026, 1, 1), null)).MessageKey);
        var first = SystemOwnership.Appoint(Org, system, person, Guid.NewGuid(), "KD 1", new DateOnly(2026, 3, 1), null);
        Assert.Equal("Appointment.BeforeCurrent", Assert.Throws<DomainRuleException>(() =>
            SystemOwnership.Appoint(Org, system, Guid.NewGuid(), Guid.NewGuid(), "KD 2", new DateOnly(2026, 2, 1), first)).MessageKey);
        Assert.Equal("Appointment.AlreadyOwner", Assert.Throws<DomainRuleException>(() =>
            SystemOwnership.Appoint(Org, system, person, Guid.NewGuid(), "KD 2", new DateOnly(2026, 4, 1), first)).MessageKey);
        Assert.Equal("Appointment.NotThisSystem", Assert.Throws<DomainRuleException>(() =>
            SystemOwnership.Appoint(Org, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "KD 2", new DateOnly(2026, 4, 1), first)).MessageKey);
    }

    [Fact]
    public void A_system_cannot_depend_on_itself()
    {
        var id = Guid.NewGuid();
        Assert.Equal("System.DependsOnItself", Assert.Throws<DomainRuleException>(() => new SystemDependency(Org, id, id)).MessageKey);
    }

    private static Classification New(ProtectionNeed levels, DateOnly day) =>
        new(Org, Guid.NewGuid(), levels, Motivations, "Anna Ek, Bo Lind", Guid.NewGuid(), day, Classification.DefaultValidUntil(day, 12));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
