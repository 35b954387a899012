using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tillit.Data.Audit;
using Tillit.Domain.Access;
using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests.Delegations;

[Collection(AppCollection.Name)]
public sealed class DelegationTests(TillitApp app)
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task A_person_the_director_delegates_to_appoints_system_owners_until_the_delegation_ends()
    {
        var director = await app.ApiAsync(app.A, Role.MunicipalDirector);
        var delegate_ = await app.Seed.CreateAccountAsync(app.A, Role.Employee, false);
        var asDelegate = new Browser(app.Factory.CreateRawClient()) { BearerToken = await app.Seed.CreateTokenAsync(delegate_) };
        var system = await NewSystemAsync();
        var owner = await app.Seed.CreateAccountAsync(app.A, null, false);
        var appoint = $$"""{"personId":"{{owner.PersonId}}","decisionReference":"KD 2026/7"}""";

        Assert.Equal(HttpStatusCode.Forbidden, (await asDelegate.SendJsonAsync(HttpMethod.Post, $"/api/v1/systems/{system}/owner", appoint)).StatusCode);

        var created = await director.SendJsonAsync(HttpMethod.Post, "/api/v1/delegations", $$"""{"kind":"AppointSystemOwners","personId":"{{delegate_.PersonId}}","decisionReference":"KD 2026/5","validFrom":"{{Day(Today.AddDays(-10))}}"}""");
        Assert.True(created.StatusCode == HttpStatusCode.Created, Calls.Describe(created));
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        var appointed = await asDelegate.SendJsonAsync(HttpMethod.Post, $"/api/v1/systems/{system}/owner", appoint);
        Assert.True(appointed.StatusCode == HttpStatusCode.Created, Calls.Describe(appointed));

        // Ended yesterday: the delegate may no longer appoint, and the delegation stays as history.
        var row = await GetAsync(director, $"/api/v1/delegations/{id}");
        Assert.Equal("AppointSystemOwners", row.GetProperty("kind").GetString());
        Assert.True(row.GetProperty("isActive").GetBoolean());
        var ended = await director.SendJsonAsync(HttpMethod.Post, $"/api/v1/delegations/{id}/end", $$"""{"lastDay":"{{Day(Today.AddDays(-1))}}","version":{{row.GetProperty("version").GetInt32()}}}""");
        Assert.True(ended.StatusCode == HttpStatusCode.NoContent, Calls.Describe(ended));
        Assert.False((await GetAsync(director, $"/api/v1/delegations/{id}")).GetProperty("isActive").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await asDelegate.SendJsonAsync(HttpMethod.Post, $"/api/v1/systems/{system}/owner", appoint)).StatusCode);

        // Both the recording and the ending are in the audit trail.
        var events = await app.Seed.WithDbAsync(app.A.Id, db => db.AuditEvents.AsNoTracking().Where(e => e.RecordId == id.ToString("D")).Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditActions.Create, events);
        Assert.Contains(AuditActions.Update, events);
    }

    [Fact]
    public async Task Bad_overlapping_and_stale_delegations_are_refused_and_change_nothing()
    {
        var director = await app.ApiAsync(app.A, Role.MunicipalDirector);
        var person = await app.Seed.CreateAccountAsync(app.A, null, false);
        var before = (await ListAsync(director)).Count;

        var bad = await director.SendJsonAsync(HttpMethod.Post, "/api/v1/delegations", $$"""{"personId":"{{person.PersonId}}","decisionReference":"","validFrom":"{{Day(Today)}}","validTo":"{{Day(Today.AddDays(-1))}}"}""");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var text = await bad.Content.ReadAsStringAsync();
        foreach (var field in new[] { "\"kind\"", "\"decisionReference\"", "\"validTo\"" })
        {
            Assert.Contains(field, text, StringComparison.Ordinal);
        }

        var body = $$"""{"kind":"DecideForDirector","personId":"{{person.PersonId}}","decisionReference":"KD 2026/8"}""";
        var first = await director.SendJsonAsync(HttpMethod.Post, "/api/v1/delegations", body);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var again = await director.SendJsonAsync(HttpMethod.Post, "/api/v1/delegations", body);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("samma slag", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before + 1, (await ListAsync(director)).Count);

        var id = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var version = (await GetAsync(director, $"/api/v1/delegations/{id}")).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await director.SendJsonAsync(HttpMethod.Post, $"/api/v1/delegations/{id}/end", $$"""{"lastDay":"{{Day(Today.AddDays(5))}}","version":{{version}}}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await director.SendJsonAsync(HttpMethod.Post, $"/api/v1/delegations/{id}/end", $$"""{"lastDay":"{{Day(Today.AddDays(3))}}","version":{{version}}}""")).StatusCode);
        Assert.Equal(Day(Today.AddDays(5)), (await GetAsync(director, $"/api/v1/delegations/{id}")).GetProperty("validTo").GetString());

        // The security officer sees the delegations but records none.
        var officer = await app.ApiAsync(app.A, Role.SecurityOfficer);
        Assert.Equal(before + 1, (await ListAsync(officer)).Count);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.SendJsonAsync(HttpMethod.Post, "/api/v1/delegations", body.Replace("KD 2026/8", "KD 2026/9", StringComparison.Ordinal))).StatusCode);
    }

    [Fact]
    public async Task The_director_records_and_ends_a_delegation_on_the_pages()
    {
        var director = await app.SessionAsync(app.A, Role.MunicipalDirector);
        var person = await app.Seed.CreateAccountAsync(app.A, null, false);
        var (search, found) = await director.GetPageAsync("/delegations/new?q=" + Uri.EscapeDataString(person.Email));
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Contains($"/delegations/new?person={person.PersonId}", found, StringComparison.Ordinal);

        var refused = await director.PostFormAsync("/delegations/new", ("Input.PersonId", person.PersonId.ToString()), ("Input.Kind", "EnterBoardDecisions"), ("Input.DecisionReference", ""));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Fältet måste fyllas i", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await director.PostFormAsync("/delegations/new", ("Input.PersonId", person.PersonId.ToString()), ("Input.Kind", "EnterBoardDecisions"), ("Input.DecisionReference", "KS 2026/§ 41"), ("Input.ValidFrom", Day(Today)));
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, Calls.Describe(saved));
        var (_, list) = await director.GetPageAsync("/delegations");
        Assert.Contains("KS 2026/§ 41", list, StringComparison.Ordinal);
        Assert.Contains("Föra in beslut av fullmäktige och styrelse (sekreterare)", list, StringComparison.Ordinal);

        var id = (await ListAsync(await app.ApiAsync(app.A, Role.MunicipalDirector))).Single(r => r.GetProperty("decisionReference").GetString() == "KS 2026/§ 41").GetProperty("id").GetGuid();
        var (endPage, endBody) = await director.GetPageAsync($"/delegations/{id}/end");
        Assert.Equal(HttpStatusCode.OK, endPage.StatusCode);
        var version = System.Text.RegularExpressions.Regex.Match(endBody, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        var ended = await director.PostFormAsync($"/delegations/{id}/end", ("Input.LastDay", Day(Today)), ("Input.Version", version));
        Assert.True(ended.StatusCode == HttpStatusCode.Redirect, Calls.Describe(ended));
    }

    private async Task<Guid> NewSystemAsync()
    {
        var response = await (await app.ApiAsync(app.A, Role.SecurityOfficer)).SendJsonAsync(HttpMethod.Post, "/api/v1/systems", $$"""{"name":"Delegerat system {{Guid.NewGuid().ToString("N")[..6]}}","purpose":"Test","unitId":"{{app.A.UnitId}}","form":"Automated","hosting":"Cloud","lifecycle":"InUse"}""");
        Assert.True(response.StatusCode == HttpStatusCode.Created, Calls.Describe(response));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<List<JsonElement>> ListAsync(Browser api) =>
        [.. (await GetAsync(api, "/api/v1/delegations")).EnumerateArray()];

    private static async Task<JsonElement> GetAsync(Browser browser, string url)
    {
        var response = await browser.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
