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

    /// <summary>The scopes a role may be given. A system owner holds a system; a manager a unit.</summary>
    public static bool AllowsScope(Role role, ScopeKind scope) => role switch
    {
        Role.SystemOwner => scope is ScopeKind.InformationSystem or ScopeKind.Unit or ScopeKind.Organisation,
        Role.Manager => scope is ScopeKind.Unit or ScopeKind.Organisation,
        Role.Employee => scope is ScopeKind.Organisation or ScopeKind.Unit,
        _ => scope is ScopeKind.Organisation,
    };
}
