using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Tillit.Data;
using Tillit.Data.Audit;
using Tillit.Domain.Access;
using Tillit.Domain.Measures;
using Tillit.Domain.Organisations;
using Tillit.Domain.Register;
using Tillit.Domain.Requirements;
using Tillit.Integration.Tests.Audit;
using Tillit.Integration.Tests.Infrastructure;
using Tillit.Web.Features.Measures;
using Tillit.Web.Infrastructure;

namespace Tillit.Integration.Tests.Register;

/// <summary>Requirements selected by level, assessments, the statement of applicability and the action plan, through the API, on each database.</summary>
[Collection(AppCollection.Name)]
public sealed class ActionPlanTests(TillitApp app)
{
    [Fact]
    public async Task A_system_gets_the_catalogues_requirements_its_protection_need_reaches_per_aspect()
    {
        var (system, set, owner) = await NewOwnedSystemAsync("Urvalssystem");
        var officer = await app.ApiAsync(app.A, Role.SecurityOfficer);
        Assert.Empty((await GetAsync(officer, $"/api/v1/systems/{system}/requirements")).GetProperty("requirements").EnumerateArray());

        await ClassifyAsync(owner, set, 1, 0, 0, 0, null);
        var expected = StartingCatalogue.Entries.Where(e => e.Aspect == Aspect.Confidentiality && e.FromLevel == 1).Select(e => e.Code).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, await CodesAsync(officer, system));

