using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Tillit.Data;
using Tillit.Data.Identity;
using Tillit.Domain.Access;
using Tillit.Domain.Documents;
using Tillit.Domain.Organisations;
using Tillit.Domain.Register;
using Tillit.Web.Infrastructure.Demo;
using Tillit.Web.Security;

namespace Tillit.Integration.Tests.Infrastructure;

/// <summary>A sign-in account made by the seed; the authenticator key is set when the account uses a second factor.</summary>
public sealed record TestAccount(Role? Role, string Email, string Password, Guid UserId, Guid PersonId, string? AuthenticatorKey);

/// <summary>
/// One organisation of the test data: a root unit, a department under it (the manager's scope), a
/// section under that, one person and account per role, a governing document and an API token.
/// The "sample" ids are what the authorization matrix and the tenant test put into routes.
/// </summary>
public sealed class TestOrganisation
{
    public required Guid Id { get; init; }

    public required string Code { get; init; }

    public required Guid RootUnitId { get; init; }

    /// <summary>The department: inside every reader's scope, including the unit-scoped manager's.</summary>
    public required Guid UnitId { get; init; }

    public required Guid SectionUnitId { get; init; }

    /// <summary>A person in the department who holds no role.</summary>
    public required Guid PersonId { get; init; }

    /// <summary>The employee's role assignment.</summary>
    public required Guid RoleAssignmentId { get; init; }

    public required Guid DocumentId { get; init; }

    public required Guid DocumentVersionId { get; init; }

    /// <summary>An information system in the department, with no owner yet.</summary>
    public required Guid SystemId { get; init; }

    /// <summary>An information set held in <see cref="SystemId"/>, classified 2-2-2-2 (so the system's need is 2-2-2-2).</summary>
    public required Guid SetId { get; init; }

    /// <summary>A requirement of the starting catalogue that the sample system's need selects (BEH-01, from level 1).</summary>
    public required Guid RequirementId { get; init; }

    /// <summary>A planned measure on the sample system, owned by the person without a role.</summary>
    public required Guid MeasureId { get; init; }

    /// <summary>A guideline with a current version (decided by the director), readable by everyone.</summary>
    public required Guid GuidelineId { get; init; }

    public required Guid GuidelineVersionId { get; init; }

    /// <summary>An open acknowledgement campaign for the guideline, asking everyone.</summary>
    public required Guid CampaignId { get; init; }

    /// <summary>A recorded delegation of the director's decisions to the person without a role.</summary>
    public required Guid DelegationId { get; init; }

    /// <summary>A requested deviation for the department from the guideline (within the manager's scope).</summary>
    public required Guid DeviationId { get; init; }
    /// <summary>An event reported by the employee on <see cref="SystemId"/> (H-year-0001).</summary>
    public required Guid IncidentId { get; init; }

    /// <summary>The GDPR entry of the starting legal register, applied to <see cref="SystemId"/>, followed by the security officer, reviewed in two months.</summary>
    public required Guid LawId { get; init; }

    /// <summary>
    /// An agreement covering <see cref="SystemId"/> without a data processing agreement (so the system, holding
    /// personal data, has the gap), followed by the security officer: notice in two months, ends in six.
    /// </summary>
    public required Guid AgreementId { get; init; }

    /// <summary>An exercise of the plan of <see cref="SystemId"/>, held ten days ago, with one lesson not yet a measure.</summary>
    public required Guid ExerciseId { get; init; }
    /// <summary>A training course for everyone, repeated every twelve months (issue 9).</summary>
    public required Guid CourseId { get; init; }
    /// <summary>A yearly goal of this year under the first long-term goal.</summary>
    public required Guid YearlyGoalId { get; init; }
    /// <summary>An approved risk analysis of <see cref="SystemId"/> (issue 5).</summary>
    public required Guid RiskAnalysisId { get; init; }

