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

    /// <summary>Create governing documents and write their drafts (the owner of a document may too).</summary>
    public const string DocumentsWrite = "documents.write";

    /// <summary>Read drafts and versions for decision (protected until decided; reads audited).</summary>
    public const string DocumentsDrafts = "documents.drafts";

    /// <summary>Ask an audience to confirm a current document.</summary>
    public const string DocumentsCampaigns = "documents.campaigns";

    /// <summary>See who has confirmed, within the scope of the grant (a manager: their units).</summary>
    public const string DocumentsCoverage = "documents.coverage";

    /// <summary>See who may decide, enter board decisions or appoint system owners in the director's place.</summary>
    public const string DelegationsRead = "delegations.read";

    /// <summary>Record and end those delegations: board secretaries, delegates of the director's decisions, appointers of system owners.</summary>
    public const string DelegationsManage = "delegations.manage";
    /// <summary>Ask for a deviation (avsteg) for a unit within the scope of the grant.</summary>
    public const string DeviationsRequest = "deviations.request";

    /// <summary>See deviations, within the scope of the grant (a manager: their units).</summary>
    public const string DeviationsRead = "deviations.read";

    /// <summary>Assess deviations before the director decides them, and end approved ones.</summary>
    public const string DeviationsAssess = "deviations.assess";

    /// <summary>Decide deviations after the security officer's assessment.</summary>
    public const string DeviationsDecide = "deviations.decide";
    public const string TokensOwn = "tokens.own";
    public const string AuditRead = "audit.read";

    // The register of information systems and sets (issue 4).
    public const string SystemsRead = "systems.read";
    public const string SystemsManage = "systems.manage";
    public const string ClassificationsRead = "classifications.read";
    public const string ClassificationsManage = "classifications.manage";

    // The requirement catalogue, assessments and the action plan (issue 4). The catalogue itself is read with systems.read.

    /// <summary>Write the organisation's requirement catalogue.</summary>
    public const string RequirementsManage = "requirements.manage";

    /// <summary>See how systems meet their requirements (protected: reads audited).</summary>
    public const string AssessmentsRead = "assessments.read";

    /// <summary>Assess requirements: organisation-wide (security officer) or for the systems of the grant's scope (system owner).</summary>
    public const string AssessmentsManage = "assessments.manage";

    /// <summary>Read the action plan (protected: reads audited). A measure's owner reads their own without it.</summary>
    public const string MeasuresRead = "measures.read";

    /// <summary>Create and change measures: organisation-wide, or for measures of the systems in the grant's scope.</summary>
    public const string MeasuresManage = "measures.manage";

    // The legal register, agreements, continuity and training (issue 9). The legal register is read with systems.read.

    /// <summary>Write the legal register: entries, who follows them, review dates and compliance.</summary>
    public const string LawsManage = "laws.manage";

    /// <summary>Read the agreement register (protected: reads audited), organisation-wide or the agreements covering the systems of the grant's scope.</summary>
    public const string AgreementsRead = "agreements.read";

    /// <summary>Write agreements: organisation-wide, or agreements that cover only systems of the grant's scope.</summary>
    public const string AgreementsManage = "agreements.manage";

    /// <summary>Read continuity plans (protected: reads audited), organisation-wide (and the crisis organisation and binder) or for the systems of the grant's scope.</summary>
    public const string ContinuityRead = "continuity.read";

    /// <summary>Write continuity plans: organisation-wide (and the crisis organisation), or for the systems of the grant's scope.</summary>
    public const string ContinuityManage = "continuity.manage";

    /// <summary>See the training courses and their coverage: organisation-wide, or the people of the units of the grant's scope (a manager).</summary>
    public const string TrainingRead = "training.read";

    /// <summary>Keep the training courses and record or import completions (organisation-wide).</summary>
    public const string TrainingManage = "training.manage";
    // Events and incidents (issue 6): handling on a need-to-know basis; everyone reports without a permission.

    /// <summary>Takes part in incident handling (may open the handling pages and be assigned); what each sees is decided per incident.</summary>
    public const string IncidentsHandle = "incidents.handle";

    /// <summary>Handle every incident: triage, assign, dismiss (the security officer). Sees policy violations.</summary>
    public const string IncidentsManage = "incidents.manage";

    /// <summary>Read every incident, policy violations included (the municipal director).</summary>
    public const string IncidentsReadAll = "incidents.readall";

    /// <summary>Read incidents that are (or may be) personal data breaches (the data protection officer).</summary>
    public const string IncidentsBreaches = "incidents.breaches";
    // Goals, indicators and the yearly report (issue 8).

    /// <summary>See the long-term and yearly goals (not secret: they are part of the ordinary planning).</summary>
    public const string GoalsRead = "goals.read";

    /// <summary>Write yearly goals, record their follow-up and start a year from the last one.</summary>
    public const string GoalsManage = "goals.manage";

    /// <summary>See the indicators: figures only; the lists behind them keep their own permissions.</summary>
    public const string IndicatorsRead = "indicators.read";

    /// <summary>Read the yearly reports to the board.</summary>
    public const string ReportsRead = "reports.read";

    /// <summary>Generate the yearly report and record the board's taking note of it.</summary>
    public const string ReportsManage = "reports.manage";
    // Risk analysis (issue 5).

    /// <summary>Read risk analyses (protected: reads audited), organisation-wide or for the systems of the grant's scope.</summary>
    public const string RisksRead = "risks.read";

    /// <summary>Write, send for review, approve and start the next cycle of analyses of the systems in the grant's scope.</summary>
    public const string RisksManage = "risks.manage";

    /// <summary>Keep the organisation's threat catalogue.</summary>
    public const string ThreatsManage = "threats.manage";

    /// <summary>Set the organisation's risk bands, acceptance criteria and the maximum age of an analysis.</summary>
    public const string RiskSettingsManage = "risks.settings";

    /// <summary>Send compliance self-assessments, read their roll-up and make measures of their gaps (answering needs none: the recipient answers).</summary>
    public const string SelfAssessmentsManage = "selfassessments.manage";

    public static IReadOnlyList<string> All { get; } =
    [
        UnitsRead, UnitsManage, PeopleRead, PeopleManage, AccountsManage, RolesRead, RolesAssign, DocumentsRead, TokensOwn, AuditRead,
        SystemsRead, SystemsManage, ClassificationsRead, ClassificationsManage,
        DocumentsWrite, DocumentsDrafts, DocumentsCampaigns, DocumentsCoverage, DelegationsRead, DelegationsManage,
        DeviationsRequest, DeviationsRead, DeviationsAssess, DeviationsDecide,
        RequirementsManage, AssessmentsRead, AssessmentsManage, MeasuresRead, MeasuresManage,
        LawsManage, AgreementsRead, AgreementsManage, ContinuityRead, ContinuityManage, TrainingRead, TrainingManage,
        IncidentsHandle, IncidentsManage, IncidentsReadAll, IncidentsBreaches,
        GoalsRead, GoalsManage, IndicatorsRead, ReportsRead, ReportsManage,
        RisksRead, RisksManage, ThreatsManage, RiskSettingsManage,
        SelfAssessmentsManage,
    ];

    // Everyone may see which systems and sets exist and who owns them; their classification is not for everyone.
    private static readonly string[] Everyone = [DocumentsRead, TokensOwn, SystemsRead];

    // Risk analyses are for the system owner (their systems), the security officer, the IT manager and the director
    // (issue 5); kept apart from the table above so the features' grants merge without touching each other's lines.
    private static readonly Dictionary<Role, string[]> RiskGrants = new()
    {
        [Role.SystemOwner] = [RisksRead, RisksManage],
        [Role.ItManager] = [RisksRead],
        [Role.SecurityOfficer] = [RisksRead, RisksManage, ThreatsManage, RiskSettingsManage],
        [Role.MunicipalDirector] = [RisksRead],
    };

    private static readonly Dictionary<Role, string[]> ByRole = new()
    {
        [Role.Employee] = Everyone,
        [Role.Manager] = [.. Everyone, UnitsRead, PeopleRead, RolesRead, DocumentsCoverage, DeviationsRequest, DeviationsRead, MeasuresRead],
        // A system owner's scope (usually one system) limits what they edit and classify.
        [Role.SystemOwner] = [.. Everyone, UnitsRead, SystemsManage, ClassificationsRead, ClassificationsManage, AssessmentsRead, AssessmentsManage, MeasuresRead, MeasuresManage, IncidentsHandle],
        [Role.ItManager] = [.. Everyone, UnitsRead, ClassificationsRead, AssessmentsRead, MeasuresRead, IncidentsHandle],
        [Role.SecurityOfficer] = [.. Everyone, UnitsRead, PeopleRead, RolesRead, RolesAssign, AuditRead, SystemsManage, ClassificationsRead, DocumentsWrite, DocumentsDrafts, DocumentsCampaigns, DocumentsCoverage, DelegationsRead, DeviationsRequest, DeviationsRead, DeviationsAssess, RequirementsManage, AssessmentsRead, AssessmentsManage, MeasuresRead, MeasuresManage, IncidentsHandle, IncidentsManage, IncidentsReadAll],
        [Role.MunicipalDirector] = [.. Everyone, UnitsRead, PeopleRead, RolesRead, RolesAssign, ClassificationsRead, DocumentsDrafts, DocumentsCoverage, DelegationsRead, DelegationsManage, DeviationsRead, DeviationsDecide, AssessmentsRead, MeasuresRead, IncidentsHandle, IncidentsReadAll],
        [Role.BoardMember] = Everyone,
        [Role.DataProtectionOfficer] = [.. Everyone, UnitsRead, PeopleRead, ClassificationsRead, AssessmentsRead, MeasuresRead, IncidentsHandle, IncidentsBreaches],

        // Technical administration: the organisation's structure and accounts, no security content.
        [Role.Administrator] = [.. Everyone, UnitsRead, UnitsManage, PeopleRead, PeopleManage, AccountsManage, RolesRead, RolesAssign],
    };

    // Goals, indicators and the yearly report (issue 8), kept apart from ByRole so merges stay simple.
    // The board sees figures and the report, never the detail of incidents or risks.
    private static readonly Dictionary<Role, string[]> FollowUpByRole = new()
    {
        [Role.Employee] = [GoalsRead],
        [Role.Manager] = [GoalsRead],
        [Role.SystemOwner] = [GoalsRead],
        [Role.ItManager] = [GoalsRead],
        [Role.SecurityOfficer] = [GoalsRead, GoalsManage, IndicatorsRead, ReportsRead, ReportsManage],
        [Role.MunicipalDirector] = [GoalsRead, GoalsManage, IndicatorsRead, ReportsRead],
        [Role.BoardMember] = [GoalsRead, IndicatorsRead, ReportsRead],
        [Role.DataProtectionOfficer] = [GoalsRead, IndicatorsRead],
        [Role.Administrator] = [],
    };

    // Grants of later issues, added to the roles above in blocks kept apart to keep merges simple.
    // A static constructor runs after every field initialiser, so ByRole and the blocks are complete here.
    static Permissions()
    {
        AddGrants(RiskGrants);
        AddGrants(FollowUpByRole);
        AddGrants(new Dictionary<Role, string[]>
        {
            [Role.SecurityOfficer] = [LawsManage],
            [Role.DataProtectionOfficer] = [LawsManage],
        });

        // Agreements: the security officer and the data protection officer keep the register; the system owner
        // keeps the agreements of their own systems; the IT manager and the director read it.
        AddGrants(new Dictionary<Role, string[]>
        {
            [Role.SecurityOfficer] = [AgreementsRead, AgreementsManage],
            [Role.DataProtectionOfficer] = [AgreementsRead, AgreementsManage],
            [Role.SystemOwner] = [AgreementsRead, AgreementsManage],
            [Role.ItManager] = [AgreementsRead],
            [Role.MunicipalDirector] = [AgreementsRead],
        });

        // Continuity: the system owner plans for their systems, the security officer for all and keeps the crisis
        // organisation; the IT manager and the director read every plan and take the crisis binder.
        AddGrants(new Dictionary<Role, string[]>
        {
            [Role.SecurityOfficer] = [ContinuityRead, ContinuityManage],
            [Role.SystemOwner] = [ContinuityRead, ContinuityManage],
            [Role.ItManager] = [ContinuityRead],
            [Role.MunicipalDirector] = [ContinuityRead],
        });

        // Training: the security officer keeps the courses and completions; a manager follows the coverage of their
        // units (the appointment's scope), the director that of the organisation.
        AddGrants(new Dictionary<Role, string[]>
        {
            [Role.SecurityOfficer] = [TrainingRead, TrainingManage],
            [Role.Manager] = [TrainingRead],
            [Role.MunicipalDirector] = [TrainingRead],
        });

        // Compliance self-assessment (issue 8): the security officer sends questionnaires and follows them up.
        AddGrants(new Dictionary<Role, string[]>
        {
            [Role.SecurityOfficer] = [SelfAssessmentsManage],
        });
    }

    public static IReadOnlyList<string> For(Role role) => ByRole[role];

    public static bool Grants(Role role, string permission) => Array.IndexOf(ByRole[role], permission) >= 0;

    private static void AddGrants(Dictionary<Role, string[]> grants)
    {
        foreach (var (role, permissions) in grants)
        {
            ByRole[role] = [.. ByRole[role].Union(permissions)];
        }
    }
}
