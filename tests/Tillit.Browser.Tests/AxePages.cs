using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tillit.Data;
using Tillit.Domain.Access;

namespace Tillit.Browser.Tests;

/// <summary>
/// One page state the accessibility check visits: the route template it covers (as the app maps it,
/// without the leading slash), a name, who is signed in (null: nobody) and how to get there.
/// </summary>
public sealed record AxePage(string Route, string Name, Role? As, Func<TillitServer, IPage, Task> Open);

/// <summary>
/// Every page of the app, in the states worth checking. A page route the app maps but this list does
/// not name fails <see cref="AccessibilityTests.Every_page_route_of_the_app_is_in_the_accessibility_check"/>.
/// Add one line per route; for a route with an id use <see cref="GoId"/> with a query that finds a
/// demo record (the tenant is already set to the demo organisation).
/// </summary>
public static class AxePages
{
    /// <summary>
    /// Page routes that answer a file, not HTML, so axe-core has nothing to check: a governing document's PDF is
    /// checked as a tagged PDF in DocumentWorkflowTests, a risk analysis's Word file (by the Open XML validator) and its
    /// tagged PDF in RiskDocxTests, and the crisis binder (a self-contained HTML file) is opened offline in ContinuityFlowTests.
    /// </summary>
    public static IReadOnlyList<string> FileRoutes { get; } = ["documents/{id:guid}/versions/{versionId:guid}/pdf", "risk/{id:guid}/docx", "risk/{id:guid}/pdf", "continuity/binder"];