    /// <summary>A risk of <see cref="RiskAnalysisId"/>, residual level medel, not accepted.</summary>
    public required Guid RiskId { get; init; }

    /// <summary>A threat of the shipped catalogue.</summary>
    public required Guid ThreatId { get; init; }

    /// <summary>An API token of one of the accounts (its id, not its secret).</summary>
    public required Guid TokenId { get; init; }

    /// <summary>A self-assessment of the guideline sent to the department (BEH-01 only), due in a month.</summary>
    public required Guid QuestionnaireId { get; init; }

    /// <summary>The department's form of <see cref="QuestionnaireId"/>, answered by the manager, not submitted.</summary>
    public required Guid QuestionnaireResponseId { get; init; }

    public required IReadOnlyDictionary<Role, TestAccount> Accounts { get; init; }
}

/// <summary>Writes test data straight through the application's own services (domain constructors, UserManager).</summary>
public sealed class TestSeed(IServiceProvider services)
{
    /// <summary>One password for every seeded account: long, not on the common list.</summary>
    public const string Password = "Tillit-test-lösenord-7491";

    /// <summary>Creates the organisation; accounts only for <paramref name="accountsFor"/> when given (hashing passwords is slow).</summary>
    public async Task<TestOrganisation> CreateOrganisationAsync(string code, IReadOnlyCollection<Role>? accountsFor = null)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<TillitDbContext>();
        var org = new Organisation($"Testkommun {code}", code);
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        sp.GetRequiredService<TenantContext>().Set(org.Id);

        var root = new Unit(org.Id, $"Testkommun {code}", UnitKind.Organisation, null);
        var department = new Unit(org.Id, "Socialförvaltningen", UnitKind.Administration, root);
        var section = new Unit(org.Id, "Äldreomsorgen", UnitKind.Section, department);
        db.Units.AddRange(root, department, section);

        var plain = new Person(org.Id, "Utan Roll", $"utan.roll@{code}.test", department.Id);
        db.People.Add(plain);
        var people = new Dictionary<Role, Person>();
        foreach (var role in Roles.All)
        {
            var person = new Person(org.Id, $"{role} {code.ToUpperInvariant()}", $"{role.ToString().ToLowerInvariant()}@{code}.test", role == Role.Manager ? section.Id : department.Id);
            db.People.Add(person);
            people[role] = person;
        }

        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var assignments = new Dictionary<Role, RoleAssignment>();
        foreach (var (role, person) in people)
        {
            var scoped = role == Role.Manager;
            var assignment = new RoleAssignment(org.Id, person.Id, role, scoped ? ScopeKind.Unit : ScopeKind.Organisation, scoped ? department.Id : null, null, $"TEST {role}", today.AddDays(-30), null);
            db.RoleAssignments.Add(assignment);
            assignments[role] = assignment;
        }

