using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tillit.Data.Audit;
using Tillit.Domain.Access;
using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests.Documents;

[Collection(AppCollection.Name)]
public sealed class DeviationTests(TillitApp app)
{
    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_unit_asks_the_security_officer_assesses_and_only_then_the_director_decides()
    {
        var manager = await app.ApiAsync(app.A, Role.Manager);
        var officer = await app.ApiAsync(app.A, Role.SecurityOfficer);
        var director = await app.ApiAsync(app.A, Role.MunicipalDirector);
        var id = await RequestAsync(manager, app.A.UnitId, Today.AddMonths(3));

        // The director cannot decide before the assessment; nothing changes.
        var early = await director.SendJsonAsync(HttpMethod.Post, $"/api/v1/deviations/{id}/decide", $$"""{"approve":true,"decisionReference":"KD 2026/40","version":{{await VersionAsync(director, id)}}}""");
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("måste bedömas", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Requested", (await GetAsync(director, $"/api/v1/deviations/{id}")).GetProperty("status").GetString());

        // The manager may neither assess nor decide.
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.SendJsonAsync(HttpMethod.Post, $"/api/v1/deviations/{id}/assess", """{"recommend":true,"assessment":"x","version":0}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.SendJsonAsync(HttpMethod.Post, $"/api/v1/deviations/{id}/decide", """{"approve":true,"decisionReference":"x","version":0}""")).StatusCode);

        var assessed = await officer.SendJsonAsync(HttpMethod.Post, $"/api/v1/deviations/{id}/assess", $$"""{"recommend":true,"assessment":"Låg risk med låsta rum","version":{{await VersionAsync(officer, id)}}}""");
        Assert.True(assessed.StatusCode == HttpStatusCode.NoContent, Calls.Describe(assessed));
        var decided = await director.SendJsonAsync(HttpMethod.Post, $"/api/v1/deviations/{id}/decide", $$"""{"approve":true,"decisionReference":"KD 2026/41","version":{{await VersionAsync(director, id)}}}""");
        Assert.True(decided.StatusCode == HttpStatusCode.NoContent, Calls.Describe(decided));

        var details = await GetAsync(manager, $"/api/v1/deviations/{id}");
        Assert.Equal("Approved", details.GetProperty("status").GetString());
        Assert.Equal("KD 2026/41", details.GetProperty("decisionReference").GetString());
        Assert.True(details.GetProperty("recommended").GetBoolean());
    }

    [Fact]
    public async Task An_approved_deviation_past_its_expiry_is_a_gap_on_the_start_page_until_it_is_ended()
    {
        var officer = await app.ApiAsync(app.A, Role.SecurityOfficer);
        var director = await app.ApiAsync(app.A, Role.MunicipalDirector);
        var id = await RequestAsync(officer, app.A.SectionUnitId, Today.AddDays(2));
        await officer.SendJsonAsync(HttpMethod.Post, $"/api/v1/deviations/{id}/assess", $$"""{"recommend":false,"assessment":"Bör lösas på annat sätt","version":{{await VersionAsync(officer, id)}}}""");
        await director.SendJsonAsync(HttpMethod.Post, $"/api/v1/deviations/{id}/decide", $$"""{"approve":true,"decisionReference":"KD 2026/42","comment":"Kort tid","version":{{await VersionAsync(director, id)}}}""");

        // The expiry passes (moved back in the database, as time would).
        await app.Seed.WithDbAsync(app.A.Id, db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Deviations\" SET \"ExpiresOn\" = {Today.AddDays(-1)} WHERE \"Id\" = {id}"));
        var expired = (await GetAsync(officer, "/api/v1/deviations?expired=true&pageSize=200")).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(id, expired);
        var (_, start) = await (await app.SessionAsync(app.A, Role.SecurityOfficer)).GetPageAsync("/");
        Assert.Contains($"<a href=\"/deviations?expired=true\">{expired.Count} beviljade avsteg har gått ut</a>", start, StringComparison.Ordinal);

        var ended = await director.SendJsonAsync(HttpMethod.Post, $"/api/v1/deviations/{id}/end", $$"""{"version":{{await VersionAsync(director, id)}}}""");
        Assert.True(ended.StatusCode == HttpStatusCode.NoContent, Calls.Describe(ended));
        Assert.DoesNotContain(id, (await GetAsync(officer, "/api/v1/deviations?expired=true&pageSize=200")).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task A_deviation_is_protected_employees_see_none_and_every_read_is_audited()
    {
        var officer = await app.ApiAsync(app.A, Role.SecurityOfficer);
        var employee = await app.ApiAsync(app.A, Role.Employee);
        var id = await RequestAsync(officer, app.A.UnitId, Today.AddMonths(1));
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"/api/v1/deviations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/api/v1/deviations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsync(app.B, Role.SecurityOfficer)).GetAsync($"/api/v1/deviations/{id}")).StatusCode);

        await GetAsync(officer, $"/api/v1/deviations/{id}");
        var reads = await app.Seed.WithDbAsync(app.A.Id, db => db.AuditEvents.AsNoTracking().CountAsync(e => e.Action == AuditActions.Read && e.RecordType == "Deviation" && e.RecordId == id.ToString("D")));
        Assert.True(reads >= 1, "the read of the deviation is not in the audit trail");
    }

    [Fact]
    public async Task A_bad_request_names_each_field_and_writes_nothing_and_a_manager_asks_only_for_their_units()
    {
        var manager = await app.ApiAsync(app.A, Role.Manager);
        var before = (await GetAsync(manager, "/api/v1/deviations?pageSize=1")).GetProperty("total").GetInt32();
        var bad = await manager.SendJsonAsync(HttpMethod.Post, "/api/v1/deviations", $$"""{"documentId":"{{app.A.DocumentId}}","unitId":"{{app.A.UnitId}}","requirement":"","reason":" ","expiresOn":"{{Day(Today.AddYears(4))}}"}""");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var text = await bad.Content.ReadAsStringAsync();
        foreach (var field in new[] { "\"documentId\"", "\"requirement\"", "\"reason\"" })
        {
            Assert.Contains(field, text, StringComparison.Ordinal);
        }

        var tooLong = await manager.SendJsonAsync(HttpMethod.Post, "/api/v1/deviations", Body(app.A.UnitId, Today.AddYears(4)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("högst 3 år", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The root unit lies outside the manager's scope (the department).
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.SendJsonAsync(HttpMethod.Post, "/api/v1/deviations", Body(app.A.RootUnitId, Today.AddMonths(1)))).StatusCode);
        Assert.Equal(before, (await GetAsync(manager, "/api/v1/deviations?pageSize=1")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_manager_applies_and_the_security_officer_assesses_on_the_pages()
    {
        var manager = await app.SessionAsync(app.A, Role.Manager);
        var (form, _) = await manager.GetPageAsync("/deviations/new");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var empty = await manager.PostFormAsync("/deviations/new", ("Input.Requirement", ""));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Fältet måste fyllas i", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await manager.PostFormAsync("/deviations/new", ("Input.DocumentId", app.A.GuidelineId.ToString()), ("Input.UnitId", app.A.UnitId.ToString()), ("Input.Requirement", "Punkt 4: kryptera USB-minnen"), ("Input.Reason", "Mätutrustningen kan inte läsa krypterade minnen"), ("Input.ExpiresOn", Day(Today.AddMonths(2))));
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, Calls.Describe(saved));
        var location = saved.Headers.Location!.ToString();

        var officer = await app.SessionAsync(app.A, Role.SecurityOfficer);
        var (page, body) = await officer.GetPageAsync(location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Punkt 4: kryptera USB-minnen", body, StringComparison.Ordinal);
        var version = System.Text.RegularExpressions.Regex.Match(body, "name=\"Assess.Version\" value=\"(\\d+)\"").Groups[1].Value;
        var assessed = await officer.PostFormAsync(location + "?handler=assess", ("Assess.Version", version), ("Assess.Recommend", "true"), ("Assess.Assessment", "Godtagbart under två månader"));
        Assert.True(assessed.StatusCode == HttpStatusCode.Redirect, Calls.Describe(assessed));
        var (_, after) = await officer.GetPageAsync(location);
        Assert.Contains("Tillstyrker", after, StringComparison.Ordinal);
    }

    private string Body(Guid unitId, DateOnly expires) =>
        $$"""{"documentId":"{{app.A.GuidelineId}}","unitId":"{{unitId}}","requirement":"Punkt 1: lösenordsbyte","reason":"Systemet saknar stöd","compensatingMeasures":"Tvåfaktor","expiresOn":"{{Day(expires)}}"}""";

    private async Task<Guid> RequestAsync(Browser api, Guid unitId, DateOnly expires)
    {
        var response = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/deviations", Body(unitId, expires));
        Assert.True(response.StatusCode == HttpStatusCode.Created, Calls.Describe(response));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<int> VersionAsync(Browser api, Guid id) =>
        (await GetAsync(api, $"/api/v1/deviations/{id}")).GetProperty("version").GetInt32();

    private static async Task<JsonElement> GetAsync(Browser browser, string url)
    {
        var response = await browser.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
