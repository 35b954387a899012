using Tillit.Domain.Access;
using static Tillit.Domain.Access.Role;

namespace Tillit.Integration.Tests;

/// <summary>
/// THE authorization matrix: every page and API endpoint (method + route pattern exactly as the app
/// declares it) with who is allowed; everyone else is denied. <see cref="AuthorizationMatrixTests"/>
/// fails when the app has an endpoint missing here or this table lists one the app no longer has,
/// then checks every row against every role and Anonymous. Pages are called with a cookie session of
/// the role, /api with a personal access token of the role, ids are the role's own organisation's.
/// One line per endpoint; keep the groups in the order of the navigation.
/// </summary>
public static class AuthorizationMatrix
{
    // Who may read the organisation's structure (units.read): spelled out, not taken from Permissions.cs,
    // so a change to the catalogue shows up here as a failing test.
    private static readonly Role[] UnitReaders = [Manager, SystemOwner, ItManager, SecurityOfficer, MunicipalDirector, DataProtectionOfficer, Administrator];

    // people.read; the manager's scope (a unit) covers the test person, who sits in that unit.
    private static readonly Role[] PeopleReaders = [Manager, SecurityOfficer, MunicipalDirector, DataProtectionOfficer, Administrator];

    private static readonly Role[] RoleReaders = [Manager, SecurityOfficer, MunicipalDirector, Administrator];

    // roles.assign, and the appointing rule allows all three to appoint (and end) an Employee role.
    private static readonly Role[] Appointers = [SecurityOfficer, MunicipalDirector, Administrator];

    // systems.manage: the security officer and (within their scope; the test's is the organisation) a system owner.
    private static readonly Role[] RegisterKeepers = [SecurityOfficer, SystemOwner];
    // assessments.read: see how systems meet their requirements (an employee sees nothing).
    private static readonly Role[] AssessmentReaders = [SystemOwner, ItManager, SecurityOfficer, MunicipalDirector, DataProtectionOfficer];

    // assessments.manage / measures.manage: the security officer, and a system owner within their scope (the test's is the organisation).
    private static readonly Role[] Assessors = [SecurityOfficer, SystemOwner];

    // measures.read: the action plan. The sample measure is owned by the person without a role, so no other owner reads it.
    private static readonly Role[] MeasureReaders = [Manager, SystemOwner, ItManager, SecurityOfficer, MunicipalDirector, DataProtectionOfficer];

    // documents.drafts: who may read drafts and versions for decision of any document.
    private static readonly Role[] DraftReaders = [SecurityOfficer, MunicipalDirector];

    // documents.coverage; the manager's scope (a unit) sees that unit's part of the sample campaign.
    private static readonly Role[] CoverageReaders = [Manager, SecurityOfficer, MunicipalDirector];

    // delegations.read: who acts in the director's place.
    private static readonly Role[] DelegationReaders = [SecurityOfficer, MunicipalDirector];

    // deviations.read; the manager's scope (a unit) covers the sample deviation's department.
    private static readonly Role[] DeviationReaders = [Manager, SecurityOfficer, MunicipalDirector];

    // incidents.handle: the roles that take part in incident handling and may open its pages. What each
    // sees is need to know: the sample incident is assigned to the IT manager, so the security officer,
    // the director and the IT manager see it, while the data protection officer (not a breach) and the
    // system owner (no system-scoped appointment) get 404 for it (see Incidents/NeedToKnowTests).
    // agreements.read / agreements.manage (issue 9).
    private static readonly Role[] AgreementReaders = [SystemOwner, ItManager, SecurityOfficer, MunicipalDirector, DataProtectionOfficer];
    private static readonly Role[] AgreementKeepers = [SecurityOfficer, DataProtectionOfficer, SystemOwner];

    // continuity.read / continuity.manage (issue 9).
    private static readonly Role[] ContinuityReaders = [SystemOwner, ItManager, SecurityOfficer, MunicipalDirector];
    private static readonly Role[] ContinuityKeepers = [SecurityOfficer, SystemOwner];

    // training.read (issue 9): the manager's scope (a unit) sees that unit's coverage; training.manage: the security officer.
    private static readonly Role[] TrainingReaders = [Manager, SecurityOfficer, MunicipalDirector];

    private static readonly Role[] IncidentHandlers = [SystemOwner, ItManager, SecurityOfficer, MunicipalDirector, DataProtectionOfficer];
    private static readonly Role[] IncidentManagers = [SecurityOfficer, DataProtectionOfficer, SystemOwner];
    private static readonly Role[] IncidentWorkers = [SecurityOfficer, ItManager, DataProtectionOfficer, SystemOwner];
    // Goals, indicators and yearly reports (issue 8): goals are read by everyone but the administrator;
    // the security officer and the director write them; the board sees indicators and reports only.
    private static readonly Role[] GoalReaders = [Employee, Manager, SystemOwner, ItManager, SecurityOfficer, MunicipalDirector, BoardMember, DataProtectionOfficer];
    private static readonly Role[] GoalKeepers = [SecurityOfficer, MunicipalDirector];
    private static readonly Role[] IndicatorReaders = [SecurityOfficer, MunicipalDirector, BoardMember, DataProtectionOfficer];
    private static readonly Role[] ReportReaders = [SecurityOfficer, MunicipalDirector, BoardMember];
    // risks.read: the system owner (the test's scope is the organisation), the security officer, the IT manager and the director.
    private static readonly Role[] RiskReaders = [SystemOwner, ItManager, SecurityOfficer, MunicipalDirector];

    // risks.manage: the security officer, and a system owner within their scope.
    private static readonly Role[] RiskManagers = [SecurityOfficer, SystemOwner];

    // Accepting the sample risk (residual medel): the director, and a system owner of the system (the criteria allow up to medel).
    private static readonly Role[] RiskAcceptors = [SystemOwner, MunicipalDirector];