        var document = new GoverningDocument(org.Id, DocumentType.Policy, $"Informationssäkerhetspolicy {code}", people[Role.SecurityOfficer].Id, null);
        db.Documents.Add(document);
        var version = document.AddDraft("# Policy\n\nText.", TimeProvider.System.GetUtcNow().UtcDateTime);
        var system = new InformationSystem(org.Id, $"Verksamhetssystem {code}", "Dokumentation av insatser", department.Id, SystemForm.Automated);
        var set = new InformationSet(org.Id, $"Journaler {code}", department.Id) { PersonalData = PersonalData.Sensitive };
        db.InformationSystems.Add(system);
        db.InformationSets.Add(set);
        db.InformationSetSystems.Add(new InformationSetSystem(org.Id, set.Id, system.Id));
        var levels = new ProtectionNeed(ConsequenceLevel.Significant, ConsequenceLevel.Significant, ConsequenceLevel.Significant, ConsequenceLevel.Significant);
        db.Classifications.Add(new Classification(org.Id, set.Id, levels, ("K", "R", "T", "S"), "Testare", people[Role.SystemOwner].Id, today.AddDays(-10), today.AddMonths(11)));
        system.SetProtectionNeed(levels);
        var catalogue = Tillit.Domain.Requirements.StartingCatalogue.For(org.Id).ToList();
        db.Requirements.AddRange(catalogue);
        var requirement = catalogue.Single(r => r.Code == "BEH-01");
        var measure = new Tillit.Domain.Measures.Measure(org.Id, $"Åtgärd {code}", "Exempel", Tillit.Domain.Measures.MeasureOrigin.RequirementGap, requirement.Id, system.Id, department.Id, plain.Id, today.AddDays(30), today);
        db.Measures.Add(measure);
        var guideline = new GoverningDocument(org.Id, DocumentType.Guideline, $"Riktlinje {code}", people[Role.SecurityOfficer].Id, document);
        db.Documents.Add(guideline);
        var guidelineVersion = guideline.AddDraft("# Riktlinje\n\nGällande text.", TimeProvider.System.GetUtcNow().UtcDateTime);
        guidelineVersion.SubmitForDecision();
        var director = new DecisionMaker(people[Role.MunicipalDirector].Id, new HashSet<Role> { Role.MunicipalDirector }, new HashSet<DecisionAuthority>());
        guideline.Decide(guidelineVersion, new DecisionRecord("Kommundirektören", today.AddDays(-20), null, $"TEST {code}/1", today.AddDays(-20), true), director, TimeProvider.System.GetUtcNow().UtcDateTime);
        var campaign = AcknowledgementCampaign.Start(guideline, guidelineVersion, AudienceKind.Everyone, [], [], today, today.AddDays(30), people[Role.SecurityOfficer].Id);
        db.AcknowledgementCampaigns.Add(campaign);
        var delegation = new DecisionDelegation(org.Id, plain.Id, DecisionAuthority.Director, $"TEST {code}/2", today.AddDays(-1), null, people[Role.MunicipalDirector].Id);
        db.DecisionDelegations.Add(delegation);
        var deviation = new Deviation(org.Id, guideline, department.Id, "Punkt 2: skärmlås efter fem minuter", "Larmskärmar måste synas hela tiden", "Skärmarna sitter i låsta rum", today.AddMonths(6), people[Role.Manager].Id, today);
        db.Deviations.Add(deviation);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var sequence = new Tillit.Domain.Incidents.IncidentSequence(org.Id, now.Year);
        var incident = new Tillit.Domain.Incidents.Incident(org.Id, now.Year, sequence.Next(), people[Role.Employee].Id, department.Id, "Ett misstänkt e-postmeddelande", now.AddHours(-1), false, now);
        db.IncidentSequences.Add(sequence);
        incident.Assign(people[Role.ItManager].Id, now, people[Role.SecurityOfficer].Id);
        db.Incidents.Add(incident);
        db.IncidentSystems.Add(new Tillit.Domain.Incidents.IncidentSystem(org.Id, incident.Id, system.Id, now));
        var laws = Tillit.Domain.Laws.StartingLegalRegister.For(org.Id).ToList();
        db.LegalRequirements.AddRange(laws);
        var law = laws.Single(l => l.Reference == "(EU) 2016/679");
        law.Plan(people[Role.SecurityOfficer].Id, today.AddMonths(2));
        db.LegalRequirementSystems.Add(new Tillit.Domain.Laws.LegalRequirementSystem(org.Id, law.Id, system.Id));
        var agreement = new Tillit.Domain.Agreements.Agreement(org.Id, $"Leverantör {code}", "Drift och support av verksamhetssystemet");
        agreement.Plan(people[Role.SecurityOfficer].Id, today.AddYears(-1), today.AddMonths(6), today.AddMonths(2));
        db.Agreements.Add(agreement);
        db.AgreementSystems.Add(new Tillit.Domain.Agreements.AgreementSystem(org.Id, agreement.Id, system.Id));
        var exercise = new Tillit.Domain.Preparedness.Exercise(org.Id, "Återläsning av verksamhetssystemet", Tillit.Domain.Preparedness.ExerciseKind.Functional, "Databasen är förstörd; läs tillbaka gårdagens kopia.", today.AddDays(-10), people[Role.SecurityOfficer].Id);
        exercise.Record(today.AddDays(-10), "IT-chefen och systemägaren", "Återläsningen tog sex timmar i stället för två.", today);
        db.Exercises.Add(exercise);
        db.ExerciseSystems.Add(new Tillit.Domain.Preparedness.ExerciseSystem(org.Id, exercise.Id, system.Id));
        db.ExerciseLessons.Add(exercise.Learn("Dokumentera återläsningen steg för steg."));
        var course = new Tillit.Domain.Courses.TrainingCourse(org.Id, $"Grundkurs i informationssäkerhet {code}");
        course.SetRepeat(12, true);
        db.TrainingCourses.Add(course);