    public static IReadOnlyList<AxePage> All { get; } =
    [
        new("account/sign-in", "sign-in", null, Go("/account/sign-in")),
        new("account/sign-in", "sign-in with errors", null, SubmitEmpty("/account/sign-in")),
        new("account/second-factor", "second factor", null, async (s, p) =>
        {
            await s.SignInWithPasswordAsync(p, Role.SecurityOfficer);
            await p.Locator("#Input_Code").WaitForAsync();
        }),
        new("account/second-factor", "second factor with errors", null, async (s, p) =>
        {
            await s.SignInWithPasswordAsync(p, Role.SecurityOfficer);
            await p.Locator("main form button[type=submit]:not([formaction])").ClickAsync();
        }),
        new("account/second-factor-setup", "second-factor setup", Role.Employee, Go("/account/second-factor-setup")),
        new("account/second-factor-setup", "second-factor setup when already on", Role.Administrator, Go("/account/second-factor-setup")),
        new("account/second-factor-setup", "second-factor setup with errors", Role.Employee, SubmitEmpty("/account/second-factor-setup")),
        new("account/access-denied", "access denied", Role.Employee, Go("/units")),
        new("account/sign-out", "sign-out", Role.Employee, Go("/account/sign-out")),
        new("error", "not found", Role.Employee, Go("/no-such-page")),
        new("error", "error page", null, Go("/error")),
        new("", "start page (administrator)", Role.Administrator, Go("/")),
        new("", "start page (security officer)", Role.SecurityOfficer, Go("/")),
        new("", "start page (manager)", Role.Manager, Go("/")),
        new("", "start page (employee)", Role.Employee, Go("/")),
        new("", "start page (board member)", Role.BoardMember, Go("/")),
        new("units", "units", Role.Administrator, Go("/units")),
        new("units", "units filtered, nothing found", Role.Manager, Go("/units?q=zzz")),
        new("units/{id:guid}", "unit details", Role.Administrator, GoId("/units/{0}", db => db.Units.Where(u => u.Name == "Kommunledningsförvaltningen").Select(u => u.Id))),
        new("units/new", "new unit", Role.Administrator, Go("/units/new")),
        new("units/new", "new unit with errors", Role.Administrator, SubmitEmpty("/units/new")),
        new("units/{id:guid}/edit", "edit unit", Role.Administrator, GoId("/units/{0}/edit", db => db.Units.Where(u => u.Name == "IT-avdelningen").Select(u => u.Id))),
        new("units/{id:guid}/edit", "edit unit with errors", Role.Administrator, async (s, p) =>
        {
            await GoId("/units/{0}/edit", db => db.Units.Where(u => u.Name == "IT-avdelningen").Select(u => u.Id))(s, p);
            await p.Locator("#Input_Name").FillAsync(string.Empty);
            await p.Locator("main form button[type=submit]:not([formaction])").ClickAsync();
            await p.Locator(".error-summary").WaitForAsync();
        }),
        new("people", "people", Role.SecurityOfficer, Go("/people")),
        new("people", "people of a manager's unit", Role.Manager, Go("/people?q=a")),
        new("people/{id:guid}", "person details with access log", Role.SecurityOfficer, GoId("/people/{0}", db => db.People.Where(x => x.Email == "fatima.ali@exempelby.se").Select(x => x.Id))),
        new("people/{id:guid}", "own person details", Role.Employee, GoId("/people/{0}", db => db.People.Where(x => x.Email == "fatima.ali@exempelby.se").Select(x => x.Id))),
        new("people/new", "new person", Role.Administrator, Go("/people/new")),
        new("people/new", "new person with errors", Role.Administrator, SubmitEmpty("/people/new")),
        new("people/{id:guid}/edit", "edit person", Role.Administrator, GoId("/people/{0}/edit", db => db.People.Where(x => x.Email == "ingrid.sjoberg@exempelby.se").Select(x => x.Id))),
        new("people/{id:guid}/account/{handler?}", "create account", Role.Administrator, GoId("/people/{0}/account", db => db.People.Where(x => x.Email == "ingrid.sjoberg@exempelby.se").Select(x => x.Id))),
        new("roles", "roles and appointments", Role.SecurityOfficer, Go("/roles")),
        new("roles/new", "appoint: find the person", Role.SecurityOfficer, Go("/roles/new?q=Ali")),
        new("roles/new", "appoint: the form", Role.SecurityOfficer, GoId("/roles/new?person={0}", db => db.People.Where(x => x.Email == "ingrid.sjoberg@exempelby.se").Select(x => x.Id))),
        new("roles/{id:guid}/end", "end an appointment", Role.SecurityOfficer, GoId("/roles/{0}/end", db => db.RoleAssignments.Where(a => a.Role == Role.Manager).Select(a => a.Id))),
        new("delegations", "delegations, as the director", Role.MunicipalDirector, Go("/delegations")),
        new("delegations/new", "delegate: find the person", Role.MunicipalDirector, Go("/delegations/new?q=Ek")),
        new("delegations/new", "delegate: the form", Role.MunicipalDirector, GoId("/delegations/new?person={0}", db => db.People.Where(x => x.Email == "ingrid.sjoberg@exempelby.se").Select(x => x.Id))),
        new("delegations/{id:guid}/end", "end a delegation", Role.MunicipalDirector, GoId("/delegations/{0}/end", db => db.DecisionDelegations.Select(d => d.Id))),
        new("documents/{id:guid}/revoke", "revoke a document", Role.SecurityOfficer, GoId("/documents/{0}/revoke", db => db.Documents.Where(d => d.Type == Tillit.Domain.Documents.DocumentType.Policy).Select(d => d.Id))),
        new("deviations", "deviations", Role.SecurityOfficer, Go("/deviations")),
        new("deviations/new", "apply for a deviation with errors", Role.Manager, SubmitEmpty("/deviations/new")),
        new("deviations/{id:guid}", "a deviation to assess", Role.SecurityOfficer, GoId("/deviations/{0}", db => db.Deviations.Where(d => d.Status == Tillit.Domain.Documents.DeviationStatus.Requested).Select(d => d.Id))),
        new("deviations/{id:guid}", "a granted deviation", Role.MunicipalDirector, GoId("/deviations/{0}", db => db.Deviations.Where(d => d.Status == Tillit.Domain.Documents.DeviationStatus.Approved).Select(d => d.Id))),
        new("systems", "information systems", Role.SecurityOfficer, Go("/systems")),
        new("systems", "information systems without owner, as employee", Role.Employee, Go("/systems?gap=NoOwner")),
        new("systems/import", "import systems: upload", Role.SecurityOfficer, Go("/systems/import")),
        new("systems/import", "import systems: upload without a file", Role.SecurityOfficer, SubmitEmpty("/systems/import")),
        new("systems/import/{id:guid}", "import systems: mapping and a clean preview", Role.SecurityOfficer, UploadCsv(unit => $"Namn;Syfte;Verksamhet\r\nAxe-system;Prov;{unit}\r\n")),
        new("systems/import/{id:guid}", "import systems: preview with row errors", Role.SecurityOfficer, UploadCsv(unit => $"System;Syfte;Enhet;Drift\r\nAxe-system;;{unit};Rymden\r\nAxe-2;Prov;Skola X;\r\n")),
        new("systems/{id:guid}", "system details with protection need", Role.SecurityOfficer, GoId("/systems/{0}", db => db.InformationSystems.Where(x => x.Name == "Procapita").Select(x => x.Id))),
        new("systems/{id:guid}", "system details as employee", Role.Employee, GoId("/systems/{0}", db => db.InformationSystems.Where(x => x.Name == "Procapita").Select(x => x.Id))),
        new("systems/new", "new system", Role.SecurityOfficer, Go("/systems/new")),
        new("systems/new", "new system with errors", Role.SecurityOfficer, SubmitEmpty("/systems/new")),
        new("systems/{id:guid}/edit", "edit system", Role.SecurityOfficer, GoId("/systems/{0}/edit", db => db.InformationSystems.Where(x => x.Name == "Raindance").Select(x => x.Id))),
        new("systems/{id:guid}/owner", "appoint a system owner", Role.MunicipalDirector, GoId("/systems/{0}/owner?q=Nilsson", db => db.InformationSystems.Where(x => x.Name == "Raindance").Select(x => x.Id))),
        new("systems/{id:guid}/owner", "appoint a system owner with errors", Role.MunicipalDirector, async (s, p) =>
        {
            await GoId("/systems/{0}/owner", db => db.InformationSystems.Where(x => x.Name == "Raindance").Select(x => x.Id))(s, p);
            await p.Locator("main form[method=post] button[type=submit]:not([formaction])").ClickAsync();
            await p.Locator(".error-summary").WaitForAsync();
        }),
        new("information-sets", "information sets", Role.SecurityOfficer, Go("/information-sets")),
        new("information-sets", "stale information sets", Role.SecurityOfficer, Go("/information-sets?state=Stale")),
        new("information-sets/{id:guid}", "set with classification and history", Role.SecurityOfficer, GoId("/information-sets/{0}", db => db.InformationSets.Where(x => x.Name == "Journaler inom äldreomsorgen").Select(x => x.Id))),
        new("information-sets/{id:guid}", "set as employee", Role.Employee, GoId("/information-sets/{0}", db => db.InformationSets.Where(x => x.Name == "Personalakter").Select(x => x.Id))),
        new("information-sets/new", "new information set", Role.SecurityOfficer, Go("/information-sets/new")),
        new("information-sets/new", "new information set with errors", Role.SecurityOfficer, SubmitEmpty("/information-sets/new")),
        new("information-sets/import", "import information sets: upload", Role.SecurityOfficer, Go("/information-sets/import")),
        new("information-sets/import/{id:guid}", "import information sets: preview with row errors", Role.SecurityOfficer, UploadCsvAt("/information-sets/import", unit => $"Namn;Beskrivning;Enhet;System;Personuppgifter\r\nAxe-mängd;Prov;{unit};Finns inte;Kanske\r\nAxe-2;;Skola X;;Ja\r\n")),
        new("information-sets/{id:guid}/edit", "edit information set", Role.SecurityOfficer, GoId("/information-sets/{0}/edit", db => db.InformationSets.Where(x => x.Name == "Behörighetsuppgifter").Select(x => x.Id))),
        new("information-sets/{id:guid}/classify", "classify a set", Role.SystemOwner, GoId("/information-sets/{0}/classify", db => db.InformationSets.Where(x => x.Name == "Besöksplanering").Select(x => x.Id))),
        new("information-sets/{id:guid}/classify", "classify a set with errors", Role.SystemOwner, async (s, p) =>
        {
            await GoId("/information-sets/{0}/classify", db => db.InformationSets.Where(x => x.Name == "Besöksplanering").Select(x => x.Id))(s, p);
            await p.Locator("#Input_ConfidentialityMotivation").FillAsync(string.Empty);
            await p.Locator("main form[method=post] button[type=submit]:not([formaction])").ClickAsync();
            await p.Locator(".error-summary").WaitForAsync();
        }),
        new("requirements", "requirement catalogue", Role.SecurityOfficer, Go("/requirements")),
        new("requirements/{id:guid}", "a requirement", Role.Employee, GoId("/requirements/{0}", db => db.Requirements.Where(r => r.Code == "BEH-06").Select(r => r.Id))),
        new("requirements/new", "new requirement", Role.SecurityOfficer, Go("/requirements/new")),
        new("requirements/new", "new requirement with errors", Role.SecurityOfficer, SubmitEmpty("/requirements/new")),
        new("requirements/{id:guid}/edit", "edit requirement", Role.SecurityOfficer, GoId("/requirements/{0}/edit", db => db.Requirements.Where(r => r.Code == "LOG-04").Select(r => r.Id))),
        new("requirements/applicability", "statement of applicability", Role.SecurityOfficer, Go("/requirements/applicability")),
        new("systems/{id:guid}/requirements", "a system's requirements and assessments", Role.SecurityOfficer, GoId("/systems/{0}/requirements", db => db.InformationSystems.Where(x => x.Name == "Procapita").Select(x => x.Id))),
        new("systems/{id:guid}/requirements/{requirementId:guid}", "assess a requirement with a measure", Role.SystemOwner, async (s, p) =>
        {
            var ids = await s.QueryAsync(db => db.RequirementAssessments.Where(a => db.Requirements.Any(r => r.Id == a.RequirementId && r.Code == "BEH-06")).Select(a => new { a.SystemId, a.RequirementId }).SingleAsync());
            await p.GotoAsync($"/systems/{ids.SystemId}/requirements/{ids.RequirementId}");
        }),
        new("systems/{id:guid}/requirements/{requirementId:guid}", "assess a requirement with errors", Role.SystemOwner, async (s, p) =>
        {
            var ids = await s.QueryAsync(db => db.RequirementAssessments.Where(a => db.Requirements.Any(r => r.Id == a.RequirementId && r.Code == "LOG-03")).Select(a => new { a.SystemId, a.RequirementId }).SingleAsync());
            await p.GotoAsync($"/systems/{ids.SystemId}/requirements/{ids.RequirementId}");
            await p.Locator("#Input_How").FillAsync(string.Empty);
            await p.Locator("main form[method=post]:not([action*=handler]) button[type=submit]:not([formaction])").ClickAsync();
            await p.Locator(".error-summary").WaitForAsync();
        }),
        new("measures", "action plan", Role.SecurityOfficer, Go("/measures")),
        new("measures", "overdue measures", Role.MunicipalDirector, Go("/measures?overdue=true")),
        new("measures/{id:guid}", "an overdue measure", Role.SecurityOfficer, GoId("/measures/{0}", db => db.Measures.Where(m => m.Title.StartsWith("BAK-02")).Select(m => m.Id))),
        new("measures/new", "new measure", Role.SecurityOfficer, Go("/measures/new?q=Nilsson")),
        new("measures/new", "new measure with errors", Role.SecurityOfficer, SubmitEmpty("/measures/new")),
        new("measures/{id:guid}/edit", "edit measure", Role.SecurityOfficer, GoId("/measures/{0}/edit", db => db.Measures.Where(m => m.Title.StartsWith("BEH-06")).Select(m => m.Id))),
        new("documents", "governing documents", Role.Employee, Go("/documents")),
        new("documents/{id:guid}", "the decided policy", Role.Employee, GoId("/documents/{0}", db => db.Documents.Where(d => d.Type == Tillit.Domain.Documents.DocumentType.Policy).Select(d => d.Id))),
        new("documents/new", "new document", Role.SecurityOfficer, Go("/documents/new")),
        new("documents/new", "new document with errors", Role.SecurityOfficer, SubmitEmpty("/documents/new")),
        new("documents/work", "documents in progress", Role.SecurityOfficer, Go("/documents/work")),
        new("documents/{id:guid}/edit", "start a new version", Role.SecurityOfficer, GoId("/documents/{0}/edit", db => db.Documents.Where(d => d.Title == "Riktlinje för informationsklassning").Select(d => d.Id))),
        new("documents/{id:guid}/versions/{versionId:guid}", "a decided version", Role.Employee, async (s, p) =>
        {
            var v = await s.QueryAsync(db => db.DocumentVersions.Where(x => db.Documents.Any(d => d.Id == x.DocumentId && d.Type == Tillit.Domain.Documents.DocumentType.Routine)).Select(x => new { x.DocumentId, x.Id }).SingleAsync());
            await p.GotoAsync($"/documents/{v.DocumentId}/versions/{v.Id}");
        }),
        new("documents/{id:guid}/versions/{versionId:guid}/decide", "enter the board's decision", Role.SecurityOfficer, async (s, p) =>
        {
            // A new version of the demo policy, sent for decision, then the form for the board's decision.
            await GoId("/documents/{0}", db => db.Documents.Where(d => d.Type == Tillit.Domain.Documents.DocumentType.Policy).Select(d => d.Id))(s, p);
            var open = p.Locator("a[href*='/versions/']").Filter(new() { HasText = s.Text("DocumentStatus.ForDecision") });
            if (await open.CountAsync() == 0)
            {
                await p.Locator("a[href$='/edit']").First.ClickAsync();
                await p.Locator("main form button[type=submit]:not([formaction])").ClickAsync();
                await p.Locator("form[action*='handler=Submit'] button").ClickAsync();
            }
            else
            {
                await open.First.ClickAsync();
            }

            await p.Locator("a[href$='/decide']").ClickAsync();
            await p.Locator("#Input_RegistryNumber").WaitForAsync();
        }),
        new("documents/to-read", "documents to read", Role.Employee, Go("/documents/to-read")),
        new("incidents/report", "report an event", Role.Employee, Go("/incidents/report")),
        new("incidents/mine", "my reports", Role.Employee, Go("/incidents/mine")),
        new("incidents/mine/{id:guid}", "my report, its receipt", Role.Employee, GoId("/incidents/mine/{0}", db => db.Incidents.OrderBy(i => i.Year).ThenBy(i => i.Number).Select(i => i.Id).Take(1))),
        new("incidents", "incident handling list", Role.SecurityOfficer, Go("/incidents")),
        new("incidents/statistics", "incident statistics with pictures and tables", Role.SecurityOfficer, Go("/incidents/statistics")),
        new("incidents/statistics", "incident statistics, a year out of range", Role.ItManager, Go("/incidents/statistics?year=1800")),
        new("incidents/{id:guid}", "an incident with its handling forms", Role.SecurityOfficer, GoId("/incidents/{0}", db => db.Incidents.OrderBy(i => i.Year).ThenBy(i => i.Number).Select(i => i.Id).Take(1))),
        new("incidents/{id:guid}", "an incident's triage with errors", Role.SecurityOfficer, async (s, p) =>
        {
            await GoId("/incidents/{0}", db => db.Incidents.OrderBy(i => i.Year).ThenBy(i => i.Number).Select(i => i.Id).Take(1))(s, p);
            await p.Locator("button[data-submit=triage]").ClickAsync();
            await p.Locator(".error-summary").WaitForAsync();
        }),

        // Goals, indicators and the yearly report (issue 8)
        new("goals", "goals of the year", Role.SecurityOfficer, Go("/goals")),
        new("goals", "goals as an employee", Role.Employee, Go("/goals")),
        new("goals/new", "new yearly goal with errors", Role.SecurityOfficer, SubmitEmpty("/goals/new")),
        new("goals/{id:guid}/edit", "edit a yearly goal", Role.SecurityOfficer, GoId("/goals/{0}/edit", db => db.YearlyGoals.Where(g => g.IndicatorKey == "measures-on-time").Select(g => g.Id))),
        new("indicators", "indicators", Role.SecurityOfficer, Go("/indicators")),
        new("indicators", "indicators as the board", Role.BoardMember, Go("/indicators")),
        new("reports", "yearly reports", Role.SecurityOfficer, Go("/reports")),
        new("reports/{year:int}", "a year's report (not generated)", Role.BoardMember, Go("/reports/" + TimeProvider.System.GetUtcNow().Year)),
        new("reports/jobs/{id:guid}", "a failed generation of the yearly report", Role.SecurityOfficer, async (s, p) =>
        {
            // A failed job stays failed (the background service leaves it), so the page's state is certain.
            var id = await s.QueryAsync(async db =>
            {
                var now = TimeProvider.System.GetUtcNow().UtcDateTime;
                var job = new Tillit.Domain.Goals.YearlyReportJob(db.CurrentOrganisationId!.Value, 2020, "Öva krisledningen.", await db.People.Select(x => x.Id).FirstAsync(), now);
                job.Claim("axe", now);
                job.Fail("YearlyReport.JobFailed", now);
                db.YearlyReportJobs.Add(job);
                await db.SaveChangesAsync();
                return job.Id;
            });
            await p.GotoAsync($"/reports/jobs/{id}");
        }),

        // Compliance self-assessment (issue 8).
        new("self-assessments", "self-assessments sent", Role.SecurityOfficer, Go("/self-assessments")),
        new("self-assessments/new", "new self-assessment", Role.SecurityOfficer, Go("/self-assessments/new")),
        new("self-assessments/new", "new self-assessment with errors", Role.SecurityOfficer, SubmitEmpty("/self-assessments/new")),
        new("self-assessments/{id:guid}", "a self-assessment's roll-up and gaps", Role.SecurityOfficer, GoId("/self-assessments/{0}", db => db.Questionnaires.Select(q => q.Id))),
        new("self-assessments/mine", "my questionnaires", Role.SystemOwner, Go("/self-assessments/mine")),
        new("self-assessments/responses/{id:guid}", "a questionnaire form to answer", Role.SystemOwner, GoId("/self-assessments/responses/{0}", db => db.QuestionnaireResponses.Where(r => r.SubmittedUtc == null).Select(r => r.Id))),
        new("self-assessments/responses/{id:guid}", "a submitted questionnaire form", Role.SecurityOfficer, GoId("/self-assessments/responses/{0}", db => db.QuestionnaireResponses.Where(r => r.SubmittedUtc != null).Select(r => r.Id))),
        new("", "start page (director)", Role.MunicipalDirector, Go("/")),
        new("", "start page (system owner)", Role.SystemOwner, Go("/")),
        new("documents/campaigns", "confirmation rounds", Role.SecurityOfficer, Go("/documents/campaigns?all=true")),
        new("documents/{id:guid}/campaigns/new", "ask for confirmation", Role.SecurityOfficer, GoId("/documents/{0}/campaigns/new", db => db.Documents.Where(d => d.Title == "Riktlinje för informationsklassning").Select(d => d.Id))),
        new("documents/{id:guid}/campaigns/new", "ask for confirmation with errors", Role.SecurityOfficer, async (s, p) =>
        {
            await GoId("/documents/{0}/campaigns/new", db => db.Documents.Where(d => d.Title == "Riktlinje för informationsklassning").Select(d => d.Id))(s, p);
            await p.Locator("#DueDate").FillAsync(string.Empty);
            await p.Locator("main form button[type=submit]:not([formaction])").ClickAsync();
            await p.Locator(".error-summary").WaitForAsync();
        }),
        new("documents/campaigns/{id:guid}", "coverage with picture and list", Role.SecurityOfficer, GoId("/documents/campaigns/{0}", db => db.AcknowledgementCampaigns.Where(c => db.Documents.Any(d => d.Id == c.DocumentId && d.Type == Tillit.Domain.Documents.DocumentType.Policy)).Select(c => c.Id))),
        new("documents/{id:guid}/diff", "compare versions", Role.Employee, GoId("/documents/{0}/diff", db => db.Documents.Where(d => d.Type == Tillit.Domain.Documents.DocumentType.Policy).Select(d => d.Id))),
        new("account/tokens", "API tokens", Role.Employee, Go("/account/tokens")),
        new("account/tokens/new", "new API token", Role.Employee, Go("/account/tokens/new")),
        new("account/tokens/new", "new API token with errors", Role.Employee, SubmitEmpty("/account/tokens/new")),
        new("account/tokens/{id:guid}/revoke", "revoke an API token", Role.Manager, async (_, p) =>
        {
            await p.GotoAsync("/account/tokens/new");
            await p.Locator("#Input_Name").FillAsync("Axe-test");
            await p.Locator("main form[method=post] button[type=submit]:not([formaction])").First.ClickAsync();
            await p.GotoAsync("/account/tokens");
            await p.Locator("a[href$='/revoke']").First.ClickAsync();
            await p.Locator("main h1").WaitForAsync();
        }),
        new("account/activity", "my sign-ins", Role.Employee, Go("/account/activity")),
        new("audit", "audit trail", Role.SecurityOfficer, Go("/audit")),
        new("api-docs", "API documentation", null, Go("/api-docs")),

        // Legal register, agreements, continuity and training (issue 9).
        new("laws", "legal register", Role.SecurityOfficer, Go("/laws")),
        new("laws", "legal register, overdue only", Role.Employee, Go("/laws?overdue=true")),
        new("laws/{id:guid}", "a law with its systems", Role.Employee, GoId("/laws/{0}", db => db.LegalRequirements.Where(l => l.Reference == "(EU) 2016/679").Select(l => l.Id))),
        new("laws/new", "new law", Role.SecurityOfficer, Go("/laws/new")),
        new("laws/new", "new law with errors", Role.SecurityOfficer, SubmitEmpty("/laws/new")),
        new("laws/{id:guid}/edit", "edit law", Role.DataProtectionOfficer, GoId("/laws/{0}/edit?q=Str", db => db.LegalRequirements.Where(l => l.Reference == "SFS 2009:400").Select(l => l.Id))),
        new("agreements", "agreement register", Role.SecurityOfficer, Go("/agreements")),
        new("agreements", "agreements with notice near", Role.DataProtectionOfficer, Go("/agreements?view=NoticeSoon")),
        new("agreements/{id:guid}", "an agreement with its systems", Role.SecurityOfficer, GoId("/agreements/{0}", db => db.Agreements.Where(a => a.Title == "Drift, förvaltning och support av Procapita").Select(a => a.Id))),
        new("agreements/new", "new agreement", Role.SecurityOfficer, Go("/agreements/new")),
        new("agreements/new", "new agreement with errors", Role.DataProtectionOfficer, SubmitEmpty("/agreements/new")),
        new("agreements/{id:guid}/edit", "edit agreement", Role.SecurityOfficer, GoId("/agreements/{0}/edit?q=Sara", db => db.Agreements.Where(a => a.Title == "Skanning av personalakter").Select(a => a.Id))),
        new("continuity", "continuity plans", Role.SecurityOfficer, Go("/continuity")),
        new("continuity", "continuity gaps only", Role.ItManager, Go("/continuity?gaps=true")),
        new("continuity/systems/{id:guid}", "a continuity plan with its form", Role.SecurityOfficer, GoId("/continuity/systems/{0}", db => db.InformationSystems.Where(x => x.Name == "Procapita").Select(x => x.Id))),
        new("continuity/systems/{id:guid}", "a system without a plan, with errors", Role.SecurityOfficer, SubmitEmptyId("/continuity/systems/{0}", db => db.InformationSystems.Where(x => x.Name == "Lifecare").Select(x => x.Id))),
        new("continuity/crisis-organisation", "crisis organisation", Role.SecurityOfficer, Go("/continuity/crisis-organisation")),
        new("continuity", "plans not exercised within the interval", Role.SecurityOfficer, Go("/continuity?view=NotExercised")),
        new("exercises", "exercises, with the interval setting", Role.SecurityOfficer, Go("/exercises")),
        new("exercises", "held exercises", Role.MunicipalDirector, Go("/exercises?view=Held")),
        new("exercises/{id:guid}", "a held exercise with lessons", Role.SecurityOfficer, GoId("/exercises/{0}", db => db.Exercises.Where(e => e.Title == "Hemtjänsten utan Procapita en hel dag").Select(e => e.Id))),
        new("exercises/{id:guid}", "a planned exercise", Role.ItManager, GoId("/exercises/{0}", db => db.Exercises.Where(e => e.Title == "Krisledningsövning: it-angrepp mot kommunen").Select(e => e.Id))),
        new("exercises/new", "new exercise", Role.SecurityOfficer, Go("/exercises/new")),
        new("exercises/new", "new exercise with errors", Role.SecurityOfficer, SubmitEmpty("/exercises/new")),
        new("exercises/{id:guid}/edit", "edit exercise", Role.SecurityOfficer, GoId("/exercises/{0}/edit", db => db.Exercises.Where(e => e.Title == "Hemtjänsten utan Procapita en hel dag").Select(e => e.Id))),
        new("training", "training courses", Role.SecurityOfficer, Go("/training")),
        new("training/{id:guid}", "a course with its completions and the form to record one", Role.SecurityOfficer, GoId("/training/{0}", db => db.TrainingCourses.Where(c => c.Title == "Grundkurs i informationssäkerhet").Select(c => c.Id))),
        new("training/new", "new course", Role.SecurityOfficer, Go("/training/new")),
        new("training/new", "new course with errors", Role.SecurityOfficer, SubmitEmpty("/training/new")),
        new("training/{id:guid}/edit", "edit course", Role.SecurityOfficer, GoId("/training/{0}/edit", db => db.TrainingCourses.Where(c => c.Title == "Journaler och sekretess i omsorgen").Select(c => c.Id))),
        new("training/coverage", "training coverage of the organisation", Role.SecurityOfficer, Go("/training/coverage")),
        new("training/coverage", "training coverage of the manager's unit", Role.Manager, Go("/training/coverage")),
        new("training/mine", "my training", Role.Employee, Go("/training/mine")),
        new("due", "what waits for me", Role.Employee, Go("/due")),
        new("training/import", "import completions: upload", Role.SecurityOfficer, Go("/training/import")),
        new("training/import/{id:guid}", "import completions: preview with row errors", Role.SecurityOfficer, UploadTrainingCsv("E-post;Kurs;Datum\r\nokand@exempel.se;Grundkurs i informationssäkerhet;2025-06-01\r\nx@exempel.se;Ingen kurs;2025-13-01\r\n")),
        // Risk analysis (issue 5): the demo's approved Procapita analysis and the draft of Active Directory.
        new("risk", "risk analyses", Role.SecurityOfficer, Go("/risk")),
        new("risk/register", "risk register with heat maps", Role.MunicipalDirector, Go("/risk/register")),
        new("risk/threats", "threat catalogue", Role.SecurityOfficer, Go("/risk/threats")),
        new("risk/threats/new", "new threat with errors", Role.SecurityOfficer, SubmitEmpty("/risk/threats/new")),
        new("risk/settings", "risk settings", Role.SecurityOfficer, Go("/risk/settings")),
        new("risk/settings", "risk settings with errors", Role.SecurityOfficer, async (server, p) =>
        {
            await p.GotoAsync("/risk/settings");
            await p.FillAsync("#Input_MediumMax", "1");
            await p.FillAsync("#Input_MaxAgeMonths", "0");
            await p.Locator("main form[method=post] button[type=submit]:not([formaction])").First.ClickAsync();
            await p.Locator(".error-summary").WaitForAsync();
        }),
        new("risk/threats/{id:guid}/edit", "edit threat", Role.SecurityOfficer, GoId("/risk/threats/{0}/edit", db => db.Threats.Where(t => t.Code == "HOT-01").Select(t => t.Id))),
        new("risk/new", "new risk analysis with errors", Role.SecurityOfficer, SubmitEmpty("/risk/new")),
        new("risk/{id:guid}", "risk analysis with heat maps", Role.SystemOwner, GoId("/risk/{0}", db => db.RiskAnalyses.Where(a => a.Title == "Riskanalys Procapita 2026").Select(a => a.Id))),
        new("risk/{id:guid}/edit", "edit a draft analysis", Role.SecurityOfficer, GoId("/risk/{0}/edit", db => db.RiskAnalyses.Where(a => a.Title == "Riskanalys Active Directory").Select(a => a.Id))),
        new("risk/{id:guid}/risks/new", "new risk with errors", Role.SecurityOfficer, async (server, p) =>
        {
            var id = await server.QueryAsync(db => db.RiskAnalyses.Where(a => a.Title == "Riskanalys Active Directory").Select(a => a.Id).SingleAsync());
            await SubmitEmpty($"/risk/{id}/risks/new")(server, p);
        }),
        new("risk/{id:guid}/risks/{riskId:guid}", "a risk with acceptance", Role.SystemOwner, async (server, p) =>
        {
            var (analysis, risk) = await server.QueryAsync(db => db.Risks.Where(r => r.Event.StartsWith("ett konto kapas")).Select(r => new ValueTuple<Guid, Guid>(r.AnalysisId, r.Id)).SingleAsync());
            await p.GotoAsync($"/risk/{analysis}/risks/{risk}");
        }),
        new("risk/{id:guid}/risks/{riskId:guid}/edit", "edit a risk", Role.SecurityOfficer, async (server, p) =>
        {
            var (analysis, risk) = await server.QueryAsync(db => db.Risks.Where(r => r.Event.StartsWith("ett administratörskonto")).Select(r => new ValueTuple<Guid, Guid>(r.AnalysisId, r.Id)).SingleAsync());
            await p.GotoAsync($"/risk/{analysis}/risks/{risk}/edit");
        }),
    ];

