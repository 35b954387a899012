using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tillit.Data.Audit;
using Tillit.Domain.Access;
using Tillit.Domain.Measures;
using Tillit.Domain.Requirements;
using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests.SelfAssessments;

/// <summary>
/// A compliance self-assessment through the pages, on each database: sending to two units, answering (drafts,
/// submitting, refusals), the roll-up checked against numbers worked out by hand, and gaps made measures once.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class SelfAssessmentTests(TillitApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task Answers_roll_up_per_unit_and_for_the_organisation_and_only_the_recipient_answers()
    {
        var org = await app.Seed.CreateOrganisationAsync("sa" + Guid.NewGuid().ToString("N")[..8], [Role.SecurityOfficer, Role.Manager, Role.Employee]);
        var sectionManager = await ManagerOfSectionAsync(org);
        var officer = await app.SessionAsync(org, Role.SecurityOfficer);

        // Bad input: a deadline that has passed is refused and nothing is sent.
        var refused = await officer.PostFormAsync("/self-assessments/new", SendFields(org, Today.AddDays(-1)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Sista svarsdag måste vara efter i dag", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.Seed.WithDbAsync(org.Id, db => db.Questionnaires.CountAsync()));

        // Sent to the department and the section, on the three development requirements: two forms of three questions.
        var id = await SendAsync(officer, org);
        var forms = await FormsAsync(org, id);
        Assert.Equal(2, forms.Count);
        var (department, section) = (forms[org.UnitId], forms[org.SectionUnitId]);
        var requirements = await app.Seed.WithDbAsync(org.Id, db => db.QuestionnaireAnswers.Where(a => a.ResponseId == department)
            .Join(db.Requirements, a => a.RequirementId, r => r.Id, (a, r) => new { r.Id, r.Code }).OrderBy(r => r.Code).Select(r => r.Id).ToListAsync());
        Assert.Equal(3, requirements.Count);
        var (r1, r2, r3) = (requirements[0], requirements[1], requirements[2]);

        // Only the recipient (or the security officer) answers: the employee and the other unit's manager are refused, nothing changes.
        var manager = await app.SessionAsync(org, Role.Manager);
        var employee = await app.SessionAsync(org, Role.Employee);
        var other = await app.SignInAsync(sectionManager);
        foreach (var stranger in new[] { employee, other })
        {
            Assert.NotEqual(HttpStatusCode.OK, (await stranger.GetAsync($"/self-assessments/responses/{department}")).StatusCode);
            var attempt = await stranger.PostFormAsync($"/self-assessments/responses/{department}?handler=submit", Answers((r1, "Met"), (r2, "Met"), (r3, "Met")), tokenFrom: "/self-assessments/mine");
            Assert.NotEqual(HttpStatusCode.OK, attempt.StatusCode);
            Assert.StartsWith("/account/access-denied", Browser.RedirectTarget(attempt), StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.Seed.WithDbAsync(org.Id, db => db.QuestionnaireAnswers.CountAsync(a => a.ResponseId == department && a.Status != null)));
        Assert.DoesNotContain($"/self-assessments/responses/{department}", (await other.GetPageAsync("/self-assessments/mine")).Body, StringComparison.Ordinal);
        Assert.Contains($"/self-assessments/responses/{department}", (await manager.GetPageAsync("/self-assessments/mine")).Body, StringComparison.Ordinal);

        // The department's manager saves a draft, cannot submit with a question unanswered, then submits; the form is then locked.
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync($"/self-assessments/responses/{department}", Answers((r1, "Met"), (r2, "PartlyMet")), tokenFrom: $"/self-assessments/responses/{department}")).StatusCode);
        var incomplete = await manager.PostFormAsync($"/self-assessments/responses/{department}?handler=submit", Answers((r1, "Met"), (r2, "PartlyMet")), tokenFrom: $"/self-assessments/responses/{department}");
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("Besvara alla krav innan du skickar in", await incomplete.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync($"/self-assessments/responses/{department}?handler=submit", Answers((r1, "Met"), (r2, "PartlyMet"), (r3, "NotApplicable")), tokenFrom: $"/self-assessments/responses/{department}")).StatusCode);
        var late = await manager.PostFormAsync($"/self-assessments/responses/{department}", Answers((r1, "NotMet"), (r2, "NotMet"), (r3, "NotMet")), tokenFrom: "/self-assessments/mine");
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Equal(1, await app.Seed.WithDbAsync(org.Id, db => db.QuestionnaireAnswers.CountAsync(a => a.ResponseId == department && a.Status == AssessmentStatus.NotApplicable)));

        // The section's draft does not count yet: department met 1, partly 1, not applicable 1 → 1 / (1 + 1) = 50 %.
        Assert.Equal(HttpStatusCode.Redirect, (await other.PostFormAsync($"/self-assessments/responses/{section}", Answers((r1, "Met"), (r2, "NotMet"), (r3, "Met")), tokenFrom: $"/self-assessments/responses/{section}")).StatusCode);
        var page = await RollUpAsync(officer, id);
        Assert.Equal("1,1,0,1;50", Counts(page, "unit-" + org.UnitId));
        Assert.Equal("0,0,0,0;-", Counts(page, "unit-" + org.SectionUnitId));
        Assert.Equal("1,1,0,1;50", Counts(page, "organisation-total"));

        // Submitted: section met 2, not met 1 → 2/3 = 67 %; the organisation met 3, partly 1, not met 1, n/a 1 → 3/5 = 60 %.
        Assert.Equal(HttpStatusCode.Redirect, (await other.PostFormAsync($"/self-assessments/responses/{section}?handler=submit", Answers((r1, "Met"), (r2, "NotMet"), (r3, "Met")), tokenFrom: $"/self-assessments/responses/{section}")).StatusCode);
        page = await RollUpAsync(officer, id);
        Assert.Equal("1,1,0,1;50", Counts(page, "unit-" + org.UnitId));
        Assert.Equal("2,0,1,0;67", Counts(page, "unit-" + org.SectionUnitId));
        Assert.Equal("3,1,1,1;60", Counts(page, "organisation-total"));

        // Per requirement: UTV-01 met twice (100 %), UTV-02 partly and not met (0 %), UTV-03 met and n/a (1/1 = 100 %).
        Assert.Equal("2,0,0,0;100", Counts(page, "requirement-UTV-01"));
        Assert.Equal("0,1,1,0;0", Counts(page, "requirement-UTV-02"));
        Assert.Equal("1,0,0,1;100", Counts(page, "requirement-UTV-03"));

        // Every change is in the audit trail, by whoever made it.
        Assert.True(await app.Seed.WithDbAsync(org.Id, db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.Update && e.RecordType == "QuestionnaireResponse" && e.RecordId == department.ToString("D") && e.ActorPersonId == org.Accounts[Role.Manager].PersonId)));
        Assert.True(await app.Seed.WithDbAsync(org.Id, db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.Read && e.RecordType == "Questionnaire" && e.RecordId == id.ToString("D"))));
    }

    [Fact]
    public async Task A_gap_becomes_one_measure_linked_to_the_answer()
    {
        var org = await app.Seed.CreateOrganisationAsync("sg" + Guid.NewGuid().ToString("N")[..8], [Role.SecurityOfficer, Role.Manager]);
        var officer = await app.SessionAsync(org, Role.SecurityOfficer);
        var manager = await app.SessionAsync(org, Role.Manager);
        var id = await SendAsync(officer, org, org.UnitId);
        var form = (await FormsAsync(org, id))[org.UnitId];
        var answers = await app.Seed.WithDbAsync(org.Id, db => db.QuestionnaireAnswers.Where(a => a.ResponseId == form)
            .Join(db.Requirements, a => a.RequirementId, r => r.Id, (a, r) => new { a.Id, a.RequirementId, r.Code }).OrderBy(a => a.Code).ToListAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync($"/self-assessments/responses/{form}?handler=submit", Answers((answers[0].RequirementId, "Met"), (answers[1].RequirementId, "NotMet"), (answers[2].RequirementId, "PartlyMet")), tokenFrom: $"/self-assessments/responses/{form}")).StatusCode);
        var (met, notMet) = (answers[0].Id, answers[1].Id);

        // Only the security officer makes measures; a met answer is no gap.
        Assert.NotEqual(HttpStatusCode.OK, (await manager.PostFormAsync($"/self-assessments/{id}?handler=measure", [new("answerId", notMet.ToString())], tokenFrom: "/self-assessments/mine")).StatusCode);
        var noGap = await officer.PostFormAsync($"/self-assessments/{id}?handler=measure", [new("answerId", met.ToString())], tokenFrom: $"/self-assessments/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, noGap.StatusCode);

        var made = await officer.PostFormAsync($"/self-assessments/{id}?handler=measure", [new("answerId", notMet.ToString())], tokenFrom: $"/self-assessments/{id}");
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var measureId = Guid.Parse(Browser.RedirectTarget(made)!.Split('/').Last());
        var measure = await app.Seed.WithDbAsync(org.Id, db => db.Measures.SingleAsync(m => m.Id == measureId));
        Assert.Equal(MeasureOrigin.SelfAssessment, measure.Origin);
        Assert.Equal(notMet, measure.OriginId);
        Assert.Equal(org.UnitId, measure.UnitId);
        Assert.Equal(org.Accounts[Role.Manager].PersonId, measure.OwnerId);
        Assert.Equal(Today.AddDays(90), measure.DueDate);
        Assert.Equal(measureId, await app.Seed.WithDbAsync(org.Id, db => db.QuestionnaireAnswers.Where(a => a.Id == notMet).Select(a => a.MeasureId).SingleAsync()));
        Assert.Contains("<span id=\"measure-questionnaire\">Självskattning utveckling</span>", (await officer.GetPageAsync($"/measures/{measureId}")).Body, StringComparison.Ordinal);

        // A second time is refused: still one measure, and the roll-up links to it instead of offering the button.
        var twice = await officer.PostFormAsync($"/self-assessments/{id}?handler=measure", [new("answerId", notMet.ToString())], tokenFrom: $"/self-assessments/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("En åtgärd finns redan för det här svaret", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.Seed.WithDbAsync(org.Id, db => db.Measures.CountAsync(m => m.Origin == MeasureOrigin.SelfAssessment && m.OriginId == notMet)));
        Assert.Contains($"/measures/{measureId}", await RollUpAsync(officer, id), StringComparison.Ordinal);
    }

    private async Task<TestAccount> ManagerOfSectionAsync(TestOrganisation org)
    {
        var account = await app.Seed.CreateAccountAsync(org, null, false);
        await app.Seed.WithDbAsync(org.Id, async db =>
        {
            db.RoleAssignments.Add(new RoleAssignment(org.Id, account.PersonId, Role.Manager, ScopeKind.Unit, org.SectionUnitId, null, "TEST sektion", Today.AddDays(-1), null));
            return await db.SaveChangesAsync();
        });
        return account;
    }

    private static List<KeyValuePair<string, string>> SendFields(TestOrganisation org, DateOnly due, params Guid[] units)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("DocumentId", org.GuidelineId.ToString()),
            new("Title", "Självskattning utveckling"),
            new("Areas", nameof(RequirementArea.Development)),
            new("Recipients", nameof(QuestionnaireRecipients.Units)),
            new("DueDate", due.ToString("yyyy-MM-dd")),
        };
        fields.AddRange((units.Length == 0 ? [org.UnitId, org.SectionUnitId] : units).Select(u => new KeyValuePair<string, string>("UnitIds", u.ToString())));
        return fields;
    }

    private static async Task<Guid> SendAsync(Browser officer, TestOrganisation org, params Guid[] units)
    {
        var sent = await officer.PostFormAsync("/self-assessments/new", SendFields(org, Today.AddDays(20), units), tokenFrom: "/self-assessments/new");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        return Guid.Parse(Browser.RedirectTarget(sent)!.Split('/').Last());
    }

    private async Task<Dictionary<Guid, Guid>> FormsAsync(TestOrganisation org, Guid questionnaireId) =>
        await app.Seed.WithDbAsync(org.Id, db => db.QuestionnaireResponses.Where(r => r.QuestionnaireId == questionnaireId).ToDictionaryAsync(r => r.UnitId, r => r.Id));

    private static List<KeyValuePair<string, string>> Answers(params (Guid Requirement, string Status)[] answers) =>
        [.. answers.SelectMany((a, i) => new KeyValuePair<string, string>[]
        {
            new($"Answers[{i}].RequirementId", a.Requirement.ToString()),
            new($"Answers[{i}].Status", a.Status),
            new($"Answers[{i}].Comment", "Kommentar " + i),
        })];

    private static async Task<string> RollUpAsync(Browser officer, Guid id)
    {
        var (response, body) = await officer.GetPageAsync($"/self-assessments/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body;
    }

    private static string Counts(string html, string rowId)
    {
        var match = Regex.Match(html, $"id=\"{Regex.Escape(rowId)}\" data-counts=\"([^\"]*)\"");
        Assert.True(match.Success, $"No row {rowId} in the roll-up.");
        return match.Groups[1].Value;
    }
}
