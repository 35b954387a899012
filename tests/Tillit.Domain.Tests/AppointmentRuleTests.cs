using Tillit.Domain.Access;

namespace Tillit.Domain.Tests;

public class AppointmentRuleTests
{
    private static readonly Guid Org = Guid.NewGuid();

    public static TheoryData<Role> PrivilegedRoles => [Role.MunicipalDirector, Role.SecurityOfficer, Role.Administrator];

    public static TheoryData<Role> OtherRoles =>
        [Role.Employee, Role.Manager, Role.SystemOwner, Role.ItManager, Role.BoardMember, Role.DataProtectionOfficer];

    [Theory]
    [MemberData(nameof(PrivilegedRoles))]
    [MemberData(nameof(OtherRoles))]
    public void The_municipal_director_and_an_administrator_may_appoint_every_role(Role role)
    {
        Assert.True(Roles.MayAppoint([Role.MunicipalDirector], role));
        Assert.True(Roles.MayAppoint([Role.Administrator, Role.Employee], role));
    }

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public void The_security_officer_may_appoint_the_roles_that_are_not_privileged(Role role) =>
        Assert.True(Roles.MayAppoint([Role.SecurityOfficer, Role.Employee], role));

    [Theory]
    [MemberData(nameof(PrivilegedRoles))]
    public void The_security_officer_may_not_appoint_a_privileged_role(Role role) =>
        Assert.False(Roles.MayAppoint([Role.SecurityOfficer], role));

    [Theory]
    [InlineData(Role.Employee)]
    [InlineData(Role.Manager)]
    [InlineData(Role.SystemOwner)]
    [InlineData(Role.ItManager)]
    [InlineData(Role.BoardMember)]
    [InlineData(Role.DataProtectionOfficer)]
    public void Holders_of_other_roles_may_appoint_nobody(Role held)
    {
        foreach (var role in Roles.All)
        {
            Assert.False(Roles.MayAppoint([held], role), $"{held} must not appoint {role}");
        }
    }

    [Fact]
    public void Someone_without_a_role_may_appoint_nobody() =>
        Assert.DoesNotContain(Roles.All, role => Roles.MayAppoint([], role));

    [Fact]
    public void The_privileged_roles_are_exactly_those_that_need_a_second_factor() =>
        Assert.All(Roles.All, role => Assert.Equal(Roles.RequiresSecondFactor(role), Roles.IsPrivileged(role)));

    [Theory]
    [InlineData("2026-01-01", null, "2026-06-01", null, true)]
    [InlineData("2026-01-01", "2026-03-31", "2026-04-01", null, false)]
    [InlineData("2026-01-01", "2026-03-31", "2026-03-31", null, true)]
    [InlineData("2026-05-01", null, "2026-01-01", "2026-04-30", false)]
    [InlineData("2026-05-01", null, "2026-01-01", "2026-05-01", true)]
    [InlineData("2026-02-01", "2026-02-28", "2026-01-01", "2026-12-31", true)]
    public void Periods_that_share_a_day_overlap(string from, string? to, string newFrom, string? newTo, bool overlaps)
    {
        var existing = new RoleAssignment(Org, Guid.NewGuid(), Role.ItManager, ScopeKind.Organisation, null, null, "KD 1", D(from), to is null ? null : D(to));

        var test = RoleAssignment.Overlapping(D(newFrom), newTo is null ? null : D(newTo)).Compile();

        Assert.Equal(overlaps, test(existing));
    }

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