    public static Func<TillitServer, IPage, Task> Go(string url) => (_, page) => page.GotoAsync(url);

    /// <summary>Opens a URL made from the id the query finds (exactly one: pick with Take(1) where other tests add rows) in the demo organisation.</summary>
    public static Func<TillitServer, IPage, Task> GoId(string format, Func<TillitDbContext, IQueryable<Guid>> query) =>
        async (server, page) =>
        {
            var id = await server.QueryAsync(db => query(db).SingleAsync());
            await page.GotoAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, id));
        };

    /// <summary>Opens a form page and sends it as it is (empty), to check the page with its error summary and field errors.</summary>
    /// <summary>Uploads a CSV (made from the name of a unit of the demo organisation) on /systems/import and waits for the preview.</summary>
    public static Func<TillitServer, IPage, Task> UploadCsv(Func<string, string> csv) =>
        async (server, page) =>
        {
            var unit = await server.QueryAsync(db => db.Units.OrderBy(u => u.Path).Select(u => u.Name).FirstAsync());
            await page.GotoAsync("/systems/import");
            await page.Locator("#upload").SetInputFilesAsync(new FilePayload { Name = "register.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv(unit)) });
            await page.Locator("main form[method=post] button[type=submit]:not([formaction])").First.ClickAsync();
            await page.WaitForURLAsync("**/systems/import/*");
        };

    /// <summary>Uploads a CSV (made from the name of a unit of the demo organisation) on an import page (<paramref name="path"/>) and waits for its preview.</summary>
    public static Func<TillitServer, IPage, Task> UploadCsvAt(string path, Func<string, string> csv) =>
        async (server, page) =>
        {
            var unit = await server.QueryAsync(db => db.Units.OrderBy(u => u.Path).Select(u => u.Name).FirstAsync());
            await page.GotoAsync(path);
            await page.Locator("#upload").SetInputFilesAsync(new FilePayload { Name = "register.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv(unit)) });
            await page.Locator("main form[method=post] button[type=submit]:not([formaction])").First.ClickAsync();
            await page.WaitForURLAsync($"**{path}/*");
        };

    /// <summary>Like <see cref="SubmitEmpty"/> for a form page whose address holds a record's id.</summary>
    public static Func<TillitServer, IPage, Task> SubmitEmptyId(string format, Func<TillitDbContext, IQueryable<Guid>> query) =>
        async (server, page) =>
        {
            await GoId(format, query)(server, page);
            await page.Locator("main form[method=post] textarea").First.FillAsync(string.Empty);
            await page.Locator("main form[method=post] button[type=submit]:not([formaction])").First.ClickAsync();
            await page.Locator(".error-summary").WaitForAsync();
        };

    public static Func<TillitServer, IPage, Task> SubmitEmpty(string url) =>
        async (_, page) =>
        {
            await page.GotoAsync(url);
            await page.Locator("main form[method=post] button[type=submit]:not([formaction])").First.ClickAsync();
            await page.Locator(".error-summary").WaitForAsync();
        };

    /// <summary>Uploads a CSV of completions on /training/import and waits for the preview.</summary>
    public static Func<TillitServer, IPage, Task> UploadTrainingCsv(string csv) =>
        async (_, page) =>
        {
            await page.GotoAsync("/training/import");
            await page.Locator("#upload").SetInputFilesAsync(new FilePayload { Name = "completions.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
            await page.Locator("main form[method=post] button[type=submit]:not([formaction])").First.ClickAsync();
            await page.WaitForURLAsync("**/training/import/*");
        };
}
