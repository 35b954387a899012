namespace Tillit.Domain.Access;

/// <summary>The nine roles of the policy. Values are stored; never renumber.</summary>
public enum Role
{
    Employee = 0,
    Manager = 1,
    SystemOwner = 2,
    ItManager = 3,
    SecurityOfficer = 4,
    MunicipalDirector = 5,
    BoardMember = 6,
    DataProtectionOfficer = 7,
    Administrator = 8,
}

public enum ScopeKind
{
    Organisation = 0,
    Unit = 1,
    InformationSystem = 2,
}

public static class Roles
{
    public static IReadOnlyList<Role> All { get; } = Enum.GetValues<Role>();

    /// <summary>Roles whose holders must use a second factor at sign-in.</summary>
    public static bool RequiresSecondFactor(Role role) =>
        role is Role.SecurityOfficer or Role.MunicipalDirector or Role.Administrator;

    /// <summary>
    /// Roles that carry the organisation's security mandate or its technical keys. Only the municipal
    /// director or an administrator may appoint (or end) them, so the security officer cannot hand
    /// such a role to someone, or to themself.
    /// </summary>
    public static bool IsPrivileged(Role role) =>
        role is Role.MunicipalDirector or Role.SecurityOfficer or Role.Administrator;

    /// <summary>
    /// Whether someone holding <paramref name="appointerRoles"/> may appoint a person to
    /// <paramref name="role"/> (or end such an appointment): the municipal director and an
    /// administrator may appoint every role; the security officer every role but the privileged ones.
    /// </summary>
    public static bool MayAppoint(IEnumerable<Role> appointerRoles, Role role)
    {
        ArgumentNullException.ThrowIfNull(appointerRoles);
        var held = appointerRoles as IReadOnlySet<Role> ?? appointerRoles.ToHashSet();
        if (held.Contains(Role.MunicipalDirector) || held.Contains(Role.Administrator))
        {
            return true;
        }

        return held.Contains(Role.SecurityOfficer) && !IsPrivileged(role);
    }

    /// <summary>The scopes a role may be given. A system owner holds a system; a manager a unit.</summary>
    public static bool AllowsScope(Role role, ScopeKind scope) => role switch
    {
        Role.SystemOwner => scope is ScopeKind.InformationSystem or ScopeKind.Unit or ScopeKind.Organisation,
        Role.Manager => scope is ScopeKind.Unit or ScopeKind.Organisation,
        Role.Employee => scope is ScopeKind.Organisation or ScopeKind.Unit,
        _ => scope is ScopeKind.Organisation,
    };
}