    public static IReadOnlyList<MatrixRow> Rows { get; } =
    [
        // Start page and account
        Row("GET", "/", Access.SignedIn),
        Row("GET", "/account/sign-in", Access.Anyone),
        Row("POST", "/account/sign-in", Access.Anyone),
        Row("GET", "/account/second-factor", Access.Anyone),
        Row("POST", "/account/second-factor", Access.Anyone),
        Row("GET", "/account/second-factor-setup", Access.SignedIn),
        Row("POST", "/account/second-factor-setup", Access.SignedIn),
        Row("GET", "/account/sign-out", Access.Anyone),
        Row("POST", "/account/sign-out", Access.Anyone) with { EndsSession = true },
        Row("GET", "/account/access-denied", Access.Anyone) with { AllowedStatus = 403 },
        Row("GET", "/account/activity", Access.SignedIn),

        // Personal access tokens: everyone manages their own; the test token belongs to one person,
        // so for everyone else its revoke page answers 404 (not found), never another's token.
        Row("GET", "/account/tokens", Access.SignedIn),
        Row("GET", "/account/tokens/new", Access.SignedIn),
        Row("POST", "/account/tokens/new", Access.SignedIn),
        Row("GET", "/account/tokens/{id:guid}/revoke", Access.SignedIn) with { AllowedStatus = 404 },
        Row("POST", "/account/tokens/{id:guid}/revoke", Access.SignedIn) with { AllowedStatus = 404 },

        // Units (organisation)
        Row("GET", "/units", Access.Only(UnitReaders)),
        Row("GET", "/units/{id:guid}", Access.Only(UnitReaders)),
        Row("GET", "/units/new", Access.Only(Administrator)),
        Row("POST", "/units/new", Access.Only(Administrator)),
        Row("GET", "/units/{id:guid}/edit", Access.Only(Administrator)),
        Row("POST", "/units/{id:guid}/edit", Access.Only(Administrator)),

        // People and accounts
        Row("GET", "/people", Access.Only(PeopleReaders)),
        Row("GET", "/people/{id:guid}", Access.Only(PeopleReaders)),
        Row("GET", "/people/new", Access.Only(Administrator)),
        Row("POST", "/people/new", Access.Only(Administrator)),
        Row("GET", "/people/{id:guid}/edit", Access.Only(Administrator)),
        Row("POST", "/people/{id:guid}/edit", Access.Only(Administrator)),
        Row("GET", "/people/{id:guid}/account/{handler?}", Access.Only(Administrator)),
        Row("POST", "/people/{id:guid}/account/{handler?}", Access.Only(Administrator)),
        Row("POST", "/people/{id:guid}/account/{handler?}", Access.Only(Administrator), handler: "unlock"),
        Row("POST", "/people/{id:guid}/account/{handler?}", Access.Only(Administrator), handler: "resetsecondfactor"),
        Row("POST", "/people/{id:guid}/account/{handler?}", Access.Only(Administrator), handler: "endsessions"),

        // Roles and appointments
        Row("GET", "/roles", Access.Only(RoleReaders)),
        Row("GET", "/roles/new", Access.Only(Appointers)),
        Row("POST", "/roles/new", Access.Only(Appointers)),
        Row("GET", "/roles/{id:guid}/end", Access.Only(Appointers)),
        Row("POST", "/roles/{id:guid}/end", Access.Only(Appointers)),

        // Register of information systems and sets: everyone reads it; classifications are checked inside
        Row("GET", "/systems", Access.SignedIn),
        Row("GET", "/systems/{id:guid}", Access.SignedIn),
        Row("GET", "/systems/new", Access.Only(RegisterKeepers)),
        Row("POST", "/systems/new", Access.Only(RegisterKeepers)),
        Row("POST", "/systems/new", Access.Only(RegisterKeepers), handler: "findsystems"),
        Row("GET", "/systems/{id:guid}/edit", Access.Only(RegisterKeepers)),
        Row("POST", "/systems/{id:guid}/edit", Access.Only(RegisterKeepers)),
        Row("POST", "/systems/{id:guid}/edit", Access.Only(RegisterKeepers), handler: "findsystems"),
        Row("GET", "/systems", Access.SignedIn, handler: "export") with { Query = "?format=csv" },
        Row("GET", "/systems/import", Access.Only(RegisterKeepers)),
        Row("POST", "/systems/import", Access.Only(RegisterKeepers)),

        // An upload is kept under the uploader's organisation and person: any other id is gone (404).
        Row("GET", "/systems/import/{id:guid}", Access.Only(RegisterKeepers)) with { AllowedStatus = 404 },
        Row("POST", "/systems/import/{id:guid}", Access.Only(RegisterKeepers)) with { AllowedStatus = 404 },
        Row("GET", "/systems/{id:guid}/owner", Access.Only(MunicipalDirector)),
        Row("POST", "/systems/{id:guid}/owner", Access.Only(MunicipalDirector)),
        Row("GET", "/information-sets", Access.SignedIn),
        Row("GET", "/information-sets", Access.SignedIn, handler: "export") with { Query = "?format=csv" },
        Row("GET", "/information-sets/{id:guid}", Access.SignedIn),
        Row("GET", "/information-sets/new", Access.Only(RegisterKeepers)),
        Row("POST", "/information-sets/new", Access.Only(RegisterKeepers)),
        Row("POST", "/information-sets/new", Access.Only(RegisterKeepers), handler: "findsystems"),
        Row("GET", "/information-sets/{id:guid}/edit", Access.Only(RegisterKeepers)),
        Row("POST", "/information-sets/{id:guid}/edit", Access.Only(RegisterKeepers)),
        Row("POST", "/information-sets/{id:guid}/edit", Access.Only(RegisterKeepers), handler: "findsystems"),
        Row("GET", "/information-sets/{id:guid}/classify", Access.Only(SystemOwner)),
        Row("POST", "/information-sets/{id:guid}/classify", Access.Only(SystemOwner)),
        Row("GET", "/information-sets/import", Access.Only(RegisterKeepers)),
        Row("POST", "/information-sets/import", Access.Only(RegisterKeepers)),
        Row("GET", "/information-sets/import/{id:guid}", Access.Only(RegisterKeepers)) with { AllowedStatus = 404 },
        Row("POST", "/information-sets/import/{id:guid}", Access.Only(RegisterKeepers)) with { AllowedStatus = 404 },

        // Requirement catalogue (read with the register), assessments and the action plan
        Row("GET", "/requirements", Access.SignedIn),
        Row("GET", "/requirements/{id:guid}", Access.SignedIn),
        Row("GET", "/requirements/new", Access.Only(SecurityOfficer)),
        Row("POST", "/requirements/new", Access.Only(SecurityOfficer)),
        Row("GET", "/requirements/{id:guid}/edit", Access.Only(SecurityOfficer)),
        Row("POST", "/requirements/{id:guid}/edit", Access.Only(SecurityOfficer)),
        Row("GET", "/requirements/applicability", Access.Only(AssessmentReaders)),
        Row("GET", "/systems/{id:guid}/requirements", Access.Only(AssessmentReaders)),
        Row("GET", "/systems/{id:guid}/requirements/{requirementId:guid}", Access.Only(AssessmentReaders)),
        Row("POST", "/systems/{id:guid}/requirements/{requirementId:guid}", Access.Only(Assessors)),
        Row("POST", "/systems/{id:guid}/requirements/{requirementId:guid}", Access.Only(Assessors), handler: "measure"),
        Row("GET", "/measures", Access.Only(MeasureReaders)),
        Row("GET", "/measures/{id:guid}", Access.Only(MeasureReaders)),
        Row("POST", "/measures/{id:guid}", Access.Only(Assessors)),
        Row("GET", "/measures/new", Access.Only(Assessors)),
        Row("POST", "/measures/new", Access.Only(Assessors)),
        Row("POST", "/measures/new", Access.Only(Assessors), handler: "findsystems"),
        Row("GET", "/measures/{id:guid}/edit", Access.Only(Assessors)),
        Row("POST", "/measures/{id:guid}/edit", Access.Only(Assessors)),
        Row("POST", "/measures/{id:guid}/edit", Access.Only(Assessors), handler: "findsystems"),

        // Governing documents. The sample document is a policy owned by the security officer whose only
        // version is a draft: drafts are for writers and draft readers, a policy is decided (entered) by
        // the security officer.
        Row("GET", "/documents", Access.SignedIn),
        Row("GET", "/documents/{id:guid}", Access.SignedIn),
        Row("GET", "/documents/new", Access.Only(SecurityOfficer)),
        Row("POST", "/documents/new", Access.Only(SecurityOfficer)),
        Row("GET", "/documents/work", Access.Only(DraftReaders)),
        Row("GET", "/documents/{id:guid}/edit", Access.Only(SecurityOfficer)),
        Row("POST", "/documents/{id:guid}/edit", Access.Only(SecurityOfficer)),
        Row("GET", "/documents/{id:guid}/versions/{versionId:guid}", Access.Only(DraftReaders)),
        Row("POST", "/documents/{id:guid}/versions/{versionId:guid}", Access.Only(SecurityOfficer), handler: "submit"),
        Row("POST", "/documents/{id:guid}/versions/{versionId:guid}", Access.Only(SecurityOfficer), handler: "return"),
        Row("GET", "/documents/{id:guid}/versions/{versionId:guid}/decide", Access.Only(SecurityOfficer)),
        Row("POST", "/documents/{id:guid}/versions/{versionId:guid}/decide", Access.Only(SecurityOfficer)),
        Row("GET", "/documents/{id:guid}/versions/{versionId:guid}/pdf", Access.Only(DraftReaders)),
        Row("GET", "/documents/{id:guid}/diff", Access.SignedIn),
        Row("POST", "/documents/{id:guid}", Access.Only(SecurityOfficer), handler: "reviewed"),
        Row("GET", "/documents/{id:guid}/revoke", Access.Only(SecurityOfficer)),
        Row("POST", "/documents/{id:guid}/revoke", Access.Only(SecurityOfficer)),
        Row("POST", "/documents/{id:guid}/versions/{versionId:guid}", Access.SignedIn, handler: "confirm"),
        Row("GET", "/documents/to-read", Access.SignedIn),
        Row("GET", "/documents/{id:guid}/campaigns/new", Access.Only(SecurityOfficer)),
        Row("POST", "/documents/{id:guid}/campaigns/new", Access.Only(SecurityOfficer)),
        Row("GET", "/documents/campaigns", Access.Only(CoverageReaders)),
        Row("GET", "/documents/campaigns/{id:guid}", Access.Only(CoverageReaders)),
        Row("GET", "/documents/campaigns/{id:guid}", Access.Only(CoverageReaders), handler: "export"),

        // Delegations: the director records them (the sample delegates the director's decisions to the
        // person without a role); the security officer sees them.
        Row("GET", "/delegations", Access.Only(DelegationReaders)),
        Row("GET", "/delegations/new", Access.Only(MunicipalDirector)),
        Row("POST", "/delegations/new", Access.Only(MunicipalDirector)),
        Row("GET", "/delegations/{id:guid}/end", Access.Only(MunicipalDirector)),
        Row("POST", "/delegations/{id:guid}/end", Access.Only(MunicipalDirector)),

        // Deviations: the sample is a requested deviation for the department (the manager's scope).
        // Moves without a body are refused as invalid (400) for those allowed, so nothing changes.
        Row("GET", "/deviations", Access.Only(DeviationReaders)),
        Row("GET", "/deviations/new", Access.Only(Manager, SecurityOfficer)),
        Row("POST", "/deviations/new", Access.Only(Manager, SecurityOfficer)),
        Row("GET", "/deviations/{id:guid}", Access.Only(DeviationReaders)),
        Row("POST", "/deviations/{id:guid}", Access.Only(SecurityOfficer), handler: "assess"),
        Row("POST", "/deviations/{id:guid}", Access.Only(MunicipalDirector), handler: "decide"),
        Row("POST", "/deviations/{id:guid}", Access.Only(Manager, SecurityOfficer), handler: "withdraw"),
        Row("POST", "/deviations/{id:guid}", Access.Only(SecurityOfficer, MunicipalDirector), handler: "end"),
        // Events and incidents: everyone reports and sees their own; the sample report is the employee's,
        // so for everyone else its page answers 404 (not found), never another's report.
        Row("GET", "/incidents/report", Access.SignedIn),
        Row("POST", "/incidents/report", Access.SignedIn),
        Row("GET", "/incidents/mine", Access.SignedIn),
        Row("GET", "/incidents/mine/{id:guid}", Access.SignedIn) with { AllowedStatus = 404 },

        // Incident handling: the gate is incidents.handle; behind it the security officer triages, assigns
        // and dismisses, the assigned handler (the IT manager) works the case, the director reads only (403).
        Row("GET", "/incidents", Access.Only(IncidentHandlers)),
        // Statistics: every handling role, each counting only what they may see (Incidents/StatisticsTests).
        Row("GET", "/incidents/statistics", Access.Only(IncidentHandlers)),
        Row("GET", "/incidents/statistics", Access.Only(IncidentHandlers), handler: "export"),
        Row("GET", "/incidents/{id:guid}", Access.Only(IncidentHandlers)) with { AllowedStatus = 404 },
        Row("POST", "/incidents/{id:guid}", Access.Only(IncidentManagers), handler: "triage") with { AllowedStatus = 404 },
        Row("POST", "/incidents/{id:guid}", Access.Only(IncidentManagers), handler: "assign") with { AllowedStatus = 404 },
        Row("POST", "/incidents/{id:guid}", Access.Only(IncidentManagers), handler: "dismiss") with { AllowedStatus = 404 },
        Row("POST", "/incidents/{id:guid}", Access.Only(IncidentWorkers), handler: "move") with { AllowedStatus = 404 },
        Row("POST", "/incidents/{id:guid}", Access.Only(IncidentWorkers), handler: "note") with { AllowedStatus = 404 },
        Row("POST", "/incidents/{id:guid}", Access.Only(IncidentWorkers), handler: "conclude") with { AllowedStatus = 404 },
        Row("POST", "/incidents/{id:guid}", Access.Only(IncidentWorkers), handler: "awareness") with { AllowedStatus = 404 },
        Row("POST", "/incidents/{id:guid}", Access.Only(IncidentWorkers), handler: "breach") with { AllowedStatus = 404 },
        Row("POST", "/incidents/{id:guid}", Access.Only(IncidentWorkers), handler: "significant") with { AllowedStatus = 404 },
        Row("POST", "/incidents/{id:guid}", Access.Only(IncidentHandlers), handler: "findlinks") with { AllowedStatus = 404 },
        Row("POST", "/incidents/{id:guid}", Access.Only(IncidentHandlers), handler: "findowner") with { AllowedStatus = 404 },
        Row("POST", "/incidents/{id:guid}", Access.Only(IncidentWorkers), handler: "sent") with { AllowedStatus = 404 },

        // A measure needs measures.manage too, which the IT manager lacks.
        Row("POST", "/incidents/{id:guid}", Access.Only(IncidentManagers), handler: "measure") with { AllowedStatus = 404 },
        // Goals, indicators and yearly reports (issue 8). The sample report year has no report, so recording
        // the board's note answers 404 (not found) for the security officer.
        Row("GET", "/goals", Access.Only(GoalReaders)),
        Row("POST", "/goals", Access.Only(GoalKeepers), handler: "copy"),
        Row("POST", "/goals", Access.Only(GoalKeepers), handler: "start"),
        Row("GET", "/goals/new", Access.Only(GoalKeepers)),
        Row("POST", "/goals/new", Access.Only(GoalKeepers)),
        Row("GET", "/goals/{id:guid}/edit", Access.Only(GoalKeepers)),
        Row("POST", "/goals/{id:guid}/edit", Access.Only(GoalKeepers)),
        Row("POST", "/goals/{id:guid}/edit", Access.Only(GoalKeepers), handler: "followup"),
        Row("GET", "/indicators", Access.Only(IndicatorReaders)),
        Row("GET", "/reports", Access.Only(ReportReaders)),
        Row("POST", "/reports", Access.Only(SecurityOfficer)),
        Row("GET", "/reports/{year:int}", Access.Only(ReportReaders)),
        Row("GET", "/reports/{year:int}", Access.Only(ReportReaders), handler: "docx"),
        Row("GET", "/reports/{year:int}", Access.Only(ReportReaders), handler: "pdf"),
        Row("POST", "/reports/{year:int}", Access.Only(SecurityOfficer), handler: "note") with { AllowedStatus = 404 },
        // A yearly report generation job (decision 32); the sample id is no job's, so the security officer gets 404.
        Row("GET", "/reports/jobs/{id:guid}", Access.Only(SecurityOfficer)) with { AllowedStatus = 404 },
        Row("GET", "/reports/jobs/{id:guid}", Access.Only(SecurityOfficer), handler: "progress") with { AllowedStatus = 404 },
        Row("POST", "/reports/jobs/{id:guid}", Access.Only(SecurityOfficer), handler: "retry") with { AllowedStatus = 404 },

        // Audit trail: the security officer only (everyone sees their own sign-ins on /account/activity)
        Row("GET", "/audit", Access.Only(SecurityOfficer)),
        Row("GET", "/audit", Access.Only(SecurityOfficer), handler: "export"),

        // API: who am I, people, role assignments, audit trail
        Row("GET", "/api/v1/me", Access.SignedIn),
        Row("GET", "/api/v1/people", Access.Only(PeopleReaders)),
        Row("POST", "/api/v1/people", Access.Only(Administrator)),
        Row("GET", "/api/v1/people/{id:guid}", Access.Only(PeopleReaders)),
        Row("PUT", "/api/v1/people/{id:guid}", Access.Only(Administrator)),
        Row("GET", "/api/v1/role-assignments", Access.Only(RoleReaders)),
        Row("POST", "/api/v1/role-assignments", Access.Only(Appointers)),
        Row("GET", "/api/v1/role-assignments/{id:guid}", Access.Only(RoleReaders)),
        Row("POST", "/api/v1/role-assignments/{id:guid}/end", Access.Only(Appointers)),
        Row("GET", "/api/v1/audit-events", Access.Only(SecurityOfficer)),

        // API: governing documents (the sample document as above)
        Row("GET", "/api/v1/documents", Access.SignedIn),
        Row("GET", "/api/v1/documents/{id:guid}", Access.SignedIn),
        Row("GET", "/api/v1/documents/{id:guid}/versions/{versionId:guid}", Access.Only(DraftReaders)),
        Row("GET", "/api/v1/documents/{id:guid}/versions/{versionId:guid}/pdf", Access.Only(DraftReaders)),
        Row("GET", "/api/v1/documents/{id:guid}/diff", Access.Only(DraftReaders)) with { Query = "?from=1&to=1" },
        Row("POST", "/api/v1/documents", Access.Only(SecurityOfficer)),
        Row("PUT", "/api/v1/documents/{id:guid}/draft", Access.Only(SecurityOfficer)),
        Row("POST", "/api/v1/documents/{id:guid}/versions/{versionId:guid}/submit", Access.Only(SecurityOfficer)),
        Row("POST", "/api/v1/documents/{id:guid}/versions/{versionId:guid}/decide", Access.Only(SecurityOfficer)),
        Row("POST", "/api/v1/documents/{id:guid}/versions/{versionId:guid}/acknowledge", Access.SignedIn),
        Row("POST", "/api/v1/documents/{id:guid}/campaigns", Access.Only(SecurityOfficer)),
        Row("GET", "/api/v1/me/documents-to-read", Access.SignedIn),
        Row("GET", "/api/v1/acknowledgement-campaigns", Access.Only(CoverageReaders)),
        Row("GET", "/api/v1/acknowledgement-campaigns/{id:guid}/coverage", Access.Only(CoverageReaders)),
        Row("GET", "/api/v1/acknowledgement-campaigns/{id:guid}/people", Access.Only(CoverageReaders)),

        // API: delegations
        Row("GET", "/api/v1/delegations", Access.Only(DelegationReaders)),
        Row("GET", "/api/v1/delegations/{id:guid}", Access.Only(DelegationReaders)),
        Row("POST", "/api/v1/delegations", Access.Only(MunicipalDirector)),
        Row("POST", "/api/v1/delegations/{id:guid}/end", Access.Only(MunicipalDirector)),

        // API: deviations
        Row("GET", "/api/v1/deviations", Access.Only(DeviationReaders)),
        Row("GET", "/api/v1/deviations/{id:guid}", Access.Only(DeviationReaders)),
        Row("POST", "/api/v1/deviations", Access.Only(Manager, SecurityOfficer)),
        Row("POST", "/api/v1/deviations/{id:guid}/assess", Access.Only(SecurityOfficer)),
        Row("POST", "/api/v1/deviations/{id:guid}/decide", Access.Only(MunicipalDirector)),
        Row("POST", "/api/v1/deviations/{id:guid}/withdraw", Access.Only(Manager, SecurityOfficer)),
        Row("POST", "/api/v1/deviations/{id:guid}/end", Access.Only(SecurityOfficer, MunicipalDirector)),
        // API: events and incidents
        Row("POST", "/api/v1/incidents", Access.SignedIn),
        Row("GET", "/api/v1/incidents/mine", Access.SignedIn),
        Row("GET", "/api/v1/incidents", Access.Only(IncidentHandlers)),
        Row("GET", "/api/v1/incidents/{id:guid}", Access.Only(IncidentHandlers)) with { AllowedStatus = 404 },
        Row("POST", "/api/v1/incidents/{id:guid}/triage", Access.Only(IncidentManagers)) with { AllowedStatus = 404 },
        Row("POST", "/api/v1/incidents/{id:guid}/assign", Access.Only(IncidentManagers)) with { AllowedStatus = 404 },
        Row("POST", "/api/v1/incidents/{id:guid}/dismiss", Access.Only(IncidentManagers)) with { AllowedStatus = 404 },
        Row("POST", "/api/v1/incidents/{id:guid}/status", Access.Only(IncidentWorkers)) with { AllowedStatus = 404 },
        Row("POST", "/api/v1/incidents/{id:guid}/entries", Access.Only(IncidentWorkers)) with { AllowedStatus = 404 },
        Row("POST", "/api/v1/incidents/{id:guid}/conclusion", Access.Only(IncidentWorkers)) with { AllowedStatus = 404 },
        Row("POST", "/api/v1/incidents/{id:guid}/awareness", Access.Only(IncidentWorkers)) with { AllowedStatus = 404 },
        Row("POST", "/api/v1/incidents/{id:guid}/breach", Access.Only(IncidentWorkers)) with { AllowedStatus = 404 },
        Row("POST", "/api/v1/incidents/{id:guid}/significant", Access.Only(IncidentWorkers)) with { AllowedStatus = 404 },
        Row("POST", "/api/v1/incidents/{id:guid}/reports", Access.Only(IncidentWorkers)) with { AllowedStatus = 404 },
        Row("POST", "/api/v1/incidents/{id:guid}/measures", Access.Only(IncidentManagers)) with { AllowedStatus = 404 },

        // API: goals, indicators, yearly reports (issue 8)
        Row("GET", "/api/v1/goals", Access.Only(GoalReaders)),
        Row("POST", "/api/v1/goals", Access.Only(GoalKeepers)),
        Row("PUT", "/api/v1/goals/{id:guid}", Access.Only(GoalKeepers)),
        Row("POST", "/api/v1/goals/{id:guid}/follow-up", Access.Only(GoalKeepers)),
        Row("POST", "/api/v1/goals/copy", Access.Only(GoalKeepers)),
        Row("GET", "/api/v1/indicators", Access.Only(IndicatorReaders)),
        Row("GET", "/api/v1/reports", Access.Only(ReportReaders)),
        Row("POST", "/api/v1/reports", Access.Only(SecurityOfficer)),
        Row("GET", "/api/v1/reports/{year:int}", Access.Only(ReportReaders)),
        Row("POST", "/api/v1/reports/{year:int}/note", Access.Only(SecurityOfficer)) with { AllowedStatus = 404 },
        Row("GET", "/api/v1/reports/jobs/{id:guid}", Access.Only(SecurityOfficer)) with { AllowedStatus = 404 },

        // API: units
        Row("GET", "/api/v1/units", Access.Only(UnitReaders)),
        Row("GET", "/api/v1/units/{id:guid}", Access.Only(UnitReaders)),
        Row("POST", "/api/v1/units", Access.Only(Administrator)),
        Row("PUT", "/api/v1/units/{id:guid}", Access.Only(Administrator)),

        // API: the register
        Row("GET", "/api/v1/systems", Access.SignedIn),
        Row("POST", "/api/v1/systems", Access.Only(RegisterKeepers)),
        Row("GET", "/api/v1/systems/export", Access.SignedIn),
        Row("POST", "/api/v1/systems/import", Access.Only(RegisterKeepers)),
        Row("GET", "/api/v1/systems/{id:guid}", Access.SignedIn),
        Row("PUT", "/api/v1/systems/{id:guid}", Access.Only(RegisterKeepers)),
        Row("POST", "/api/v1/systems/{id:guid}/owner", Access.Only(MunicipalDirector)),
        Row("GET", "/api/v1/information-sets", Access.SignedIn),
        Row("POST", "/api/v1/information-sets", Access.Only(RegisterKeepers)),
        Row("GET", "/api/v1/information-sets/export", Access.SignedIn),
        Row("POST", "/api/v1/information-sets/import", Access.Only(RegisterKeepers)),
        Row("GET", "/api/v1/information-sets/{id:guid}", Access.SignedIn),
        Row("PUT", "/api/v1/information-sets/{id:guid}", Access.Only(RegisterKeepers)),
        Row("POST", "/api/v1/information-sets/{id:guid}/classifications", Access.Only(SystemOwner)),

        // API: requirements, assessments, the action plan
        Row("GET", "/api/v1/requirements", Access.SignedIn),
        Row("POST", "/api/v1/requirements", Access.Only(SecurityOfficer)),
        Row("GET", "/api/v1/requirements/{id:guid}", Access.SignedIn),
        Row("PUT", "/api/v1/requirements/{id:guid}", Access.Only(SecurityOfficer)),
        Row("GET", "/api/v1/requirements/applicability", Access.Only(AssessmentReaders)),
        Row("GET", "/api/v1/systems/{id:guid}/requirements", Access.Only(AssessmentReaders)),
        Row("PUT", "/api/v1/systems/{id:guid}/requirements/{requirementId:guid}", Access.Only(Assessors)),
        Row("POST", "/api/v1/systems/{id:guid}/requirements/{requirementId:guid}/measures", Access.Only(Assessors)),
        Row("GET", "/api/v1/measures", Access.Only(MeasureReaders)),
        Row("POST", "/api/v1/measures", Access.Only(Assessors)),
        Row("GET", "/api/v1/measures/{id:guid}", Access.Only(MeasureReaders)),
        Row("PUT", "/api/v1/measures/{id:guid}", Access.Only(Assessors)),
        Row("POST", "/api/v1/measures/{id:guid}/status", Access.Only(Assessors)),

        // Legal register (issue 9): read with the register, written by the security officer and the data protection officer
        Row("GET", "/laws", Access.SignedIn),
        Row("GET", "/laws/{id:guid}", Access.SignedIn),
        Row("GET", "/laws/new", Access.Only(SecurityOfficer, DataProtectionOfficer)),
        Row("POST", "/laws/new", Access.Only(SecurityOfficer, DataProtectionOfficer)),
        Row("POST", "/laws/new", Access.Only(SecurityOfficer, DataProtectionOfficer), handler: "findsystems"),
        Row("GET", "/laws/{id:guid}/edit", Access.Only(SecurityOfficer, DataProtectionOfficer)),
        Row("POST", "/laws/{id:guid}/edit", Access.Only(SecurityOfficer, DataProtectionOfficer)),
        Row("POST", "/laws/{id:guid}/edit", Access.Only(SecurityOfficer, DataProtectionOfficer), handler: "findsystems"),
        Row("GET", "/api/v1/laws", Access.SignedIn),
        Row("POST", "/api/v1/laws", Access.Only(SecurityOfficer, DataProtectionOfficer)),
        Row("GET", "/api/v1/laws/{id:guid}", Access.SignedIn),
        Row("PUT", "/api/v1/laws/{id:guid}", Access.Only(SecurityOfficer, DataProtectionOfficer)),

        // Agreement register (issue 9): protected; read by the keepers, the IT manager and the director, kept by the
        // security officer, the data protection officer and a system owner (the test's owner holds the organisation).
        Row("GET", "/agreements", Access.Only(AgreementReaders)),
        Row("GET", "/agreements/{id:guid}", Access.Only(AgreementReaders)),
        Row("GET", "/agreements/new", Access.Only(AgreementKeepers)),
        Row("POST", "/agreements/new", Access.Only(AgreementKeepers)),
        Row("POST", "/agreements/new", Access.Only(AgreementKeepers), handler: "findsystems"),
        Row("GET", "/agreements/{id:guid}/edit", Access.Only(AgreementKeepers)),
        Row("POST", "/agreements/{id:guid}/edit", Access.Only(AgreementKeepers)),
        Row("POST", "/agreements/{id:guid}/edit", Access.Only(AgreementKeepers), handler: "findsystems"),
        Row("GET", "/api/v1/agreements", Access.Only(AgreementReaders)),
        Row("POST", "/api/v1/agreements", Access.Only(AgreementKeepers)),
        Row("GET", "/api/v1/agreements/{id:guid}", Access.Only(AgreementReaders)),
        Row("PUT", "/api/v1/agreements/{id:guid}", Access.Only(AgreementKeepers)),

        // Continuity (issue 9): protected plans; the crisis organisation and the binder for organisation-wide readers
        // (the test's system owner holds the organisation).
        Row("GET", "/continuity", Access.Only(ContinuityReaders)),
        Row("GET", "/continuity/systems/{id:guid}", Access.Only(ContinuityReaders)),
        Row("POST", "/continuity/systems/{id:guid}", Access.Only(ContinuityKeepers)),
        Row("GET", "/continuity/crisis-organisation", Access.Only(ContinuityReaders)),
        Row("POST", "/continuity/crisis-organisation", Access.Only(ContinuityKeepers)),
        Row("POST", "/continuity/crisis-organisation", Access.Only(ContinuityKeepers), handler: "remove"),
        Row("GET", "/continuity/binder", Access.Only(ContinuityReaders)),
        Row("GET", "/continuity/binder", Access.Only(ContinuityReaders), handler: "pdf"),
        Row("GET", "/exercises", Access.Only(ContinuityReaders)),
        Row("POST", "/exercises", Access.Only(ContinuityKeepers), handler: "interval"),
        Row("GET", "/exercises/new", Access.Only(ContinuityKeepers)),
        Row("POST", "/exercises/new", Access.Only(ContinuityKeepers)),
        Row("POST", "/exercises/new", Access.Only(ContinuityKeepers), handler: "findsystems"),
        Row("GET", "/exercises/{id:guid}", Access.Only(ContinuityReaders)),
        Row("POST", "/exercises/{id:guid}", Access.Only(ContinuityKeepers), handler: "held"),
        Row("POST", "/exercises/{id:guid}", Access.Only(ContinuityKeepers), handler: "lesson"),
        Row("POST", "/exercises/{id:guid}", Access.Only(ContinuityKeepers), handler: "measure"),
        Row("GET", "/exercises/{id:guid}/edit", Access.Only(ContinuityKeepers)),
        Row("POST", "/exercises/{id:guid}/edit", Access.Only(ContinuityKeepers)),
        Row("POST", "/exercises/{id:guid}/edit", Access.Only(ContinuityKeepers), handler: "findsystems"),

        // Training (issue 9): courses and coverage for the readers, kept by the security officer; everyone sees their own.
        Row("GET", "/training", Access.Only(TrainingReaders)),
        Row("GET", "/training/{id:guid}", Access.Only(TrainingReaders)),
        Row("POST", "/training/{id:guid}", Access.Only(SecurityOfficer)),
        Row("GET", "/training/new", Access.Only(SecurityOfficer)),
        Row("POST", "/training/new", Access.Only(SecurityOfficer)),
        Row("GET", "/training/{id:guid}/edit", Access.Only(SecurityOfficer)),
        Row("POST", "/training/{id:guid}/edit", Access.Only(SecurityOfficer)),
        Row("GET", "/training/coverage", Access.Only(TrainingReaders)),
        Row("GET", "/training/mine", Access.SignedIn),
        Row("GET", "/due", Access.SignedIn),
        Row("POST", "/due", Access.SignedIn),
        Row("GET", "/training/import", Access.Only(SecurityOfficer)),
        Row("POST", "/training/import", Access.Only(SecurityOfficer)),
        Row("GET", "/training/import/{id:guid}", Access.Only(SecurityOfficer)) with { AllowedStatus = 404 },
        Row("POST", "/training/import/{id:guid}", Access.Only(SecurityOfficer)) with { AllowedStatus = 404 },
        // Risk analysis (issue 5): the sample analysis is approved, so changes to it answer 400 for those allowed.
        Row("GET", "/risk", Access.Only(RiskReaders)),
        Row("GET", "/risk/register", Access.Only(RiskReaders)),
        Row("GET", "/risk/threats", Access.Only(RiskReaders)),
        Row("GET", "/risk/threats/new", Access.Only(SecurityOfficer)),
        Row("POST", "/risk/threats/new", Access.Only(SecurityOfficer)),
        Row("GET", "/risk/threats/{id:guid}/edit", Access.Only(SecurityOfficer)),
        Row("POST", "/risk/threats/{id:guid}/edit", Access.Only(SecurityOfficer)),
        Row("GET", "/risk/settings", Access.Only(SecurityOfficer)),
        Row("POST", "/risk/settings", Access.Only(SecurityOfficer)),
        Row("GET", "/risk/new", Access.Only(RiskManagers)),
        Row("POST", "/risk/new", Access.Only(RiskManagers)),
        Row("POST", "/risk/new", Access.Only(RiskManagers), handler: "findsystems"),
        Row("GET", "/risk/{id:guid}", Access.Only(RiskReaders)),
        Row("GET", "/risk/{id:guid}/docx", Access.Only(RiskReaders)),
        Row("GET", "/risk/{id:guid}/pdf", Access.Only(RiskReaders)),
        Row("POST", "/risk/{id:guid}", Access.Only(RiskManagers)),
        Row("POST", "/risk/{id:guid}", Access.Only(RiskManagers), handler: "nextcycle"),
        Row("GET", "/risk/{id:guid}/edit", Access.Only(RiskManagers)),
        Row("POST", "/risk/{id:guid}/edit", Access.Only(RiskManagers)),
        Row("POST", "/risk/{id:guid}/edit", Access.Only(RiskManagers), handler: "findsystems"),
        Row("GET", "/risk/{id:guid}/risks/new", Access.Only(RiskManagers)),
        Row("POST", "/risk/{id:guid}/risks/new", Access.Only(RiskManagers)),
        Row("GET", "/risk/{id:guid}/risks/{riskId:guid}", Access.Only(RiskReaders)),
        Row("POST", "/risk/{id:guid}/risks/{riskId:guid}", Access.Only(RiskAcceptors), handler: "accept"),
        Row("POST", "/risk/{id:guid}/risks/{riskId:guid}", Access.Only(RiskManagers), handler: "measure"),
        Row("GET", "/risk/{id:guid}/risks/{riskId:guid}/edit", Access.Only(RiskManagers)),
        Row("POST", "/risk/{id:guid}/risks/{riskId:guid}/edit", Access.Only(RiskManagers)),
        Row("GET", "/api/v1/risk-analyses", Access.Only(RiskReaders)),
        Row("POST", "/api/v1/risk-analyses", Access.Only(RiskManagers)),
        Row("GET", "/api/v1/risk-analyses/{id:guid}", Access.Only(RiskReaders)),
        Row("PUT", "/api/v1/risk-analyses/{id:guid}", Access.Only(RiskManagers)),
        Row("POST", "/api/v1/risk-analyses/{id:guid}/status", Access.Only(RiskManagers)),
        Row("POST", "/api/v1/risk-analyses/{id:guid}/next-cycle", Access.Only(RiskManagers)),
        Row("POST", "/api/v1/risk-analyses/{id:guid}/risks", Access.Only(RiskManagers)),
        Row("PUT", "/api/v1/risk-analyses/{id:guid}/risks/{riskId:guid}", Access.Only(RiskManagers)),
        Row("POST", "/api/v1/risk-analyses/{id:guid}/risks/{riskId:guid}/acceptance", Access.Only(RiskAcceptors)),
        Row("POST", "/api/v1/risk-analyses/{id:guid}/risks/{riskId:guid}/measures", Access.Only(RiskManagers)),
        Row("GET", "/api/v1/risks", Access.Only(RiskReaders)),
        Row("GET", "/api/v1/threats", Access.Only(RiskReaders)),

        // Compliance self-assessment (issue 8): the security officer sends and follows up; the sample form is the
        // department's, answered by its manager (a 404 for the measure of an answer that does not exist).
        Row("GET", "/self-assessments", Access.Only(SecurityOfficer)),
        Row("GET", "/self-assessments/new", Access.Only(SecurityOfficer)),
        Row("POST", "/self-assessments/new", Access.Only(SecurityOfficer)),
        Row("GET", "/self-assessments/{id:guid}", Access.Only(SecurityOfficer)),
        Row("POST", "/self-assessments/{id:guid}", Access.Only(SecurityOfficer), handler: "measure") with { AllowedStatus = 404 },
        Row("GET", "/self-assessments/mine", Access.SignedIn),
        Row("GET", "/self-assessments/responses/{id:guid}", Access.Only(Manager, SecurityOfficer)),
        Row("POST", "/self-assessments/responses/{id:guid}", Access.Only(Manager, SecurityOfficer)),
        Row("POST", "/self-assessments/responses/{id:guid}", Access.Only(Manager, SecurityOfficer), handler: "submit"),

        // Infrastructure
        Row("GET", "/health/live", Access.Anyone),
        Row("GET", "/health/ready", Access.Anyone),
        Row("GET", "/openapi/{documentName}.json", Access.Anyone),
        Row("GET", "/api-docs", Access.Anyone),
        Row("POST", "/culture", Access.Anyone),
        Row("GET", "/error", Access.Anyone) with { Query = "?status=404", AllowedStatus = 404 },
    ];