        // Goals (issue 8): the policy's ten long-term goals and one yearly goal of this year, owned by the security officer.
        var longTerm = Tillit.Domain.Goals.StartingGoals.For(org.Id).ToList();
        db.LongTermGoals.AddRange(longTerm);
        var yearlyGoal = new Tillit.Domain.Goals.YearlyGoal(org.Id, longTerm[0].Id, today.Year, $"Årsmål {code}", "Alla har bekräftat policyn", people[Role.SecurityOfficer].Id, null, null);
        db.YearlyGoals.Add(yearlyGoal);
        var threats = Tillit.Domain.Risks.ThreatCatalogue.For(org.Id).ToList();
        db.Threats.AddRange(threats);
        var analysis = new Tillit.Domain.Risks.RiskAnalysis(org.Id, $"Riskanalys {code}", Tillit.Domain.Risks.RiskAnalysisScope.System, "Workshop", "Systemägare", today.AddDays(-5), today.AddMonths(12));
        db.RiskAnalyses.Add(analysis);
        db.RiskAnalysisSystems.Add(new Tillit.Domain.Risks.RiskAnalysisSystem(org.Id, analysis.Id, system.Id));
        var risk = new Tillit.Domain.Risks.Risk(org.Id, analysis.Id, threats[0].Id, "Svaga lösenord", "ett konto kapas", "journaler röjs", Tillit.Domain.Risks.RiskAspects.Confidentiality, 3, 4);
        risk.Treat(Tillit.Domain.Risks.RiskTreatment.Reduce, "Tvåfaktor", 2, 3, null);
        db.Risks.Add(risk);
        analysis.SubmitForReview(1);
        analysis.Approve(people[Role.SecurityOfficer].Id, today.AddDays(-4));
        var questionnaire = new Tillit.Domain.Requirements.Questionnaire(org.Id, guideline.Id, $"Självskattning {code}", Tillit.Domain.Requirements.QuestionnaireRecipients.Units, today.AddDays(30), people[Role.SecurityOfficer].Id, today);
        var form = new Tillit.Domain.Requirements.QuestionnaireResponse(org.Id, questionnaire.Id, department.Id, null, people[Role.Manager].Id);
        db.Questionnaires.Add(questionnaire);
        db.QuestionnaireResponses.Add(form);
        db.QuestionnaireAnswers.Add(new Tillit.Domain.Requirements.QuestionnaireAnswer(org.Id, form.Id, requirement.Id));
        await db.SaveChangesAsync();

        var accounts = new Dictionary<Role, TestAccount>();
        foreach (var (role, person) in people.Where(p => accountsFor?.Contains(p.Key) != false))
        {
            accounts[role] = await CreateAccountAsync(sp, person, Roles.RequiresSecondFactor(role), role);
        }

