using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tillit.Data.Audit;
using Tillit.Domain.Access;
using Tillit.Domain.Register;
using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests.Register;

/// <summary>The register's rules through the API (the pages call the same handlers), on each database.</summary>
[Collection(AppCollection.Name)]
public sealed class RegisterTests(TillitApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Only_the_municipal_director_or_a_delegate_appoints_a_system_owner_and_the_history_stays()
    {
        var systemId = await NewSystemAsync("Ekonomisystem");
        var first = await app.Seed.CreateAccountAsync(app.A, null, false);
        var second = await app.Seed.CreateAccountAsync(app.A, null, false);
        var body = $$"""{"personId":"{{first.PersonId}}","decisionReference":"KD 2026/77"}""";

        foreach (var role in new[] { Role.SecurityOfficer, Role.Administrator, Role.SystemOwner, Role.Employee })
        {
            var refused = await (await app.ApiAsync(app.A, role)).SendJsonAsync(HttpMethod.Post, $"/api/v1/systems/{systemId}/owner", body);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var director = await app.ApiAsync(app.A, Role.MunicipalDirector);
        Assert.Equal(HttpStatusCode.Created, (await director.SendJsonAsync(HttpMethod.Post, $"/api/v1/systems/{systemId}/owner", body)).StatusCode);

        // A person the director delegated the appointing to may appoint too; the delegation is itself recorded.
        var delegateAccount = await app.Seed.CreateAccountAsync(app.A, Role.Employee, false);
        var directorPerson = app.A.Accounts[Role.MunicipalDirector].PersonId;
        await app.Seed.WithDbAsync(app.A.Id, async db =>
        {
            db.AppointmentDelegations.Add(new AppointmentDelegation(app.A.Id, delegateAccount.PersonId, directorPerson, "KD 2026/5", Today.AddDays(-1), null));
            return await db.SaveChangesAsync();
        });
        var delegateApi = new Browser(app.Factory.CreateRawClient()) { BearerToken = await app.Seed.CreateTokenAsync(delegateAccount) };
        var byDelegate = await delegateApi.SendJsonAsync(HttpMethod.Post, $"/api/v1/systems/{systemId}/owner", $$"""{"personId":"{{second.PersonId}}","decisionReference":"KD 2026/78"}""");
        Assert.Equal(HttpStatusCode.Created, byDelegate.StatusCode);

        var system = await GetAsync(director, $"/api/v1/systems/{systemId}");
        Assert.Equal(second.PersonId, system.GetProperty("owner").GetProperty("personId").GetGuid());
        var history = system.GetProperty("ownerHistory").EnumerateArray().ToList();
        Assert.Equal(2, history.Count);
        var ended = history.Single(h => h.GetProperty("personId").GetGuid() == first.PersonId);
        Assert.Equal("KD 2026/77", ended.GetProperty("decisionReference").GetString());
        Assert.Equal(directorPerson, ended.GetProperty("appointedById").GetGuid());
        Assert.NotEqual(JsonValueKind.Null, ended.GetProperty("validTo").ValueKind);

        // The appointment is a system-scoped role assignment.
        var assignment = await app.Seed.WithDbAsync(app.A.Id, db => db.RoleAssignments.SingleAsync(a => a.PersonId == second.PersonId));
        Assert.Equal((Role.SystemOwner, ScopeKind.InformationSystem, systemId, delegateAccount.PersonId), (assignment.Role, assignment.ScopeKind, assignment.ScopeId!.Value, assignment.AppointedById!.Value));
    }

    [Fact]
    public async Task An_appointment_without_a_decision_is_refused_and_writes_nothing()
    {
        var systemId = await NewSystemAsync("Lönesystem");
        var person = await app.Seed.CreateAccountAsync(app.A, null, false);
        var response = await (await app.ApiAsync(app.A, Role.MunicipalDirector)).SendJsonAsync(HttpMethod.Post, $"/api/v1/systems/{systemId}/owner", $$"""{"personId":"{{person.PersonId}}"}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("decisionReference", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.Seed.WithDbAsync(app.A.Id, db => db.RoleAssignments.CountAsync(a => a.ScopeId == systemId)));
    }

    [Fact]
    public async Task A_system_owner_classifies_and_edits_only_their_own_systems()
    {
        var own = await NewSystemAsync("Elevregister");
        var other = await NewSystemAsync("Bygglovssystem");
        var ownSet = await NewSetAsync("Elevuppgifter", own);
        var otherSet = await NewSetAsync("Bygglovsärenden", other);
        var owner = await AppointNewOwnerAsync(own);

        Assert.Equal(HttpStatusCode.Created, (await owner.SendJsonAsync(HttpMethod.Post, $"/api/v1/information-sets/{ownSet}/classifications", Classification(2, 1, 1, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.SendJsonAsync(HttpMethod.Post, $"/api/v1/information-sets/{otherSet}/classifications", Classification(2, 1, 1, 1))).StatusCode);
        Assert.Equal(0, await app.Seed.WithDbAsync(app.A.Id, db => db.Classifications.CountAsync(c => c.SetId == otherSet)));

        var otherSystem = await GetAsync(await app.ApiAsync(app.A, Role.SecurityOfficer), $"/api/v1/systems/{other}");
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.SendJsonAsync(HttpMethod.Put, $"/api/v1/systems/{other}", SystemBody("Bygglovssystem", otherSystem.GetProperty("version").GetInt32()))).StatusCode);
        var ownSystem = await GetAsync(owner, $"/api/v1/systems/{own}");
        Assert.Equal(HttpStatusCode.NoContent, (await owner.SendJsonAsync(HttpMethod.Put, $"/api/v1/systems/{own}", SystemBody("Elevregister (nytt namn)", ownSystem.GetProperty("version").GetInt32()))).StatusCode);

        // The security officer coordinates but does not classify: that is the owner's approval.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAsync(app.A, Role.SecurityOfficer)).SendJsonAsync(HttpMethod.Post, $"/api/v1/information-sets/{otherSet}/classifications", Classification(1, 1, 1, 1))).StatusCode);
    }

    [Fact]
    public async Task A_systems_protection_need_is_the_highest_level_per_aspect_and_follows_reclassification_and_moves()
    {
        var system = await NewSystemAsync("Procapita");
        var a = await NewSetAsync("Journalanteckningar", system);
        var b = await NewSetAsync("Besöksplanering", system);
        var owner = await AppointNewOwnerAsync(system);
        var officer = await app.ApiAsync(app.A, Role.SecurityOfficer);

        Assert.Equal(JsonValueKind.Null, (await GetAsync(officer, $"/api/v1/systems/{system}")).GetProperty("protectionNeed").ValueKind);
        await ClassifyAsync(owner, a, Classification(3, 2, 1, 2));
        await ClassifyAsync(owner, b, Classification(1, 3, 2, 0));
        Assert.Equal("3-3-2-2", (await GetAsync(officer, $"/api/v1/systems/{system}")).GetProperty("protectionNeed").GetString());

        // Reclassifying keeps the old one as history; the need follows the new levels.
        var current = (await GetAsync(owner, $"/api/v1/information-sets/{a}")).GetProperty("classification").GetProperty("id").GetGuid();
        await ClassifyAsync(owner, a, Classification(1, 1, 1, 4, current));
        var set = await GetAsync(officer, $"/api/v1/information-sets/{a}");
        Assert.Equal("1-1-1-4", set.GetProperty("classification").GetProperty("protectionNeed").GetString());
        Assert.True(set.GetProperty("classification").GetProperty("needsSeparateAnalysis").GetBoolean());
        Assert.Equal("3-2-1-2", Assert.Single(set.GetProperty("history").EnumerateArray()).GetProperty("protectionNeed").GetString());
        Assert.Equal("1-3-2-4", (await GetAsync(officer, $"/api/v1/systems/{system}")).GetProperty("protectionNeed").GetString());

        // A set taken out of the system no longer counts.
        var setB = await GetAsync(officer, $"/api/v1/information-sets/{b}");
        var moved = await officer.SendJsonAsync(HttpMethod.Put, $"/api/v1/information-sets/{b}", $$"""{"name":"Besöksplanering","owningUnitId":"{{app.A.UnitId}}","personalData":"Personal","systems":[],"version":{{setB.GetProperty("version").GetInt32()}}}""");
        Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);
        Assert.Equal("1-1-1-4", (await GetAsync(officer, $"/api/v1/systems/{system}")).GetProperty("protectionNeed").GetString());

        // The list filters by it: at least level 4 finds the system.
        var list = await GetAsync(officer, "/api/v1/systems?need=VerySerious&q=Procapita");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == system);
    }

    [Fact]
    public async Task A_classification_past_its_valid_until_is_stale_and_a_set_never_classified_is_a_gap()
    {
        var system = await NewSystemAsync("Arkivsystem");
        var stale = await NewSetAsync("Gamla beslut", system);
        var never = await NewSetAsync("Oklassade handlingar", system);
        var owner = await AppointNewOwnerAsync(system);
        var past = Today.AddYears(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var expired = Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await ClassifyAsync(owner, stale, Classification(1, 1, 1, 1, classifiedOn: past, validUntil: expired));

        var officer = await app.ApiAsync(app.A, Role.SecurityOfficer);
        Assert.Equal("Stale", (await GetAsync(officer, $"/api/v1/information-sets/{stale}")).GetProperty("state").GetString());
        var staleList = await GetAsync(officer, $"/api/v1/information-sets?state=Stale&system={system}");
        Assert.Equal([stale], staleList.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        var neverList = await GetAsync(officer, $"/api/v1/information-sets?state=Never&system={system}");
        Assert.Equal([never], neverList.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task An_employee_sees_the_register_but_no_classification_and_a_reader_is_in_the_trail()
    {
        var system = await NewSystemAsync("Vårdplanering");
        var set = await NewSetAsync("Vårdplaner", system);
        var owner = await AppointNewOwnerAsync(system);
        await ClassifyAsync(owner, set, Classification(3, 3, 2, 2));

        var employee = await app.ApiAsync(app.A, Role.Employee);
        var seen = await GetAsync(employee, $"/api/v1/information-sets/{set}");
        Assert.Equal("Vårdplaner", seen.GetProperty("name").GetString());
        Assert.False(seen.GetProperty("classificationVisible").GetBoolean());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("classification").ValueKind);
        Assert.Empty(seen.GetProperty("history").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, (await GetAsync(employee, $"/api/v1/systems/{system}")).GetProperty("protectionNeed").ValueKind);
        var rows = await GetAsync(employee, $"/api/v1/information-sets?system={system}");
        Assert.All(rows.GetProperty("items").EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("protectionNeed").ValueKind));
        var page = await (await app.SessionAsync(app.A, Role.Employee)).GetPageAsync($"/information-sets/{set}");
        Assert.DoesNotContain("3-3-2-2", page.Body, StringComparison.Ordinal);
        var systemsPage = await (await app.SessionAsync(app.A, Role.Employee)).GetPageAsync($"/systems?q=V%C3%A5rdplanering");
        Assert.DoesNotContain("3-3-2-2", systemsPage.Body, StringComparison.Ordinal);

        // The employee's read was not a read of the classification; the security officer's is, before it is sent.
        var employeeId = app.A.Accounts[Role.Employee].PersonId;
        var officerId = app.A.Accounts[Role.SecurityOfficer].PersonId;
        Assert.Equal(0, await ReadsAsync(set, employeeId));
        var officerPage = await (await app.SessionAsync(app.A, Role.SecurityOfficer)).GetPageAsync($"/information-sets/{set}");
        Assert.Contains("3-3-2-2", officerPage.Body, StringComparison.Ordinal);
        Assert.Equal(1, await ReadsAsync(set, officerId));
    }

    [Fact]
    public async Task Bad_input_is_named_field_by_field_and_changes_nothing()
    {
        var system = await NewSystemAsync("Diariesystem");
        var set = await NewSetAsync("Diarieförda handlingar", system);
        var owner = await AppointNewOwnerAsync(system);

        var response = await owner.SendJsonAsync(HttpMethod.Post, $"/api/v1/information-sets/{set}/classifications", """{"confidentiality":"Serious","integrity":7,"participants":""}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        foreach (var field in new[] { "integrity", "availability", "traceability", "confidentialityMotivation", "participants" })
        {
            Assert.True(problem.TryGetProperty(field, out _), $"no error for {field}: {problem}");
        }

        Assert.Equal(0, await app.Seed.WithDbAsync(app.A.Id, db => db.Classifications.CountAsync(c => c.SetId == set)));

        var officer = await app.ApiAsync(app.A, Role.SecurityOfficer);
        var created = await officer.SendJsonAsync(HttpMethod.Post, "/api/v1/systems", $$"""{"name":"","purpose":"x","unitId":"{{Guid.NewGuid()}}","form":"Automated","hosting":"Cloud","lifecycle":"InUse","dependsOn":["{{system}}"]}""");
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        var text = await created.Content.ReadAsStringAsync();
        Assert.Contains("\"name\"", text, StringComparison.Ordinal);
        Assert.Contains("\"unitId\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_version_of_a_system_is_a_conflict_not_an_overwrite()
    {
        var system = await NewSystemAsync("Kartsystem");
        var officer = await app.ApiAsync(app.A, Role.SecurityOfficer);
        var version = (await GetAsync(officer, $"/api/v1/systems/{system}")).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await officer.SendJsonAsync(HttpMethod.Put, $"/api/v1/systems/{system}", SystemBody("Kartsystem 2", version))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.SendJsonAsync(HttpMethod.Put, $"/api/v1/systems/{system}", SystemBody("Kartsystem 3", version))).StatusCode);
        Assert.Equal("Kartsystem 2", (await GetAsync(officer, $"/api/v1/systems/{system}")).GetProperty("name").GetString());

        // A second classifier who saw no classification cannot overwrite the one recorded meanwhile.
        var set = await NewSetAsync("Kartdata", system);
        var owner = await AppointNewOwnerAsync(system);
        await ClassifyAsync(owner, set, Classification(1, 1, 1, 1));
        Assert.Equal(HttpStatusCode.Conflict, (await owner.SendJsonAsync(HttpMethod.Post, $"/api/v1/information-sets/{set}/classifications", Classification(2, 2, 2, 2))).StatusCode);
    }

    [Fact]
    public async Task The_director_and_the_security_officer_see_the_gaps_on_their_start_page_each_linking_to_its_list()
    {
        await NewSystemAsync("Ägarlöst system");
        var officer = await app.ApiAsync(app.A, Role.SecurityOfficer);
        var withoutOwner = (await GetAsync(officer, "/api/v1/systems?gap=NoOwner&pageSize=1")).GetProperty("total").GetInt32();
        var never = (await GetAsync(officer, "/api/v1/information-sets?state=Never&pageSize=1")).GetProperty("total").GetInt32();
        var stale = (await GetAsync(officer, "/api/v1/information-sets?state=Stale&pageSize=1")).GetProperty("total").GetInt32();
        Assert.True(withoutOwner > 0);

        foreach (var role in new[] { Role.SecurityOfficer, Role.MunicipalDirector })
        {
            var (_, body) = await (await app.SessionAsync(app.A, role)).GetPageAsync("/");
            Assert.Contains($"<a href=\"/systems?gap=NoOwner\">{withoutOwner} informationssystem saknar systemägare</a>", body, StringComparison.Ordinal);
            Assert.Contains($"<a href=\"/information-sets?state=Never\">{never} informationsmängder har aldrig klassats</a>", body, StringComparison.Ordinal);
            Assert.Contains($"<a href=\"/information-sets?state=Stale\">{stale} informationsmängder har en klassning som gått ut</a>", body, StringComparison.Ordinal);
        }

        var (_, employeePage) = await (await app.SessionAsync(app.A, Role.Employee)).GetPageAsync("/");
        Assert.DoesNotContain("gap=NoOwner", employeePage, StringComparison.Ordinal);
    }

    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    private string SystemBody(string name, int version) =>
        $$"""{"name":"{{name}}","purpose":"Test","unitId":"{{app.A.UnitId}}","form":"Automated","importantToOperations":true,"hosting":"Cloud","lifecycle":"InUse","version":{{version}}}""";

    private static string Classification(int k, int r, int t, int s, Guid? currentId = null, string? classifiedOn = null, string? validUntil = null) =>
        JsonSerializer.Serialize(new
        {
            confidentiality = k,
            integrity = r,
            availability = t,
            traceability = s,
            confidentialityMotivation = "Uppgifter om enskilda",
            integrityMotivation = "Fel kan ge fel beslut",
            availabilityMotivation = "Kan vänta en dag",
            traceabilityMotivation = "Behöver veta vem som ändrat",
            participants = "Anna Ek (systemägare), Bo Lind (verksamhet)",
            currentId,
            classifiedOn,
            validUntil,
        });

    private async Task<Guid> NewSystemAsync(string name)
    {
        var response = await (await app.ApiAsync(app.A, Role.SecurityOfficer)).SendJsonAsync(HttpMethod.Post, "/api/v1/systems", SystemBody(name + " " + Guid.NewGuid().ToString("N")[..6], 0).Replace(",\"version\":0", string.Empty, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }

    private async Task<Guid> NewSetAsync(string name, Guid systemId)
    {
        var response = await (await app.ApiAsync(app.A, Role.SecurityOfficer)).SendJsonAsync(HttpMethod.Post, "/api/v1/information-sets", $$"""{"name":"{{name}}","owningUnitId":"{{app.A.UnitId}}","personalData":"Personal","systems":["{{systemId}}"]}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>A new person appointed owner of the system by the director; returns their API client.</summary>
    private async Task<Browser> AppointNewOwnerAsync(Guid systemId)
    {
        var account = await app.Seed.CreateAccountAsync(app.A, null, false);
        var appointed = await (await app.ApiAsync(app.A, Role.MunicipalDirector)).SendJsonAsync(HttpMethod.Post, $"/api/v1/systems/{systemId}/owner", $$"""{"personId":"{{account.PersonId}}","decisionReference":"KD 2026/99"}""");
        Assert.Equal(HttpStatusCode.Created, appointed.StatusCode);
        return new Browser(app.Factory.CreateRawClient()) { BearerToken = await app.Seed.CreateTokenAsync(account) };
    }

    private static async Task ClassifyAsync(Browser owner, Guid setId, string body)
    {
        var response = await owner.SendJsonAsync(HttpMethod.Post, $"/api/v1/information-sets/{setId}/classifications", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<JsonElement> GetAsync(Browser browser, string url)
    {
        var response = await browser.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private Task<int> ReadsAsync(Guid setId, Guid personId) =>
        app.Seed.WithDbAsync(app.A.Id, db => db.AuditEvents.AsNoTracking()
            .CountAsync(e => e.Action == AuditActions.Read && e.RecordType == "Classification" && e.RecordId == setId.ToString("D") && e.ActorPersonId == personId));
}