    /// <param name="handler">The name of a named page handler (OnPostRevoke: "revoke"), sent as ?handler=.</param>
    private static MatrixRow Row(string method, string pattern, Access allow, string? handler = null) => new(method, pattern, allow, handler);
}

/// <summary>Who is allowed: Anonymous (no session, no token) and/or a set of roles.</summary>
public sealed record Access(bool Anonymous, IReadOnlySet<Role> Roles)
{
    /// <summary>Everyone, signed in or not.</summary>
    public static Access Anyone { get; } = new(true, Tillit.Domain.Access.Roles.All.ToHashSet());

    /// <summary>Every signed-in person, whatever their role.</summary>
    public static Access SignedIn { get; } = new(false, Tillit.Domain.Access.Roles.All.ToHashSet());

    public static Access Nobody { get; } = new(false, new HashSet<Role>());

    public static Access Only(params Role[] roles) => new(false, roles.ToHashSet());

    public bool Allows(Role? role) => role is { } r ? Roles.Contains(r) : Anonymous;
}

/// <param name="Handler">The named page handler, if any (see <see cref="AuthorizationMatrix"/>).</param>
/// <param name="Query">Added to the URL (for an endpoint that needs one to answer normally).</param>
/// <param name="AllowedStatus">The status an allowed caller gets when it is not 2xx/3xx (the error and access-denied pages).</param>
/// <param name="EndsSession">The request ends the caller's session, so it runs last for each caller.</param>
public sealed record MatrixRow(string Method, string Pattern, Access Allow, string? Handler = null, string Query = "", int? AllowedStatus = null, bool EndsSession = false)
{
    public Infrastructure.EndpointKey Key => new(Method, Pattern, Handler);
}