        var tokenOwner = accounts.Values.First();
        var owner = await sp.GetRequiredService<UserManager<UserAccount>>().FindByIdAsync(tokenOwner.UserId.ToString());
        var (token, _) = await sp.GetRequiredService<ApiTokenService>().CreateAsync(owner!, "seed", null, CancellationToken.None);

        return new TestOrganisation
        {
            Id = org.Id,
            Code = code,
            RootUnitId = root.Id,
            UnitId = department.Id,
            SectionUnitId = section.Id,
            PersonId = plain.Id,
            RoleAssignmentId = assignments[Role.Employee].Id,
            DocumentId = document.Id,
            DocumentVersionId = version.Id,
            SystemId = system.Id,
            SetId = set.Id,
            RequirementId = requirement.Id,
            MeasureId = measure.Id,
            GuidelineId = guideline.Id,
            GuidelineVersionId = guidelineVersion.Id,
            CampaignId = campaign.Id,
            DelegationId = delegation.Id,
            DeviationId = deviation.Id,
            IncidentId = incident.Id,
            LawId = law.Id,
            AgreementId = agreement.Id,
            ExerciseId = exercise.Id,
            CourseId = course.Id,
            YearlyGoalId = yearlyGoal.Id,
            TokenId = token.Id,
            RiskAnalysisId = analysis.Id,
            RiskId = risk.Id,
            ThreatId = threats[0].Id,
            QuestionnaireId = questionnaire.Id,
            QuestionnaireResponseId = form.Id,
            Accounts = accounts,
        };
    }

    /// <summary>
    /// A new person and account in the organisation with one role (or none). With
    /// <paramref name="secondFactor"/> the account gets an authenticator key and the second factor on.
    /// </summary>
    public async Task<TestAccount> CreateAccountAsync(TestOrganisation org, Role? role, bool secondFactor, string? email = null)
    {
        ArgumentNullException.ThrowIfNull(org);
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<TenantContext>().Set(org.Id);
        var db = sp.GetRequiredService<TillitDbContext>();
        var person = new Person(org.Id, "Extra Person", email ?? $"extra-{Guid.NewGuid():N}@{org.Code}.test", org.UnitId);
        db.People.Add(person);
        if (role is { } r)
        {
            var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
            db.RoleAssignments.Add(new RoleAssignment(org.Id, person.Id, r, ScopeKind.Organisation, null, null, null, today.AddDays(-1), null));
        }

        await db.SaveChangesAsync();
        return await CreateAccountAsync(sp, person, secondFactor, role);
    }

    /// <summary>A personal access token for the account, as the token page would make it; returns the secret.</summary>
    public async Task<string> CreateTokenAsync(TestAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<UserManager<UserAccount>>().FindByIdAsync(account.UserId.ToString())
            ?? throw new InvalidOperationException($"No account {account.Email}.");
        sp.GetRequiredService<TenantContext>().Set(user.OrganisationId);
        var (_, secret) = await sp.GetRequiredService<ApiTokenService>().CreateAsync(user, $"test {account.Role}", null, CancellationToken.None);
        return secret;
    }

    /// <summary>Runs work on a fresh DbContext scoped to the organisation (counts, extra rows).</summary>
    public async Task<T> WithDbAsync<T>(Guid organisationId, Func<TillitDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organisationId);
        return await work(scope.ServiceProvider.GetRequiredService<TillitDbContext>());
    }

    private static async Task<TestAccount> CreateAccountAsync(IServiceProvider sp, Person person, bool secondFactor, Role? role)
    {
        var users = sp.GetRequiredService<UserManager<UserAccount>>();
        var account = await DemoSeeder.CreateAccountAsync(users, person, Password, TimeProvider.System);
        string? key = null;
        if (secondFactor)
        {
            await users.ResetAuthenticatorKeyAsync(account);
            key = await users.GetAuthenticatorKeyAsync(account);
            await users.SetTwoFactorEnabledAsync(account, true);
        }

        return new TestAccount(role, person.Email, Password, account.Id, person.Id, key);
    }
}
