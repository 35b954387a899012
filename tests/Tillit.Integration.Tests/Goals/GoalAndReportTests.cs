using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tillit.Domain.Access;
using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests.Goals;

[Collection(AppCollection.Name)]
public sealed class GoalAndReportTests(TillitApp app)
{
    private static readonly int Year = TimeProvider.System.GetUtcNow().Year;

    [Fact]
    public async Task A_yearly_goal_is_followed_up_and_copied_once_into_the_next_year_where_it_sets_the_indicator_target()
    {
        var org = await app.Seed.CreateOrganisationAsync("goal1", [Role.SecurityOfficer, Role.Employee]);
        var officer = await app.ApiAsync(org, Role.SecurityOfficer);
        var employee = await app.ApiAsync(org, Role.Employee);
        var overview = await JsonAsync(officer, "/api/v1/goals?year=2030");
        Assert.Equal(10, overview.GetProperty("goals").GetArrayLength());
        var longTerm = overview.GetProperty("goals")[0].GetProperty("id").GetGuid();
        var owner = org.Accounts[Role.Employee].PersonId;

        var body = $$"""{"longTermGoalId":"{{longTerm}}","year":2030,"title":"Alla bekräftar policyn","target":"Minst 80 %","ownerId":"{{owner}}","indicatorKey":"staff-confirmed","targetValue":80}""";
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.SendJsonAsync(HttpMethod.Post, "/api/v1/goals", body)).StatusCode);
        var created = await officer.SendJsonAsync(HttpMethod.Post, "/api/v1/goals", body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, Calls.Describe(created) + await created.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        // Bad input: an unknown indicator and a target value without one; nothing is written.
        var bad = await officer.SendJsonAsync(HttpMethod.Post, "/api/v1/goals", $$"""{"longTermGoalId":"{{longTerm}}","year":2030,"title":"x","target":"y","ownerId":"{{owner}}","indicatorKey":"no-such","targetValue":5}""");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("ingen sådan indikator", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Follow-up: at risk needs a comment; a stale version is a conflict.
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.SendJsonAsync(HttpMethod.Post, $"/api/v1/goals/{id}/follow-up", """{"status":"AtRisk","version":0}""")).StatusCode);
        var followed = await officer.SendJsonAsync(HttpMethod.Post, $"/api/v1/goals/{id}/follow-up", """{"status":"AtRisk","followUp":"Kampanjen är sen","version":0}""");
        Assert.True(followed.StatusCode == HttpStatusCode.NoContent, Calls.Describe(followed) + await followed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await officer.SendJsonAsync(HttpMethod.Post, $"/api/v1/goals/{id}/follow-up", """{"status":"Met","version":0}""")).StatusCode);

        // The indicator's target of 2030 comes from the goal.
        var indicators = await JsonAsync(officer, "/api/v1/indicators?year=2030");
        var staff = indicators.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("definition").GetProperty("key").GetString() == "staff-confirmed");
        Assert.Equal(80m, staff.GetProperty("target").GetDecimal());

        // Copy 2030 into 2031: planned again, same owner and target; a second copy is refused.
        var copied = await officer.SendJsonAsync(HttpMethod.Post, "/api/v1/goals/copy", """{"fromYear":2030}""");
        Assert.True(copied.StatusCode == HttpStatusCode.OK, Calls.Describe(copied));
        Assert.Equal(1, JsonDocument.Parse(await copied.Content.ReadAsStringAsync()).RootElement.GetProperty("copied").GetInt32());
        var again = await officer.SendJsonAsync(HttpMethod.Post, "/api/v1/goals/copy", """{"fromYear":2030}""");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("2031 har redan årsmål", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var next = (await JsonAsync(officer, "/api/v1/goals?year=2031")).GetProperty("goals")[0].GetProperty("yearly").EnumerateArray().Single();
        Assert.Equal(("Alla bekräftar policyn", "Planned", owner, 80m), (next.GetProperty("title").GetString(), next.GetProperty("status").GetString(), next.GetProperty("ownerId").GetGuid(), next.GetProperty("targetValue").GetDecimal()));

        // The goals page shows the year's goal to an employee, without the edit link.
        var (page, html) = await (await app.SessionAsync(org, Role.Employee)).GetPageAsync("/goals?year=2031");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Alla bekräftar policyn", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/edit\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_yearly_report_keeps_its_figures_opens_as_Word_and_once_noted_by_the_board_does_not_change()
    {
        var org = await app.Seed.CreateOrganisationAsync("rep1", [Role.SecurityOfficer, Role.BoardMember]);
        var officer = await app.ApiAsync(org, Role.SecurityOfficer);
        var board = await app.ApiAsync(org, Role.BoardMember);
        Assert.Equal(HttpStatusCode.Forbidden, (await board.SendJsonAsync(HttpMethod.Post, "/api/v1/reports", $$"""{"year":{{Year}}}""")).StatusCode);
        var generated = await officer.SendJsonAsync(HttpMethod.Post, "/api/v1/reports", $$"""{"year":{{Year}},"proposals":"Öva kontinuitetsplanerna två gånger."}""");
        Assert.True(generated.StatusCode == HttpStatusCode.Accepted, Calls.Describe(generated) + await generated.Content.ReadAsStringAsync());

        // The generation is a job the background service runs (off in the test host): run it as the service would.
        var job = JsonDocument.Parse(await generated.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        Assert.True(await app.Factory.Services.GetRequiredService<Tillit.Web.Features.Reports.YearlyReportJobs>().RunAsync(job, org.Id, CancellationToken.None));

        // The kept snapshot holds today's figure: the seed's one system without an owner, 0 of 1.
        var report = await JsonAsync(board, $"/api/v1/reports/{Year}");
        Assert.Equal("Öva kontinuitetsplanerna två gånger.", report.GetProperty("proposals").GetString());
        var kept = JsonDocument.Parse(await app.Seed.WithDbAsync(org.Id, db => db.YearlyReports.Select(r => r.Snapshot).SingleAsync())).RootElement;
        var owners = kept.EnumerateArray().Single(m => m.GetProperty("key").GetString() == "systems-with-owner");
        Assert.Equal((0, 1), (owners.GetProperty("numerator").GetInt32(), owners.GetProperty("denominator").GetInt32()));

        // The board reads figures only: no incident description anywhere in the report or the indicators.
        var incident = await app.Seed.WithDbAsync(org.Id, db => db.Incidents.Select(i => i.Description).SingleAsync());
        Assert.DoesNotContain(incident, report.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(incident, (await JsonAsync(board, $"/api/v1/indicators?year={Year}")).ToString(), StringComparison.Ordinal);
        var boardSession = await app.SessionAsync(org, Role.BoardMember);
        var (start, startHtml) = await boardSession.GetPageAsync("/");
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.DoesNotContain(incident, startHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"/reports\"", startHtml, StringComparison.Ordinal);

        // The Word file opens and holds the indicators and the proposals.
        var docx = await boardSession.GetAsync($"/reports/{Year}?handler=docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = word.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("System med utsedd systemägare", text, StringComparison.Ordinal);
            Assert.Contains("Uppfyllda krav", text, StringComparison.Ordinal);
            Assert.Contains("Öva kontinuitetsplanerna två gånger.", text, StringComparison.Ordinal);
            Assert.DoesNotContain(incident, text, StringComparison.Ordinal);
        }

        // Risks appear as counts per band only: the seed's approved analysis has one risk at medel after measures.
        var (_, reportHtml) = await boardSession.GetPageAsync($"/reports/{Year}");
        Assert.Contains("nivå efter åtgärder: Låg 0, Medel 1, Hög 0, Extremt hög 0", reportHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("ett konto kapas", reportHtml, StringComparison.Ordinal);

        // The PDF opens, is tagged in Swedish with the report's title, and holds the goal and indicator tables.
        var pdfResponse = await boardSession.GetAsync($"/reports/{Year}?handler=pdf");
        Assert.Equal(HttpStatusCode.OK, pdfResponse.StatusCode);
        Assert.Equal("application/pdf", pdfResponse.Content.Headers.ContentType?.MediaType);
        using (var pdf = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(await pdfResponse.Content.ReadAsByteArrayAsync()), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import))
        {
            Assert.Equal($"Årsrapport informationssäkerhet {Year}", pdf.Info.Title);
            Assert.Equal("sv-SE", pdf.Internals.Catalog.Elements.GetString("/Lang"));
            var tags = PdfStructure.Tags(pdf);
            Assert.True(tags.Count(t => t == "/Table") >= 2, "the goals and the indicators are tables: " + string.Join(" ", tags.Distinct()));
            Assert.Contains("/H2", tags);
        }

        // The board takes note; the decision is recorded and the report no longer changes.
        var version = report.GetProperty("version").GetInt32();
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.SendJsonAsync(HttpMethod.Post, $"/api/v1/reports/{Year}/note", $$"""{"body":"Kommunstyrelsen","on":"{{today}}","version":{{version}}}""")).StatusCode);
        var noted = await officer.SendJsonAsync(HttpMethod.Post, $"/api/v1/reports/{Year}/note", $$"""{"body":"Kommunstyrelsen","on":"{{today}}","reference":"KS § 42","version":{{version}}}""");
        Assert.True(noted.StatusCode == HttpStatusCode.NoContent, Calls.Describe(noted) + await noted.Content.ReadAsStringAsync());
        var list = await JsonAsync(board, "/api/v1/reports");
        Assert.Equal("KS § 42", list[0].GetProperty("notedReference").GetString());
        var regenerated = await officer.SendJsonAsync(HttpMethod.Post, "/api/v1/reports", $$"""{"year":{{Year}},"proposals":"Nytt"}""");
        Assert.Equal(HttpStatusCode.BadRequest, regenerated.StatusCode);
        Assert.Equal("Öva kontinuitetsplanerna två gånger.", (await JsonAsync(board, $"/api/v1/reports/{Year}")).GetProperty("proposals").GetString());
    }

    private static async Task<JsonElement> JsonAsync(Browser api, string url)
    {
        var response = await api.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {Calls.Describe(response)}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
