using Tillit.Domain.Access;

namespace Tillit.Web.Security;

/// <summary>
/// The one catalogue of permissions, used by pages and API alike. A role assignment grants its
/// role's permissions within the assignment's scope (organisation, unit subtree, information system).
/// Nothing is allowed that is not granted here: the fallback policy denies.
/// </summary>
public static class Permissions
{
    public const string UnitsRead = "units.read";
    public const string UnitsManage = "units.manage";
    public const string PeopleRead = "people.read";
    public const string PeopleManage = "people.manage";
    public const string AccountsManage = "accounts.manage";
    public const string RolesRead = "roles.read";
    public const string RolesAssign = "roles.assign";
    public const string DocumentsRead = "documents.read";
    public const string TokensOwn = "tokens.own";
    public const string AuditRead = "audit.read";

    // The register of information systems and sets (issue 4).
    public const string SystemsRead = "systems.read";
    public const string SystemsManage = "systems.manage";
    public const string ClassificationsRead = "classifications.read";
    public const string ClassificationsManage = "classifications.manage";

    public static IReadOnlyList<string> All { get; } =
    [
        UnitsRead, UnitsManage, PeopleRead, PeopleManage, AccountsManage, RolesRead, RolesAssign, DocumentsRead, TokensOwn, AuditRead,
        SystemsRead, SystemsManage, ClassificationsRead, ClassificationsManage,
    ];

    // Everyone may see which systems and sets exist and who owns them; their classification is not for everyone.
    private static readonly string[] Everyone = [DocumentsRead, TokensOwn, SystemsRead];

    private static readonly Dictionary<Role, string[]> ByRole = new()
    {
        [Role.Employee] = Everyone,
        [Role.Manager] = [.. Everyone, UnitsRead, PeopleRead, RolesRead],
        // A system owner's scope (usually one system) limits what they edit and classify.
        [Role.SystemOwner] = [.. Everyone, UnitsRead, SystemsManage, ClassificationsRead, ClassificationsManage],
        [Role.ItManager] = [.. Everyone, UnitsRead, ClassificationsRead],
        [Role.SecurityOfficer] = [.. Everyone, UnitsRead, PeopleRead, RolesRead, RolesAssign, AuditRead, SystemsManage, ClassificationsRead],
        [Role.MunicipalDirector] = [.. Everyone, UnitsRead, PeopleRead, RolesRead, RolesAssign, ClassificationsRead],
        [Role.BoardMember] = Everyone,
        [Role.DataProtectionOfficer] = [.. Everyone, UnitsRead, PeopleRead, ClassificationsRead],

        // Technical administration: the organisation's structure and accounts, no security content.
        [Role.Administrator] = [.. Everyone, UnitsRead, UnitsManage, PeopleRead, PeopleManage, AccountsManage, RolesRead, RolesAssign],
    };

    public static IReadOnlyList<string> For(Role role) => ByRole[role];

    public static bool Grants(Role role, string permission) => Array.IndexOf(ByRole[role], permission) >= 0;
}