        var current = (await GetAsync(owner, $"/api/v1/information-sets/{set}")).GetProperty("classification").GetProperty("id").GetGuid();
        await ClassifyAsync(owner, set, 3, 0, 2, 0, current);
        expected = StartingCatalogue.Entries
            .Where(e => (e.Aspect == Aspect.Confidentiality && e.FromLevel <= 3) || (e.Aspect == Aspect.Availability && e.FromLevel <= 2))
            .Select(e => e.Code).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, await CodesAsync(officer, system));

        // A requirement switched off selects nothing any more.
        var requirement = await RequirementAsync("UTB-01");
        var body = await GetAsync(officer, $"/api/v1/requirements/{requirement}");
        var off = JsonSerializer.Serialize(new
        {
            code = "UTB-01",
            title = body.GetProperty("title").GetString(),
            description = body.GetProperty("description").GetString(),
            aspect = "Confidentiality",
            fromLevel = "Moderate",
            area = "Training",
            isoControls = "A.6.3",
            nis2Areas = "g",
            isActive = false,
            version = body.GetProperty("version").GetInt32(),
        });
        try
        {
            Assert.Equal(HttpStatusCode.NoContent, (await officer.SendJsonAsync(HttpMethod.Put, $"/api/v1/requirements/{requirement}", off)).StatusCode);
            Assert.DoesNotContain("UTB-01", await CodesAsync(officer, system));
        }
        finally
        {
            var now = await GetAsync(officer, $"/api/v1/requirements/{requirement}");
            var on = off.Replace("\"isActive\":false", "\"isActive\":true", StringComparison.Ordinal).Replace($"\"version\":{body.GetProperty("version").GetInt32()}", $"\"version\":{now.GetProperty("version").GetInt32()}", StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NoContent, (await officer.SendJsonAsync(HttpMethod.Put, $"/api/v1/requirements/{requirement}", on)).StatusCode);
        }
    }

    [Fact]
    public async Task A_system_owner_assesses_only_their_own_systems_and_the_security_officer_any()
    {
        var (own, ownSet, owner) = await NewOwnedSystemAsync("Eget system");
        var (other, otherSet, otherOwner) = await NewOwnedSystemAsync("Annans system");
        await ClassifyAsync(owner, ownSet, 2, 2, 2, 2, null);
        await ClassifyAsync(otherOwner, otherSet, 2, 2, 2, 2, null);
        var requirement = await RequirementAsync("BEH-01");

        Assert.Equal(HttpStatusCode.NoContent, (await owner.SendJsonAsync(HttpMethod.Put, $"/api/v1/systems/{own}/requirements/{requirement}", Assessment("Met", "Behörighet beställs av chef"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.SendJsonAsync(HttpMethod.Put, $"/api/v1/systems/{other}/requirements/{requirement}", Assessment("Met", "Försök"))).StatusCode);
        Assert.Equal(0, await app.Seed.WithDbAsync(app.A.Id, db => db.RequirementAssessments.CountAsync(a => a.SystemId == other)));

        var officer = await app.ApiAsync(app.A, Role.SecurityOfficer);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.SendJsonAsync(HttpMethod.Put, $"/api/v1/systems/{other}/requirements/{requirement}", Assessment("PartlyMet", "Granskad av säkerhetsenheten"))).StatusCode);

        // A second assessor who saw no assessment cannot overwrite the one made meanwhile; one who read it can.
        Assert.Equal(HttpStatusCode.Conflict, (await otherOwner.SendJsonAsync(HttpMethod.Put, $"/api/v1/systems/{other}/requirements/{requirement}", Assessment("Met", "Klart"))).StatusCode);
        var version = await app.Seed.WithDbAsync(app.A.Id, db => db.RequirementAssessments.Where(a => a.SystemId == other).Select(a => a.Version).SingleAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await otherOwner.SendJsonAsync(HttpMethod.Put, $"/api/v1/systems/{other}/requirements/{requirement}", Assessment("Met", "Klart", version))).StatusCode);

        // Bad input names the field and writes nothing; a requirement the need does not select is refused.
        var bad = await owner.SendJsonAsync(HttpMethod.Put, $"/api/v1/systems/{own}/requirements/{await RequirementAsync("BEH-11")}", """{"status":"Met","how":""}""");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var text = await bad.Content.ReadAsStringAsync();
        Assert.Contains("\"how\"", text, StringComparison.Ordinal);
        var unreadable = await owner.SendJsonAsync(HttpMethod.Put, $"/api/v1/systems/{own}/requirements/{requirement}", """{"status":"Sometimes","how":"x"}""");
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Contains("status", await unreadable.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var notSelected = await owner.SendJsonAsync(HttpMethod.Put, $"/api/v1/systems/{own}/requirements/{await RequirementAsync("BEH-11")}", Assessment("Met", "Nivå 4-krav"));
        Assert.Equal(HttpStatusCode.BadRequest, notSelected.StatusCode);
        Assert.Equal(1, await app.Seed.WithDbAsync(app.A.Id, db => db.RequirementAssessments.CountAsync(a => a.SystemId == own)));
    }

    [Fact]
    public async Task An_employee_sees_no_assessment_nor_measure_and_a_readers_reads_are_in_the_trail_first()
    {
        var (system, set, owner) = await NewOwnedSystemAsync("Skyddat system");
        await ClassifyAsync(owner, set, 1, 1, 1, 1, null);
        var requirement = await RequirementAsync("LOG-01");
        Assert.Equal(HttpStatusCode.NoContent, (await owner.SendJsonAsync(HttpMethod.Put, $"/api/v1/systems/{system}/requirements/{requirement}", Assessment("NotMet", "Hemlig brist i loggningen"))).StatusCode);
        var measure = await CreatedIdAsync(await owner.SendJsonAsync(HttpMethod.Post, $"/api/v1/systems/{system}/requirements/{requirement}/measures", "{}"));

        var employee = await app.ApiAsync(app.A, Role.Employee);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"/api/v1/systems/{system}/requirements")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/api/v1/requirements/applicability")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"/api/v1/measures/{measure}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/api/v1/measures")).StatusCode);
        var session = await app.SessionAsync(app.A, Role.Employee);
        var (_, systemPage) = await session.GetPageAsync($"/systems/{system}");
        Assert.DoesNotContain("Hemlig brist", systemPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"/systems/{system}/requirements", systemPage, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await session.GetAsync($"/systems/{system}/requirements/{requirement}")).StatusCode);

        // The catalogue itself is open to everyone.
        Assert.Equal(HttpStatusCode.OK, (await employee.GetAsync($"/api/v1/requirements/{requirement}")).StatusCode);

        var director = await app.ApiAsync(app.A, Role.MunicipalDirector);
        var directorId = app.A.Accounts[Role.MunicipalDirector].PersonId;
        Assert.Contains("Hemlig brist", (await GetAsync(director, $"/api/v1/systems/{system}/requirements")).ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync($"/api/v1/measures/{measure}")).StatusCode);
        Assert.Equal(1, await EventsAsync(AuditActions.Read, "RequirementAssessment", system.ToString("D"), directorId));
        Assert.Equal(1, await EventsAsync(AuditActions.Read, "Measure", measure.ToString("D"), directorId));
        Assert.Equal(0, await EventsAsync(AuditActions.Read, "Measure", measure.ToString("D"), app.A.Accounts[Role.Employee].PersonId));
    }

    [Fact]
    public async Task A_manager_reads_the_measures_of_their_units_and_their_systems_and_nothing_else_of_the_plan()
    {
        var org = await app.Seed.CreateOrganisationAsync("plan-scope", [Role.Manager, Role.SecurityOfficer]);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var (mine, ofMySystem, elsewhere) = await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var other = new Unit(org.Id, "Annan förvaltning", UnitKind.Administration, await db.Units.SingleAsync(u => u.Id == org.RootUnitId));
            db.Units.Add(other);
            Measure M(string title, Guid? system, Guid? unit) => new(org.Id, title, "Test", MeasureOrigin.Other, null, system, unit, org.PersonId, today.AddDays(30), today);
            var a = M("I min förvaltning", null, org.UnitId);
            var b = M("För ett system i min förvaltning", org.SystemId, null);
            var c = M("I en annan förvaltning", null, other.Id);
            db.Measures.AddRange(a, b, c);
            await db.SaveChangesAsync();
            return (a.Id, b.Id, c.Id);
        });

        // The manager's scope is the department (org.UnitId), which holds the seed's system.
        var manager = await app.ApiAsync(org, Role.Manager);
        var list = (await GetAsync(manager, "/api/v1/measures?pageSize=100")).ToString();
        Assert.Contains(mine.ToString("D"), list, StringComparison.Ordinal);
        Assert.Contains(ofMySystem.ToString("D"), list, StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere.ToString("D"), list, StringComparison.Ordinal);
        Assert.DoesNotContain("I en annan förvaltning", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/v1/measures/{mine}")).StatusCode);
        var refused = await manager.GetAsync($"/api/v1/measures/{elsewhere}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("I en annan förvaltning", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var session = await app.SessionAsync(org, Role.Manager);
        var (_, page) = await session.GetPageAsync("/measures");
        Assert.Contains("I min förvaltning", page, StringComparison.Ordinal);
        Assert.DoesNotContain("I en annan förvaltning", page, StringComparison.Ordinal);

        // The security officer reads the whole plan.
        var officer = await app.ApiAsync(org, Role.SecurityOfficer);
        Assert.Contains(elsewhere.ToString("D"), (await GetAsync(officer, "/api/v1/measures?pageSize=100")).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_requirement_assessed_as_not_met_becomes_a_measure_in_one_step_linked_to_its_origin()
    {
        var (system, set, owner) = await NewOwnedSystemAsync("Bristsystem");
        await ClassifyAsync(owner, set, 2, 2, 2, 2, null);
        var requirement = await RequirementAsync("BAK-02");
        var met = await RequirementAsync("BAK-01");
        Assert.Equal(HttpStatusCode.NoContent, (await owner.SendJsonAsync(HttpMethod.Put, $"/api/v1/systems/{system}/requirements/{requirement}", Assessment("NotMet", "Återläsning aldrig provad"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.SendJsonAsync(HttpMethod.Put, $"/api/v1/systems/{system}/requirements/{met}", Assessment("Met", "Nattlig kopia"))).StatusCode);

        var id = await CreatedIdAsync(await owner.SendJsonAsync(HttpMethod.Post, $"/api/v1/systems/{system}/requirements/{requirement}/measures", "{}"));
        var measure = await GetAsync(owner, $"/api/v1/measures/{id}");
        Assert.Equal("RequirementGap", measure.GetProperty("origin").GetString());
        Assert.Equal(requirement, measure.GetProperty("originId").GetGuid());
        Assert.Equal(system, measure.GetProperty("systemId").GetGuid());
        Assert.Equal("Planned", measure.GetProperty("status").GetString());
        Assert.Equal("Återläsning aldrig provad", measure.GetProperty("description").GetString());
        Assert.StartsWith("BAK-02 ", measure.GetProperty("title").GetString(), StringComparison.Ordinal);
        var ownerPerson = await app.Seed.WithDbAsync(app.A.Id, db => db.RoleAssignments.Where(a => a.ScopeId == system).Select(a => a.PersonId).SingleAsync());
        Assert.Equal(ownerPerson, measure.GetProperty("ownerId").GetGuid());

        // Asking again gives the same open measure, not a second; a met requirement is no gap.
        Assert.Equal(id, await CreatedIdAsync(await owner.SendJsonAsync(HttpMethod.Post, $"/api/v1/systems/{system}/requirements/{requirement}/measures", "{}")));
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.SendJsonAsync(HttpMethod.Post, $"/api/v1/systems/{system}/requirements/{met}/measures", "{}")).StatusCode);
        Assert.Equal(1, await app.Seed.WithDbAsync(app.A.Id, db => db.Measures.CountAsync(m => m.SystemId == system)));

        // It is in the action plan, per system and per person, and in the statement of applicability.
        var officer = await app.ApiAsync(app.A, Role.SecurityOfficer);
        var plan = await GetAsync(officer, $"/api/v1/measures?system={system}");
        Assert.Equal([id], plan.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        Assert.Contains((await GetAsync(officer, $"/api/v1/measures?owner={ownerPerson}&pageSize=200")).GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
        var soa = await GetAsync(officer, "/api/v1/requirements/applicability?q=BAK-02");
        var counts = Assert.Single(soa.GetProperty("items").EnumerateArray()).GetProperty("counts");
        Assert.True(counts.GetProperty("notMet").GetInt32() >= 1);
        var mine = await GetAsync(officer, $"/api/v1/systems/{system}/requirements");
        Assert.Equal(1, mine.GetProperty("counts").GetProperty("notMet").GetInt32());
        Assert.Equal(1, mine.GetProperty("counts").GetProperty("met").GetInt32());
    }

    [Fact]
    public async Task Illegal_measure_status_moves_are_refused_and_change_nothing()
    {
        var officer = await app.ApiAsync(app.A, Role.SecurityOfficer);
        var officerId = app.A.Accounts[Role.SecurityOfficer].PersonId;
        var due = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var id = await CreatedIdAsync(await officer.SendJsonAsync(HttpMethod.Post, "/api/v1/measures", $$"""{"title":"Se över brandväggsregler","origin":"Other","ownerId":"{{officerId}}","dueDate":"{{due}}"}"""));

        async Task<HttpResponseMessage> Move(string action, string extra = "")
        {
            var version = (await GetAsync(officer, $"/api/v1/measures/{id}")).GetProperty("version").GetInt32();
            return await officer.SendJsonAsync(HttpMethod.Post, $"/api/v1/measures/{id}/status", $$"""{"action":"{{action}}","version":{{version}}{{extra}}}""");
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await Move("Verify")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Move("Reopen")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Move("Complete")).StatusCode);
        Assert.Equal("Planned", (await GetAsync(officer, $"/api/v1/measures/{id}")).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await Move("Start")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Move("Complete", ",\"evidence\":\"Regler granskade, ärende IT-12\"")).StatusCode);

        // The owner cannot verify their own measure; someone else who manages it can.
        var verify = await Move("Verify");
        Assert.Equal(HttpStatusCode.BadRequest, verify.StatusCode);
        Assert.Contains("verifiera", await verify.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var otherOfficer = await app.Seed.CreateAccountAsync(app.A, Role.SecurityOfficer, false);
        var other = new Browser(app.Factory.CreateRawClient()) { BearerToken = await app.Seed.CreateTokenAsync(otherOfficer) };
        var version = (await GetAsync(officer, $"/api/v1/measures/{id}")).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await other.SendJsonAsync(HttpMethod.Post, $"/api/v1/measures/{id}/status", $$"""{"action":"Verify","version":{{version}}}""")).StatusCode);

        // A verified measure is closed: no cancel, no change.
        Assert.Equal(HttpStatusCode.BadRequest, (await Move("Cancel", ",\"reason\":\"Ångrar\"")).StatusCode);
        var closed = await GetAsync(officer, $"/api/v1/measures/{id}");
        Assert.Equal("Verified", closed.GetProperty("status").GetString());
        Assert.Equal(otherOfficer.PersonId, closed.GetProperty("verifiedById").GetGuid());
        var edit = await officer.SendJsonAsync(HttpMethod.Put, $"/api/v1/measures/{id}", $$"""{"title":"Ny titel","ownerId":"{{officerId}}","dueDate":"{{due}}","version":{{closed.GetProperty("version").GetInt32()}}}""");
        Assert.Equal(HttpStatusCode.BadRequest, edit.StatusCode);

        // A stale version is a conflict, not an overwrite.
        var second = await CreatedIdAsync(await officer.SendJsonAsync(HttpMethod.Post, "/api/v1/measures", $$"""{"title":"Andra","origin":"Other","ownerId":"{{officerId}}","dueDate":"{{due}}"}"""));
        Assert.Equal(HttpStatusCode.Conflict, (await officer.SendJsonAsync(HttpMethod.Post, $"/api/v1/measures/{second}/status", """{"action":"Start","version":7}""")).StatusCode);
    }

    [Fact]
    public async Task A_measure_is_overdue_by_the_injected_clock_and_counts_as_a_gap_until_it_is_done()
    {
        var org = await app.Seed.CreateOrganisationAsync("plan" + Guid.NewGuid().ToString("N")[..8], [Role.SecurityOfficer]);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var measureId = await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var m = new Measure(org.Id, "Prova återläsning", string.Empty, MeasureOrigin.Other, null, org.SystemId, null, org.PersonId, today.AddDays(10), today);
            db.Measures.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });
        var clock = new TestClock();

        clock.Set(new DateTimeOffset(today.AddDays(10).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        Assert.Equal(0, (await GapsAsync(org.Id, clock)).OverdueMeasures);
        clock.Set(new DateTimeOffset(today.AddDays(11).ToDateTime(new TimeOnly(0, 1)), TimeSpan.Zero));
        Assert.Equal(1, (await GapsAsync(org.Id, clock)).OverdueMeasures);

        await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var m = await db.Measures.SingleAsync(x => x.Id == measureId);
            m.Complete("Provat", today.AddDays(11));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(0, (await GapsAsync(org.Id, clock)).OverdueMeasures);

        // The sample system is important and classified, with no assessment: a gap until every selected requirement is assessed.
        await app.Seed.WithDbAsync(org.Id, async db =>
        {
            (await db.InformationSystems.SingleAsync(s => s.Id == org.SystemId)).ImportantToOperations = true;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(1, (await GapsAsync(org.Id, clock)).ImportantSystemsUnassessed);
        await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var system = await db.InformationSystems.SingleAsync(s => s.Id == org.SystemId);
            var selected = Requirement.SelectFor(await db.Requirements.ToListAsync(), system.ProtectionNeed);
            db.RequirementAssessments.AddRange(selected.Select(r => new RequirementAssessment(org.Id, system.Id, r.Id, AssessmentStatus.Met, "Ja", org.PersonId, today)));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(0, (await GapsAsync(org.Id, clock)).ImportantSystemsUnassessed);
    }

    [Fact]
    public async Task The_director_and_the_security_officer_see_the_action_plans_gaps_on_their_start_page_each_linking_to_its_list()
    {
        var officer = await app.ApiAsync(app.A, Role.SecurityOfficer);
        var overdue = (await GetAsync(officer, "/api/v1/measures?overdue=true&pageSize=1")).GetProperty("total").GetInt32();
        var unassessed = (await GetAsync(officer, "/api/v1/systems?gap=ImportantUnassessed&pageSize=1")).GetProperty("total").GetInt32();
        foreach (var role in new[] { Role.SecurityOfficer, Role.MunicipalDirector })
        {
            var (_, body) = await (await app.SessionAsync(app.A, role)).GetPageAsync("/");
            Assert.Contains($"<a href=\"/systems?gap=ImportantUnassessed\">{unassessed} viktiga system har krav som inte är bedömda</a>", body, StringComparison.Ordinal);
            Assert.Contains($"<a href=\"/measures?overdue=true\">{overdue} åtgärder är försenade</a>", body, StringComparison.Ordinal);
        }

        var (_, employeePage) = await (await app.SessionAsync(app.A, Role.Employee)).GetPageAsync("/");
        Assert.DoesNotContain("overdue=true", employeePage, StringComparison.Ordinal);
    }

    private async Task<ActionPlanGaps> GapsAsync(Guid organisationId, TimeProvider clock)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organisationId);
        using var memory = new MemoryCache(new MemoryCacheOptions());
        return await new ActionPlanGapQueries(scope.ServiceProvider.GetRequiredService<TillitDbContext>(), new OrganisationCache(memory), clock).CountAsync(CancellationToken.None);
    }

    private static string Assessment(string status, string how, int? version = null) => JsonSerializer.Serialize(new { status, how, version });

    private static async Task<List<string>> CodesAsync(Browser browser, Guid system) =>
        (await GetAsync(browser, $"/api/v1/systems/{system}/requirements")).GetProperty("requirements").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToList();

    private Task<Guid> RequirementAsync(string code) =>
        app.Seed.WithDbAsync(app.A.Id, db => db.Requirements.Where(r => r.Code == code).Select(r => r.Id).SingleAsync());

    private Task<int> EventsAsync(string action, string type, string id, Guid personId) =>
        app.Seed.WithDbAsync(app.A.Id, db => db.AuditEvents.AsNoTracking().CountAsync(e => e.Action == action && e.RecordType == type && e.RecordId == id && e.ActorPersonId == personId));

    /// <summary>A new system with a set, and a new person appointed its owner by the director; returns the owner's API client.</summary>
    private async Task<(Guid System, Guid Set, Browser Owner)> NewOwnedSystemAsync(string name)
    {
        var officer = await app.ApiAsync(app.A, Role.SecurityOfficer);
        var system = await CreatedIdAsync(await officer.SendJsonAsync(HttpMethod.Post, "/api/v1/systems", $$"""{"name":"{{name}} {{Guid.NewGuid().ToString("N")[..6]}}","purpose":"Test","unitId":"{{app.A.UnitId}}","form":"Automated","importantToOperations":true,"hosting":"Cloud","lifecycle":"InUse"}"""));
        var set = await CreatedIdAsync(await officer.SendJsonAsync(HttpMethod.Post, "/api/v1/information-sets", $$"""{"name":"Mängd i {{name}}","owningUnitId":"{{app.A.UnitId}}","personalData":"Personal","systems":["{{system}}"]}"""));
        var account = await app.Seed.CreateAccountAsync(app.A, null, false);
        var appointed = await (await app.ApiAsync(app.A, Role.MunicipalDirector)).SendJsonAsync(HttpMethod.Post, $"/api/v1/systems/{system}/owner", $$"""{"personId":"{{account.PersonId}}","decisionReference":"KD 2026/101"}""");
        Assert.Equal(HttpStatusCode.Created, appointed.StatusCode);
        return (system, set, new Browser(app.Factory.CreateRawClient()) { BearerToken = await app.Seed.CreateTokenAsync(account) });
    }

    private static async Task ClassifyAsync(Browser owner, Guid set, int k, int r, int t, int s, Guid? currentId)
    {
        var body = JsonSerializer.Serialize(new
        {
            confidentiality = k,
            integrity = r,
            availability = t,
            traceability = s,
            confidentialityMotivation = "K",
            integrityMotivation = "R",
            availabilityMotivation = "T",
            traceabilityMotivation = "S",
            participants = "Systemägaren",
            currentId,
        });
        var response = await owner.SendJsonAsync(HttpMethod.Post, $"/api/v1/information-sets/{set}/classifications", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<Guid> CreatedIdAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task The_statement_of_applicability_counts_each_requirements_systems_as_its_definition_does()
    {
        // Systems of several needs (one without), and assessments of every status, one of them on a system whose need
        // no longer reaches the requirement: it counts under its status, but the requirement's selected systems do not
        // include that system, so it does not make another selected system assessed.
        var org = await app.Seed.CreateOrganisationAsync("soa" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer]);
        await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var assessor = await db.People.Select(p => p.Id).FirstAsync();
            var requirements = await db.Requirements.Where(r => r.IsActive).OrderBy(r => r.Code).ToListAsync();
            var levels = new[] { ConsequenceLevel.Moderate, ConsequenceLevel.Significant, ConsequenceLevel.Serious };
            for (var i = 0; i < 6; i++)
            {
                var system = new InformationSystem(org.Id, $"SoA-system {i}", "Test", org.UnitId, SystemForm.Automated);
                system.SetProtectionNeed(i == 5 ? null : new ProtectionNeed(levels[i % 3], levels[(i + 1) % 3], levels[(i + 2) % 3], levels[i % 2]));
                db.InformationSystems.Add(system);
                foreach (var (requirement, n) in requirements.Where((_, n) => (n + i) % 4 == 0).Select((r, n) => (r, n)))
                {
                    db.RequirementAssessments.Add(new RequirementAssessment(org.Id, system.Id, requirement.Id, (AssessmentStatus)(n % 4), "Prövat", assessor, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime)));
                }
            }

            return await db.SaveChangesAsync();
        });

        var expected = await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var systems = await db.InformationSystems.AsNoTracking().ToListAsync();
            var assessments = await db.RequirementAssessments.AsNoTracking().ToListAsync();
            bool Selects(Requirement r, InformationSystem s) => r.IsActive && r.Aspect switch
            {
                Aspect.Confidentiality => s.NeedConfidentiality >= r.FromLevel,
                Aspect.Integrity => s.NeedIntegrity >= r.FromLevel,
                Aspect.Availability => s.NeedAvailability >= r.FromLevel,
                _ => s.NeedTraceability >= r.FromLevel,
            };
            return (await db.Requirements.AsNoTracking().Where(r => r.IsActive).ToListAsync()).ToDictionary(r => r.Code, r =>
            {
                var selected = systems.Where(s => Selects(r, s)).ToList();
                int Of(AssessmentStatus status) => assessments.Count(a => a.RequirementId == r.Id && a.Status == status);
                return $"{selected.Count}/{Of(AssessmentStatus.Met)}/{Of(AssessmentStatus.PartlyMet)}/{Of(AssessmentStatus.NotMet)}/{Of(AssessmentStatus.NotApplicable)}/{selected.Count(s => !assessments.Any(a => a.SystemId == s.Id && a.RequirementId == r.Id))}";
            });
        });

        var officer = await app.ApiAsync(org, Role.SecurityOfficer);
        var actual = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var page = 1; actual.Count < expected.Count && page < 20; page++)
        {
            foreach (var item in (await GetAsync(officer, $"/api/v1/requirements/applicability?page={page}&pageSize=50")).GetProperty("items").EnumerateArray())
            {
                var c = item.GetProperty("counts");
                actual[item.GetProperty("code").GetString()!] = $"{c.GetProperty("selected").GetInt32()}/{c.GetProperty("met").GetInt32()}/{c.GetProperty("partlyMet").GetInt32()}/{c.GetProperty("notMet").GetInt32()}/{c.GetProperty("notApplicable").GetInt32()}/{c.GetProperty("unassessed").GetInt32()}";
            }
        }

        Assert.True(expected.Values.Any(v => !v.StartsWith("0/", StringComparison.Ordinal)), "no requirement selects a system: the test data proves nothing");
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), actual.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    private static async Task<JsonElement> GetAsync(Browser browser, string url)
    {
        var response = await browser.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
