using Tillit.Domain.Access;
using Tillit.Domain.Common;

namespace Tillit.Domain.Tests;

public class RoleAssignmentTests
{
    private static readonly Guid Org = Guid.NewGuid();
    private static readonly DateOnly Start = new(2026, 1, 1);

    [Fact]
    public void An_appointment_is_active_from_its_first_to_its_last_day()
    {
        var a = new RoleAssignment(Org, Guid.NewGuid(), Role.SecurityOfficer, ScopeKind.Organisation, null, Guid.NewGuid(), "KS 2026/1", Start, new DateOnly(2026, 12, 31));

        Assert.False(a.IsActiveOn(new DateOnly(2025, 12, 31)));
        Assert.True(a.IsActiveOn(Start));
        Assert.True(a.IsActiveOn(new DateOnly(2026, 12, 31)));
        Assert.False(a.IsActiveOn(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void A_municipal_director_cannot_be_appointed_for_a_single_unit()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            new RoleAssignment(Org, Guid.NewGuid(), Role.MunicipalDirector, ScopeKind.Unit, Guid.NewGuid(), null, null, Start, null));
        Assert.Equal("RoleAssignment.ScopeNotAllowed", error.MessageKey);
    }

    [Fact]
    public void A_unit_scope_needs_the_unit()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            new RoleAssignment(Org, Guid.NewGuid(), Role.Manager, ScopeKind.Unit, null, null, null, Start, null));
        Assert.Equal("RoleAssignment.ScopeIdMismatch", error.MessageKey);
    }

    [Fact]
    public void Ending_an_appointment_before_it_started_is_refused_and_ending_keeps_the_record()
    {
        var a = new RoleAssignment(Org, Guid.NewGuid(), Role.Manager, ScopeKind.Unit, Guid.NewGuid(), null, null, Start, null);

        Assert.Throws<DomainRuleException>(() => a.End(Start.AddDays(-1)));
        a.End(Start.AddDays(10));
        Assert.Equal(Start.AddDays(10), a.ValidTo);
        Assert.False(a.IsActiveOn(Start.AddDays(11)));
    }

    [Theory]
    [InlineData(Role.SecurityOfficer, true)]
    [InlineData(Role.MunicipalDirector, true)]
    [InlineData(Role.Administrator, true)]
    [InlineData(Role.Employee, false)]
    [InlineData(Role.SystemOwner, false)]
    public void Privileged_roles_require_a_second_factor(Role role, bool required) =>
        Assert.Equal(required, Roles.RequiresSecondFactor(role));
}
