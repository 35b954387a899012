using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Data.Identity;
using Tillit.Domain.Access;
using Tillit.Domain.Documents;
using Tillit.Domain.Measures;
using Tillit.Domain.Organisations;
using Tillit.Domain.Register;
using Tillit.Domain.Requirements;

namespace Tillit.Web.Infrastructure.Demo;

public sealed record DemoAccount(Role Role, string Name, string Email, string Password);

/// <summary>
/// Creates the demo organisation "Exempelby kommun": units, people, one account per role with a
/// generated password, the appointments, and the decided information security policy.
/// </summary>
public sealed class DemoSeeder(TillitDbContext db, TenantContext tenant, UserManager<UserAccount> users, TimeProvider clock)
{
    public const string DemoCode = "exempelby";

    public async Task<IReadOnlyList<DemoAccount>?> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Organisations.AnyAsync(cancellationToken))
        {
            return null;
        }

        return await SeedAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DemoAccount>> SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Organisations.AnyAsync(o => o.Code == DemoCode, cancellationToken))
        {
            throw new InvalidOperationException("The demo organisation already exists.");
        }

        // All or nothing: a failed seed leaves an empty database that the next start seeds again.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var org = new Organisation("Exempelby kommun", DemoCode);
        db.Organisations.Add(org);
        await db.SaveChangesAsync(cancellationToken);
        tenant.Set(org.Id);

        var root = Add(new Unit(org.Id, "Exempelby kommun", UnitKind.Organisation, null));
        var board = Add(new Unit(org.Id, "Kommunstyrelsen", UnitKind.Board, root));
        var klf = Add(new Unit(org.Id, "Kommunledningsförvaltningen", UnitKind.Administration, root));
        var it = Add(new Unit(org.Id, "IT-avdelningen", UnitKind.Department, klf));
        var security = Add(new Unit(org.Id, "Säkerhetsenheten", UnitKind.Section, klf));
        var hr = Add(new Unit(org.Id, "HR-avdelningen", UnitKind.Department, klf));
        var social = Add(new Unit(org.Id, "Socialförvaltningen", UnitKind.Administration, root));
        var elder = Add(new Unit(org.Id, "Äldreomsorgen", UnitKind.Department, social));
        var ifo = Add(new Unit(org.Id, "Individ- och familjeomsorgen", UnitKind.Department, social));
        var school = Add(new Unit(org.Id, "Barn- och utbildningsförvaltningen", UnitKind.Administration, root));
        var northSchool = Add(new Unit(org.Id, "Norrskolan", UnitKind.Section, school));
        var build = Add(new Unit(org.Id, "Samhällsbyggnadsförvaltningen", UnitKind.Administration, root));
        var energy = Add(new Unit(org.Id, "Exempelby Energi AB", UnitKind.Company, root));

        var director = Person("Anders Berg", "anders.berg", klf, "Kommundirektör");
        var chair = Person("Lena Holm", "lena.holm", board, "Kommunstyrelsens ordförande");
        var officer = Person("Sara Lind", "sara.lind", security, "Informationssäkerhetsansvarig");
        var itChief = Person("Johan Ek", "johan.ek", it, "IT-chef");
        var owner = Person("Maria Nilsson", "maria.nilsson", social, "Förvaltningschef, systemägare");
        var manager = Person("Erik Sandberg", "erik.sandberg", elder, "Enhetschef");
        var employee = Person("Fatima Ali", "fatima.ali", elder, "Undersköterska");
        var dpo = Person("Karin Ström", "karin.strom", klf, "Dataskyddsombud");
        var admin = Person("Per Olsson", "per.olsson", it, "Systemadministratör");
        string[] others =
        [
            "Ingrid Sjöberg", "Mohammed Hassan", "Linnea Åberg", "Oskar Lundqvist", "Elin Forsberg", "Ahmad Karimi",
            "Sofia Wallin", "Gustav Engström", "Amira Yousef", "Nils Björk", "Hanna Lindgren", "Mikael Öberg",
        ];
        Unit[] spread = [it, hr, elder, ifo, northSchool, build, energy, social, school, security, klf, ifo];
        for (var i = 0; i < others.Length; i++)
        {
            var slug = others[i].ToLowerInvariant().Replace(' ', '.').Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o');
            Person(others[i], slug, spread[i], null);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var start = today.AddMonths(-6);
        Appoint(chair, Role.BoardMember, ScopeKind.Organisation, null, null, "KF 2026-01-15 § 4", start);
        Appoint(director, Role.MunicipalDirector, ScopeKind.Organisation, null, chair, "KS 2026-01-20 § 12", start);
        Appoint(officer, Role.SecurityOfficer, ScopeKind.Organisation, null, director, "KD 2026/0031", start);
        Appoint(itChief, Role.ItManager, ScopeKind.Organisation, null, director, "KD 2026/0032", start);
        Appoint(owner, Role.SystemOwner, ScopeKind.Unit, social.Id, director, "KD 2026/0040", start);
        Appoint(manager, Role.Manager, ScopeKind.Unit, elder.Id, owner, "SOC 2026/0102", start);
        Appoint(dpo, Role.DataProtectionOfficer, ScopeKind.Organisation, null, chair, "KS 2026-02-10 § 31", start);
        Appoint(admin, Role.Administrator, ScopeKind.Organisation, null, itChief, "IT 2026/0007", start);
        foreach (var p in db.ChangeTracker.Entries<Person>().Select(e => e.Entity).ToList())
        {
            Appoint(p, Role.Employee, ScopeKind.Organisation, null, null, null, start);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var policy = new GoverningDocument(org.Id, DocumentType.Policy, "Informationssäkerhetspolicy för Exempelby kommun", officer.Id, null);
        db.Documents.Add(policy);
        var version = policy.AddDraft(LoadPolicyText(), now, officer.Id);
        version.SubmitForDecision();
        var enteredByOfficer = new DecisionMaker(officer.Id, new HashSet<Role> { Role.SecurityOfficer }, new HashSet<DecisionAuthority>());
        policy.Decide(version, new DecisionRecord("Kommunstyrelsen", start, "§ 57", "KS 2026/0113", start, true), enteredByOfficer, now);

        // A guideline under the policy, decided by the director, and a local routine under it.
        var byDirector = new DecisionMaker(director.Id, new HashSet<Role> { Role.MunicipalDirector }, new HashSet<DecisionAuthority>());
        var guideline = new GoverningDocument(org.Id, DocumentType.Guideline, "Riktlinje för informationsklassning", officer.Id, policy);
        db.Documents.Add(guideline);
        var guidelineVersion = guideline.AddDraft(DemoTexts.Guideline, now, officer.Id);
        guidelineVersion.SubmitForDecision();
        guideline.Decide(guidelineVersion, new DecisionRecord("Kommundirektören", start.AddDays(14), null, "KS 2026/0131", start.AddDays(14), true), byDirector, now);
        var routine = new GoverningDocument(org.Id, DocumentType.Routine, "Rutin för utskrifter i äldreomsorgen", manager.Id, guideline, elder.Id);
        db.Documents.Add(routine);
        var routineVersion = routine.AddDraft(DemoTexts.Routine, now, manager.Id);
        routineVersion.SubmitForDecision();
        routine.Decide(routineVersion, new DecisionRecord("Kommundirektören", start.AddDays(30), null, "SOC 2026/0207", start.AddDays(30), true), byDirector, now);

        // Deviations: one granted to elder care after assessment and decision, one waiting for assessment.
        var granted = new Deviation(org.Id, guideline, elder.Id, "Avsnitt 3: varje informationsmängd klassas om minst en gång per år", "Verksamhetssystemet byts i vår och mängderna klassas då på nytt i upphandlingen", "Behörigheterna ses över varje månad tills bytet är klart", today.AddMonths(5), manager.Id, start.AddDays(40));
        granted.Assess(officer.Id, true, "Risken är begränsad under en kort tid och den täta behörighetsöversynen hjälper", start.AddDays(45));
        granted.Decide(director.Id, true, "KD 2026/0150", "Följs upp när det nya systemet är i drift", start.AddDays(50));
        var waiting = new Deviation(org.Id, guideline, northSchool.Id, "Avsnitt 5: klassningen godkänns av systemägaren", "Skolans system har ingen utsedd systemägare ännu", null, today.AddMonths(3), officer.Id, today);
        db.Deviations.AddRange(granted, waiting);

        // The IT manager decides the IT instructions in the director's place (a recorded delegation).
        db.DecisionDelegations.Add(new DecisionDelegation(org.Id, itChief.Id, DecisionAuthority.Director, "KD 2026/0033", start, null, director.Id));

        SeedRegister(org.Id, today, director, owner, (social, elder, ifo, hr, it, klf));

        // An event reported by the undersköterska: a phishing mail, reported the same morning.
        var sequence = new Tillit.Domain.Incidents.IncidentSequence(org.Id, now.Year);
        db.IncidentSequences.Add(sequence);
        db.Incidents.Add(new Tillit.Domain.Incidents.Incident(org.Id, now.Year, sequence.Next(), employee.Id, elder.Id, "Ett mejl som såg ut att komma från IT bad mig logga in på en okänd sida. Jag klickade på länken men skrev inte in något.", now.AddHours(-3), false, now.AddHours(-2)));
        SeedActionPlan(org.Id, today, owner, officer, itChief);
        SeedLaws(org.Id, today, officer, dpo);
        SeedAgreements(org.Id, today, officer, itChief);
        SeedContinuity(org.Id, today, officer, itChief, director);
        SeedTraining(org.Id, today, elder, officer, manager, employee);
        SeedRisk(org.Id, today, now, owner, itChief);
        // Everyone is asked to confirm the policy; the security officer and the director already have.
        db.AcknowledgementCampaigns.Add(AcknowledgementCampaign.Start(policy, version, AudienceKind.Everyone, [], [], today, today.AddDays(60), officer.Id));
        db.Acknowledgements.Add(new Acknowledgement(org.Id, officer.Id, version, now));
        db.Acknowledgements.Add(new Acknowledgement(org.Id, director.Id, version, now));
        SeedGoals(org.Id, today, officer, owner, director);
        SeedSelfAssessment(org.Id, today, now, officer, owner, guideline);

        await db.SaveChangesAsync(cancellationToken);

        var accounts = new List<DemoAccount>();
        foreach (var (role, person) in new[]
                 {
                     (Role.SecurityOfficer, officer), (Role.MunicipalDirector, director), (Role.BoardMember, chair),
                     (Role.SystemOwner, owner), (Role.ItManager, itChief), (Role.Manager, manager),
                     (Role.Employee, employee), (Role.DataProtectionOfficer, dpo), (Role.Administrator, admin),
                 })
        {
            var password = GeneratePassword();
            await CreateAccountAsync(users, person, password, clock);
            accounts.Add(new DemoAccount(role, person.Name, person.Email, password));
        }

        await transaction.CommitAsync(cancellationToken);

        return accounts;
    }

    /// <summary>Creates a sign-in account for a person; throws with Identity's messages when refused.</summary>
    public static async Task<UserAccount> CreateAccountAsync(UserManager<UserAccount> users, Person person, string password, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(person);
        var account = new UserAccount
        {
            Id = Guid.CreateVersion7(),
            UserName = person.Email,
            Email = person.Email,
            EmailConfirmed = true,
            OrganisationId = person.OrganisationId,
            PersonId = person.Id,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        var result = await users.CreateAsync(account, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        return account;
    }

    public static void PrintAccounts(IReadOnlyList<DemoAccount> accounts, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine();
        output.WriteLine("Demo organisation 'Exempelby kommun' created. Sign in at http://localhost:5000 with:");
        foreach (var a in accounts)
        {
            output.WriteLine($"  {a.Role,-22} {a.Email,-32} {a.Password}");
        }

        output.WriteLine("(The passwords are shown only now. Run `tillit seed-demo` on an empty database to make new ones.)");
        output.WriteLine();
    }

    /// <summary>Four groups of five letters and digits, no look-alike characters: easy to type, never on a common list.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
        var groups = Enumerable.Range(0, 4).Select(_ => new string(RandomNumberGenerator.GetItems<char>(alphabet, 5)));
        return string.Join('-', groups);
    }

    private static string LoadPolicyText()
    {
        var assembly = typeof(DemoSeeder).Assembly;
        using var stream = assembly.GetManifestResourceStream("Tillit.DemoPolicy")
            ?? throw new InvalidOperationException("The demo policy text is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// A small register: systems with and without an owner, sets classified, stale and never classified,
    /// one manual system (a paper archive) and a dependency.
    /// </summary>
    private void SeedRegister(Guid orgId, DateOnly today, Person director, Person owner, (Unit Social, Unit Elder, Unit Ifo, Unit Hr, Unit It, Unit Klf) u)
    {
        InformationSystem System(string name, string purpose, Unit unit, SystemForm form, bool important, Hosting hosting)
        {
            var system = new InformationSystem(orgId, name, purpose, unit.Id, form) { ImportantToOperations = important, Hosting = hosting };
            db.InformationSystems.Add(system);
            return system;
        }

        InformationSet Set(string name, Unit unit, PersonalData personal, string? secrecy, params InformationSystem[] heldIn)
        {
            var set = new InformationSet(orgId, name, unit.Id) { PersonalData = personal, SecrecyReference = secrecy };
            db.InformationSets.Add(set);
            foreach (var system in heldIn)
            {
                db.InformationSetSystems.Add(new InformationSetSystem(orgId, set.Id, system.Id));
            }

            return set;
        }

        void Classify(InformationSet set, ProtectionNeed levels, DateOnly on, params InformationSystem[] systems)
        {
            db.Classifications.Add(new Classification(
                orgId,
                set.Id,
                levels,
                ("Uppgifter om enskildas hälsa och sociala förhållanden", "Felaktiga uppgifter kan leda till fel insats", "Verksamheten klarar sig på papper ett dygn", "Vi måste kunna se vem som läst journalen"),
                "Maria Nilsson (systemägare), Erik Sandberg (enhetschef), Sara Lind (informationssäkerhet)",
                owner.Id,
                on,
                Classification.DefaultValidUntil(on, Classification.DefaultValidityMonths)));
            foreach (var system in systems)
            {
                system.SetProtectionNeed(ProtectionNeed.HighestOf([levels, .. system.ProtectionNeed is { } n ? [n] : Array.Empty<ProtectionNeed>()]));
            }
        }

        var directory = System("Active Directory", "Konton och behörigheter för kommunens IT-miljö", u.It, SystemForm.Automated, true, Hosting.OwnOperation);
        var care = System("Procapita", "Dokumentation och planering inom äldreomsorgen", u.Elder, SystemForm.Automated, true, Hosting.SupplierHosted);
        var casework = System("Lifecare", "Handläggning inom individ- och familjeomsorgen", u.Ifo, SystemForm.Automated, true, Hosting.Cloud);
        var archive = System("Personalakter (pappersarkiv)", "Personalakter i arkivskåp på HR-avdelningen", u.Hr, SystemForm.Manual, false, Hosting.NotApplicable);
        System("Raindance", "Ekonomi och redovisning", u.Klf, SystemForm.Automated, true, Hosting.SharedService);
        db.SystemDependencies.Add(new SystemDependency(orgId, care.Id, directory.Id));

        var journals = Set("Journaler inom äldreomsorgen", u.Elder, PersonalData.Sensitive, "OSL 26 kap. 1 §", care);
        var visits = Set("Besöksplanering", u.Elder, PersonalData.Personal, null, care);
        Set("Utredningar barn och unga", u.Ifo, PersonalData.Sensitive, "OSL 26 kap. 1 §", casework);
        var files = Set("Personalakter", u.Hr, PersonalData.Sensitive, "OSL 39 kap. 3 §", archive);
        Set("Behörighetsuppgifter", u.It, PersonalData.Personal, null, directory);
        Classify(journals, new ProtectionNeed(ConsequenceLevel.Serious, ConsequenceLevel.Serious, ConsequenceLevel.Significant, ConsequenceLevel.Serious), today.AddMonths(-2), care);
        Classify(visits, new ProtectionNeed(ConsequenceLevel.Moderate, ConsequenceLevel.Significant, ConsequenceLevel.Serious, ConsequenceLevel.Moderate), today.AddMonths(-2), care);
        Classify(files, new ProtectionNeed(ConsequenceLevel.Significant, ConsequenceLevel.Moderate, ConsequenceLevel.Moderate, ConsequenceLevel.Moderate), today.AddMonths(-14), archive);

        db.RoleAssignments.Add(SystemOwnership.Appoint(orgId, care.Id, owner.Id, director.Id, "KD 2026/0041", today.AddMonths(-6), null));
        db.RoleAssignments.Add(SystemOwnership.Appoint(orgId, archive.Id, owner.Id, director.Id, "KD 2026/0042", today.AddMonths(-6), null));
    }

    /// <summary>
    /// The policy's ten long-term goals and this year's goals under three of them (one with an indicator target),
    /// followed up part-way; last year's goals so "start next year" has something to copy from (issue 8).
    /// </summary>
    private void SeedGoals(Guid orgId, DateOnly today, Person officer, Person owner, Person director)
    {
        var goals = Domain.Goals.StartingGoals.For(orgId).ToList();
        db.LongTermGoals.AddRange(goals);
        var knowledge = goals.Single(g => g.Number == 1);
        var threats = goals.Single(g => g.Number == 8);
        var prevent = goals.Single(g => g.Number == 9);
        var staff = new Domain.Goals.YearlyGoal(orgId, knowledge.Id, today.Year, "Alla bekräftar den nya policyn", "Minst 95 % av medarbetarna har bekräftat gällande policy och riktlinjer före årets slut.", officer.Id, "staff-confirmed", 95);
        var analyses = new Domain.Goals.YearlyGoal(orgId, threats.Id, today.Year, "Riskanalys för varje viktigt system", "Varje system som är viktigt för verksamheten har en godkänd riskanalys som är högst ett år gammal.", owner.Id, null, null);
        var onTime = new Domain.Goals.YearlyGoal(orgId, prevent.Id, today.Year, "Beslutade åtgärder blir klara i tid", "Nio av tio åtgärder i handlingsplanen är klara senast på förfallodagen.", director.Id, "measures-on-time", 90);
        analyses.FollowUpWith(Domain.Goals.YearlyGoalStatus.AtRisk, "Riskanalyserna väntar på att metoden beslutas.");
        staff.FollowUpWith(Domain.Goals.YearlyGoalStatus.OnTrack, null);
        db.YearlyGoals.AddRange(staff, analyses, onTime,
            new Domain.Goals.YearlyGoal(orgId, knowledge.Id, today.Year - 1, "Introduktion i informationssäkerhet för nyanställda", "Alla nyanställda går introduktionen inom sin första månad.", officer.Id, null, null));
    }

    /// <summary>
    /// The starting requirement catalogue, Procapita's assessments (some met, some gaps) and a few measures in
    /// the action plan: one made of a gap, one overdue, one done awaiting verification, one verified.
    /// </summary>
    /// <summary>
    /// The starting legal register (issue 9), partly worked: GDPR and the secrecy act followed by the data
    /// protection officer and linked to the care systems, one review overdue and one rule only partly followed.
    /// </summary>
    private void SeedLaws(Guid orgId, DateOnly today, Person officer, Person dpo)
    {
        var laws = Tillit.Domain.Laws.StartingLegalRegister.For(orgId).ToList();
        db.LegalRequirements.AddRange(laws);
        var systems = db.ChangeTracker.Entries<InformationSystem>().Select(e => e.Entity).ToList();
        Tillit.Domain.Laws.LegalRequirement Law(string reference) => laws.Single(l => l.Reference == reference);
        void Link(Tillit.Domain.Laws.LegalRequirement law, params string[] names)
        {
            foreach (var name in names)
            {
                db.LegalRequirementSystems.Add(new Tillit.Domain.Laws.LegalRequirementSystem(orgId, law.Id, systems.Single(s => s.Name == name).Id));
            }
        }

        var gdpr = Law("(EU) 2016/679");
        gdpr.Plan(dpo.Id, today.AddMonths(4));
        gdpr.Assess(Tillit.Domain.Laws.ComplianceStatus.PartlyCompliant, "Registerförteckningen saknar Lifecare; biträdesavtal finns för Procapita.");
        Link(gdpr, "Procapita", "Lifecare", "Active Directory");
        var osl = Law("SFS 2009:400");
        osl.Plan(dpo.Id, today.AddMonths(8));
        osl.Assess(Tillit.Domain.Laws.ComplianceStatus.Compliant, null);
        Link(osl, "Procapita", "Lifecare", "Personalakter (pappersarkiv)");
        var cyber = Law("SFS 2025:1506");
        cyber.Plan(officer.Id, today.AddDays(-5));
        cyber.Assess(Tillit.Domain.Laws.ComplianceStatus.PartlyCompliant, "Anmälan till tillsynsmyndigheten är gjord; ledningens utbildning återstår.");
        Link(cyber, "Active Directory", "Procapita");
        var archives = Law("SFS 1990:782");
        archives.Plan(officer.Id, today.AddMonths(10));
        Link(archives, "Personalakter (pappersarkiv)");
    }

    /// <summary>
    /// The agreement register: the care system's agreement with a data processing agreement and its last day of
    /// notice near, the directory's support with a transfer outside the EU/EEA on standard clauses, and an ended
    /// scanning agreement. Lifecare runs in a cloud service with no agreement registered: the data processing gap.
    /// </summary>
    private void SeedAgreements(Guid orgId, DateOnly today, Person officer, Person itChief)
    {
        var systems = db.ChangeTracker.Entries<InformationSystem>().Select(e => e.Entity).ToList();
        void Add(string supplier, string title, string? reference, bool dpa, Tillit.Domain.Agreements.ThirdCountryTransfer transfer, string? basis, string? security, Person responsible, DateOnly? starts, DateOnly? ends, DateOnly? notice, params string[] names)
        {
            var agreement = new Tillit.Domain.Agreements.Agreement(orgId, supplier, title);
            agreement.Describe(supplier, title, reference, security);
            agreement.SetDataProtection(dpa, transfer, basis);
            agreement.Plan(responsible.Id, starts, ends, notice);
            db.Agreements.Add(agreement);
            foreach (var name in names)
            {
                db.AgreementSystems.Add(new Tillit.Domain.Agreements.AgreementSystem(orgId, agreement.Id, systems.Single(s => s.Name == name).Id));
            }
        }

        Add("Omsorgsdata Norr AB", "Drift, förvaltning och support av Procapita", "KS 2023/0412", true, Tillit.Domain.Agreements.ThirdCountryTransfer.No, null,
            "Behörighetsstyrning per roll, loggning av all åtkomst till journaler, återläsningstest av säkerhetskopior två gånger per år.", officer, today.AddYears(-3), today.AddMonths(14), today.AddMonths(2), "Procapita");
        Add("Katalogtjänster Sverige AB", "Support och förvaltning av katalogtjänsten", "KS 2024/0107", true, Tillit.Domain.Agreements.ThirdCountryTransfer.Yes, "Standardavtalsklausuler; supporten sker delvis från land utanför EU/EES.",
            "Tvåfaktorsinloggning för leverantörens administratörer; incidenter rapporteras inom 24 timmar.", itChief, today.AddYears(-2), null, null, "Active Directory");
        Add("Skanna & Arkivera AB", "Skanning av personalakter", "KS 2022/0880", true, Tillit.Domain.Agreements.ThirdCountryTransfer.No, null, null, officer, today.AddYears(-4), today.AddMonths(-1), today.AddMonths(-4), "Personalakter (pappersarkiv)");
    }

    /// <summary>
    /// Training: the basic course for everyone (yearly), a course for the elder care staff (every two years) and a
    /// course once for managers. Some have taken them, one completion has run out, the rest have not: the coverage
    /// shows gaps to follow up.
    /// </summary>
    private void SeedTraining(Guid orgId, DateOnly today, Unit elder, Person officer, Person manager, Person employee)
    {
        var people = db.ChangeTracker.Entries<Person>().Select(e => e.Entity).ToList();
        var basic = new Tillit.Domain.Courses.TrainingCourse(orgId, "Grundkurs i informationssäkerhet");
        basic.Describe(basic.Title, "IS-101", "Säkerhetsreglerna i vardagen: lösenord, nätfiske, utskrifter och att rapportera en händelse.");
        basic.SetRepeat(12, true);
        var care = new Tillit.Domain.Courses.TrainingCourse(orgId, "Journaler och sekretess i omsorgen");
        care.Describe(care.Title, "OMS-20", "Behörigheter, loggar och tystnadsplikt i omsorgens verksamhetssystem.");
        care.SetRepeat(24, true);
        care.SetAudience(AudienceKind.Units, [elder.Id], []);
        var leaders = new Tillit.Domain.Courses.TrainingCourse(orgId, "Chefens ansvar för informationssäkerhet");
        leaders.Describe(leaders.Title, "LED-01", null);
        leaders.SetRepeat(null, true);
        leaders.SetAudience(AudienceKind.Roles, [], [Role.Manager]);
        db.TrainingCourses.AddRange(basic, care, leaders);
        void Done(Tillit.Domain.Courses.TrainingCourse course, Person person, DateOnly on, bool imported = true) =>
            db.TrainingCompletions.Add(new Tillit.Domain.Courses.TrainingCompletion(orgId, course.Id, person.Id, on, imported));
        for (var i = 0; i < people.Count; i += 2)
        {
            Done(basic, people[i], today.AddDays(-20 - (i * 9)));
        }

        Done(basic, people[1], today.AddMonths(-15));
        Done(care, employee, today.AddMonths(-3));
        Done(care, manager, today.AddMonths(-30));
        Done(leaders, manager, today.AddMonths(-8), imported: false);
        Done(basic, officer, today.AddDays(-5), imported: false);
    }

    /// <summary>
    /// Continuity: plans for the care system and the directory (the directory's review overdue), Lifecare important
    /// without a plan (the gap), the crisis organisation's roles, and exercises (the directory's plan never exercised).
    /// </summary>
    private void SeedContinuity(Guid orgId, DateOnly today, Person officer, Person itChief, Person director)
    {
        var systems = db.ChangeTracker.Entries<InformationSystem>().Select(e => e.Entity).ToList();
        var care = new Tillit.Domain.Preparedness.ContinuityPlan(orgId, systems.Single(s => s.Name == "Procapita").Id, new(24, 8, 4),
            "Pappersblanketter för läkemedelslistor och insatser finns i varje hemtjänstgrupp. Uppgifterna förs in i efterhand av gruppens samordnare.");
        care.Change(care.Objectives, care.FallbackRoutines, "Leverantörens kundtjänst: 010-123 45 00 (dygnet runt)\nSystemförvaltare: 070-123 45 67", "El och nät i kommunhuset; inloggning via katalogtjänsten.");
        care.Plan(officer.Id, today.AddMonths(5));
        var directory = new Tillit.Domain.Preparedness.ContinuityPlan(orgId, systems.Single(s => s.Name == "Active Directory").Id, new(8, 4, 24),
            "Nödkonton i kassaskåpet hos IT-avdelningen. Lokal inloggning på vårdens datorer fungerar i upp till ett dygn.");
        directory.Plan(itChief.Id, today.AddDays(-10));
        db.ContinuityPlans.AddRange(care, directory);
        db.CrisisRoles.AddRange(
            new Tillit.Domain.Preparedness.CrisisRole(orgId, "Krisledningschef", director.Name + ", 070-100 00 01", "Biträdande kommundirektör, 070-100 00 02", "Samlas i kommunhusets ledningsrum; RAKEL-talgrupp KOMMUN-LEDN", 1),
            new Tillit.Domain.Preparedness.CrisisRole(orgId, "Informationssäkerhetssamordnare", officer.Name + ", 070-100 00 03", null, "Mobil; reservtelefon i ledningsrummet", 2),
            new Tillit.Domain.Preparedness.CrisisRole(orgId, "IT-samordnare", itChief.Name + ", 070-100 00 04", "Driftansvarig, 070-100 00 05", "Mobil", 3));

        // Exercises: the care system's plan was tried four months ago (one lesson already a measure, one not);
        // the directory's plan never was (the gap); a staff exercise of the crisis organisation is planned.
        var restore = new Tillit.Domain.Preparedness.Exercise(orgId, "Hemtjänsten utan Procapita en hel dag", Tillit.Domain.Preparedness.ExerciseKind.Functional,
            "Systemet antas ligga nere från morgonen. Grupperna arbetar med pappersblanketterna och samordnaren för in uppgifterna när systemet är tillbaka.", today.AddMonths(-4), officer.Id);
        restore.Record(today.AddMonths(-4), "Två hemtjänstgrupper, systemförvaltaren, leverantörens kundtjänst", "Blanketterna räckte, men läkemedelslistorna var en vecka gamla och inmatningen efteråt tog två dagar.", today);
        var lists = restore.Learn("Skriv ut aktuella läkemedelslistor varje fredag till pärmen i varje grupp.");
        var entry = restore.Learn("Planera in extra tid för samordnarna att föra in uppgifter efter ett avbrott.");
        var listMeasure = new Tillit.Domain.Measures.Measure(orgId, "Veckovisa utskrifter av läkemedelslistor", lists.Text, Tillit.Domain.Measures.MeasureOrigin.Exercise, restore.Id, care.SystemId, systems.Single(s => s.Name == "Procapita").UnitId, officer.Id, today.AddMonths(1), today.AddMonths(-4));
        lists.BecameMeasure(listMeasure.Id);
        db.Measures.Add(listMeasure);
        db.Exercises.Add(restore);
        db.ExerciseSystems.Add(new Tillit.Domain.Preparedness.ExerciseSystem(orgId, restore.Id, care.SystemId));
        db.ExerciseLessons.AddRange(lists, entry);
        db.Exercises.Add(new Tillit.Domain.Preparedness.Exercise(orgId, "Krisledningsövning: it-angrepp mot kommunen", Tillit.Domain.Preparedness.ExerciseKind.FullScale,
            "Ett utpressningsangrepp krypterar filservrar och e-post en fredag eftermiddag. Krisledningen samlas, bedömer läget och beslutar om kommunikation och prioriteringar.", today.AddMonths(2), director.Id));
    }

    /// <summary>
    /// A self-assessment of the classification guideline (issue 8) sent to the system owners, on the access control
    /// and backup requirements: Procapita's form is submitted with a gap or two, the archive's is a draft.
    /// </summary>
    private void SeedSelfAssessment(Guid orgId, DateOnly today, DateTime now, Person officer, Person owner, GoverningDocument guideline)
    {
        var requirements = db.ChangeTracker.Entries<Requirement>().Select(e => e.Entity)
            .Where(r => r.IsActive && r.Area is RequirementArea.AccessControl or RequirementArea.Backup)
            .OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        var systems = db.ChangeTracker.Entries<InformationSystem>().Select(e => e.Entity).ToList();
        var care = systems.Single(s => s.Name == "Procapita");
        var archive = systems.Single(s => s.Name == "Personalakter (pappersarkiv)");
        var questionnaire = new Questionnaire(orgId, guideline.Id, "Självskattning behörigheter och säkerhetskopior " + today.Year, QuestionnaireRecipients.SystemOwners, today.AddDays(5), officer.Id, today.AddDays(-25));
        db.Questionnaires.Add(questionnaire);
        var careForm = new QuestionnaireResponse(orgId, questionnaire.Id, care.UnitId, care.Id, owner.Id);
        var archiveForm = new QuestionnaireResponse(orgId, questionnaire.Id, archive.UnitId, archive.Id, owner.Id);
        db.QuestionnaireResponses.AddRange(careForm, archiveForm);
        var careAnswers = requirements.Select(r => new QuestionnaireAnswer(orgId, careForm.Id, r.Id)).ToList();
        var archiveAnswers = requirements.Select(r => new QuestionnaireAnswer(orgId, archiveForm.Id, r.Id)).ToList();
        AssessmentStatus[] pattern = [AssessmentStatus.Met, AssessmentStatus.Met, AssessmentStatus.PartlyMet, AssessmentStatus.Met, AssessmentStatus.NotMet, AssessmentStatus.NotApplicable];
        for (var i = 0; i < careAnswers.Count; i++)
        {
            var status = pattern[i % pattern.Length];
            careAnswers[i].Record(status, status switch
            {
                AssessmentStatus.PartlyMet => "Görs för hemtjänsten men inte för särskilt boende.",
                AssessmentStatus.NotMet => "Inte infört ännu; tas upp i förvaltningsplanen.",
                AssessmentStatus.NotApplicable => "Gäller inte systemet.",
                _ => string.Empty,
            });
        }

        careForm.Submit(careAnswers, owner.Id, now.AddDays(-3));
        archiveAnswers[0].Record(AssessmentStatus.Met, "Skåpen är låsta och nyckeln finns hos HR-chefen.");
        db.QuestionnaireAnswers.AddRange(careAnswers);
        db.QuestionnaireAnswers.AddRange(archiveAnswers);
    }

    private void SeedActionPlan(Guid orgId, DateOnly today, Person owner, Person officer, Person itChief)
    {
        var catalogue = StartingCatalogue.For(orgId).ToList();
        db.Requirements.AddRange(catalogue);
        var systems = db.ChangeTracker.Entries<InformationSystem>().Select(e => e.Entity).ToList();
        var care = systems.Single(s => s.Name == "Procapita");
        var directory = systems.Single(s => s.Name == "Active Directory");
        Requirement Req(string code) => catalogue.Single(r => r.Code == code);
        void Assess(string code, AssessmentStatus status, string how) =>
            db.RequirementAssessments.Add(new RequirementAssessment(orgId, care.Id, Req(code).Id, status, how, owner.Id, today.AddDays(-20)));
        Assess("BEH-01", AssessmentStatus.Met, "Behörigheter beställs av enhetschef i e-tjänsten och godkänns av systemförvaltaren.");
        Assess("BEH-02", AssessmentStatus.Met, "Alla loggar in med sitt personliga konto via kommunens inloggning.");
        Assess("BEH-04", AssessmentStatus.PartlyMet, "Genomgång görs för hemtjänsten men inte för särskilt boende.");
        Assess("BEH-06", AssessmentStatus.NotMet, "Inloggning inifrån nätet sker med enbart lösenord.");
        Assess("LOG-03", AssessmentStatus.Met, "Systemet loggar läsning av journaler; loggen granskas månadsvis.");
        Assess("BAK-02", AssessmentStatus.NotMet, "Återläsning har inte provats sedan systemet byttes ut.");
        Assess("INF-04", AssessmentStatus.NotApplicable, "Uppgifterna används inte för statistik eller uppföljning utanför verksamheten.");

        var twoFactor = new Measure(orgId, "BEH-06 Stark inloggning för alla", "Inför tvåfaktorsinloggning även inifrån kommunens nät.", MeasureOrigin.RequirementGap, Req("BEH-06").Id, care.Id, care.UnitId, owner.Id, today.AddDays(60), today.AddDays(-20));
        twoFactor.Start();
        var restore = new Measure(orgId, "BAK-02 Prova återläsning", "Läs tillbaka en säkerhetskopia till testmiljön och mät tiden.", MeasureOrigin.RequirementGap, Req("BAK-02").Id, care.Id, care.UnitId, itChief.Id, today.AddDays(-5), today.AddDays(-40));
        var review = new Measure(orgId, "Se över administratörskonton i Active Directory", "Ta bort konton som inte används och dela vardags- och adminkonton.", MeasureOrigin.Other, null, directory.Id, directory.UnitId, itChief.Id, today.AddDays(20), today.AddDays(-30));
        review.Complete("Genomgång gjord, 14 konton borttagna (ärende IT-2026-311).", today.AddDays(-2));
        var training = new Measure(orgId, "Utbildning i säker användning av Procapita", "Introduktion för alla nyanställda i äldreomsorgen.", MeasureOrigin.Other, null, care.Id, care.UnitId, owner.Id, today.AddDays(-10), today.AddDays(-90));
        training.Complete("Utbildningen ingår i introduktionen sedan mars.", today.AddDays(-15));
        training.Verify(officer.Id, today.AddDays(-12));
        db.Measures.AddRange(twoFactor, restore, review, training);
    }

    /// <summary>
    /// Risk analysis (issue 5): the threat catalogue, an approved analysis of Procapita with three risks (one sent to
    /// the action plan, one accepted by the system owner) and a draft analysis of Active Directory.
    /// </summary>
    private void SeedRisk(Guid orgId, DateOnly today, DateTime now, Person owner, Person itChief)
    {
        var threats = Tillit.Domain.Risks.ThreatCatalogue.For(orgId).ToList();
        db.Threats.AddRange(threats);
        Guid Threat(string code) => threats.Single(t => t.Code == code).Id;
        var systems = db.ChangeTracker.Entries<InformationSystem>().Select(e => e.Entity).ToList();
        var care = systems.Single(s => s.Name == "Procapita");
        var directory = systems.Single(s => s.Name == "Active Directory");
        var analysis = new Tillit.Domain.Risks.RiskAnalysis(orgId, "Riskanalys Procapita 2026", Tillit.Domain.Risks.RiskAnalysisScope.System, "Workshop enligt kommunens metod, utgångspunkt i klassningen och hotkatalogen.", "Systemägare, systemförvaltare, enhetschef äldreomsorg, informationssäkerhetssamordnare", today.AddDays(-60), today.AddMonths(10));
        db.RiskAnalyses.Add(analysis);
        db.RiskAnalysisSystems.Add(new Tillit.Domain.Risks.RiskAnalysisSystem(orgId, analysis.Id, care.Id));
        var phishing = new Tillit.Domain.Risks.Risk(orgId, analysis.Id, Threat("HOT-01"), "Inloggning inifrån nätet kräver bara lösenord", "ett konto kapas efter ett nätfiskemejl", "obehöriga läser journaler om brukare", Tillit.Domain.Risks.RiskAspects.Confidentiality, 3, 4);
        phishing.Treat(Tillit.Domain.Risks.RiskTreatment.Reduce, "Tvåfaktorsinloggning för alla", 1, 4, owner.Id);
        var restore = new Tillit.Domain.Risks.Risk(orgId, analysis.Id, Threat("HOT-18"), "Återläsning har inte provats", "säkerhetskopian går inte att läsa tillbaka", "dokumentationen av insatser saknas i dagar", Tillit.Domain.Risks.RiskAspects.Availability | Tillit.Domain.Risks.RiskAspects.Integrity, 2, 3);
        restore.Treat(Tillit.Domain.Risks.RiskTreatment.Reduce, "Prova återläsning årligen", 1, 3, itChief.Id);
        var mail = new Tillit.Domain.Risks.Risk(orgId, analysis.Id, Threat("HOT-09"), "Adresser fylls i automatiskt", "ett mejl om en brukare skickas till fel mottagare", "sekretessbelagda uppgifter röjs", Tillit.Domain.Risks.RiskAspects.Confidentiality, 2, 2);
        mail.Treat(Tillit.Domain.Risks.RiskTreatment.Accept, null, 2, 2, owner.Id);
        analysis.SubmitForReview(3);
        analysis.Approve(owner.Id, today.AddDays(-50));
        mail.Accept(Tillit.Domain.Risks.RiskAcceptor.SystemOwner, owner.Id, "Låg nivå; rutinen för e-post med känsliga uppgifter räcker.", now.AddDays(-50), Tillit.Domain.Risks.RiskSettings.DefaultFor(orgId));
        db.Risks.AddRange(phishing, restore, mail);
        db.Measures.Add(new Measure(orgId, "Åtgärda: ett konto kapas efter ett nätfiskemejl", "Inför tvåfaktorsinloggning inifrån nätet.", MeasureOrigin.Risk, phishing.Id, care.Id, care.UnitId, owner.Id, today.AddDays(45), today.AddDays(-50)));

        var draft = new Tillit.Domain.Risks.RiskAnalysis(orgId, "Riskanalys Active Directory", Tillit.Domain.Risks.RiskAnalysisScope.System, "Genomgång med IT-avdelningen.", "IT-chef, driftansvarig", today.AddDays(-3), today.AddMonths(12));
        db.RiskAnalyses.Add(draft);
        db.RiskAnalysisSystems.Add(new Tillit.Domain.Risks.RiskAnalysisSystem(orgId, draft.Id, directory.Id));
        db.Risks.Add(new Tillit.Domain.Risks.Risk(orgId, draft.Id, Threat("HOT-33"), "Administratörer använder samma konto för vardag och administration", "ett administratörskonto tas över", "angriparen når alla kommunens system", Tillit.Domain.Risks.RiskAspects.Confidentiality | Tillit.Domain.Risks.RiskAspects.Integrity | Tillit.Domain.Risks.RiskAspects.Availability, 2, 4));
    }

    private Unit Add(Unit unit)
    {
        db.Units.Add(unit);
        return unit;
    }

    private Person Person(string name, string slug, Unit unit, string? title)
    {
        var person = new Person(unit.OrganisationId, name, slug + "@exempelby.se", unit.Id) { Title = title };
        db.People.Add(person);
        return person;
    }

    private void Appoint(Person person, Role role, ScopeKind scope, Guid? scopeId, Person? by, string? decision, DateOnly from) =>
        db.RoleAssignments.Add(new RoleAssignment(person.OrganisationId, person.Id, role, scope, scopeId, by?.Id, decision, from, null));
}
