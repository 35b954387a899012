using System.Net;
using System.Text.Json;
using Tillit.Domain.Access;
using Tillit.Domain.Incidents;
using Tillit.Integration.Tests.Infrastructure;
using static Tillit.Integration.Tests.Incidents.IncidentTestHelp;

namespace Tillit.Integration.Tests.Incidents;

/// <summary>
/// Incidents are seen on a need-to-know basis: the reporter only their own (through /incidents/mine),
/// a handler only those assigned to them, policy violations only the security officer and the director,
/// the data protection officer personal data breaches, a system owner those on their systems; and
/// nobody anything of another organisation.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class NeedToKnowTests(TillitApp app)
{
    private static async Task<List<Guid>> ListedAsync(Browser api)
    {
        var response = await api.GetAsync("/api/v1/incidents?pageSize=200&open=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
    }

    [Fact]
    public async Task A_handler_sees_only_what_is_assigned_and_loses_a_policy_violation_which_the_director_still_sees()
    {
        var assigned = await ReportAsync(app, app.A, "Någon har kopierat personalregistret till ett USB-minne");
        var other = await ReportAsync(app, app.A, "Ett annat ärende som handläggaren inte har");
        var officer = await app.ApiAsync(app.A, Role.SecurityOfficer);
        var handler = await app.ApiAsync(app.A, Role.ItManager);
        var director = await app.ApiAsync(app.A, Role.MunicipalDirector);
        await OkAsync(ChangeAsync(officer, assigned, "assign", new() { ["handlerId"] = app.A.Accounts[Role.ItManager].PersonId }));

        var seen = await ListedAsync(handler);
        Assert.Contains(assigned, seen);
        Assert.DoesNotContain(other, seen);
        Assert.Equal(HttpStatusCode.NotFound, (await handler.GetAsync($"/api/v1/incidents/{other}")).StatusCode);
        var page = await app.SessionAsync(app.A, Role.ItManager);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/incidents/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync($"/incidents/{assigned}")).StatusCode);

        // Triaged as a policy violation: only the security officer and the director see it now.
        await OkAsync(ChangeAsync(officer, assigned, "triage", new() { ["category"] = "PolicyViolation", ["severity"] = "Significant" }));
        Assert.DoesNotContain(assigned, await ListedAsync(handler));
        Assert.Equal(HttpStatusCode.NotFound, (await handler.GetAsync($"/api/v1/incidents/{assigned}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/incidents/{assigned}")).StatusCode);
        var note = await handler.SendJsonAsync(HttpMethod.Post, $"/api/v1/incidents/{assigned}/entries", "{\"text\":\"försök\"}");
        Assert.Equal(HttpStatusCode.NotFound, note.StatusCode);
        var dpo = await app.ApiAsync(app.A, Role.DataProtectionOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await dpo.GetAsync($"/api/v1/incidents/{assigned}")).StatusCode);
        Assert.Contains(assigned, await ListedAsync(director));
        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync($"/api/v1/incidents/{assigned}")).StatusCode);
        Assert.Contains(assigned, await ListedAsync(officer));

        // The director reads but does not change.
        Assert.Equal(HttpStatusCode.Forbidden, (await ChangeAsync(director, assigned, "status", new() { ["to"] = "UnderInvestigation" })).StatusCode);
    }

    [Fact]
    public async Task The_data_protection_officer_sees_personal_data_breaches_and_nothing_else()
    {
        var maybe = await ReportAsync(app, app.A, "Ett mejl med personnummer gick till fel mottagare", personalData: true);
        var plain = await ReportAsync(app, app.A, "Strömavbrott i serverrummet");
        var officer = await app.ApiAsync(app.A, Role.SecurityOfficer);
        var dpo = await app.ApiAsync(app.A, Role.DataProtectionOfficer);

        var seen = await ListedAsync(dpo);
        Assert.Contains(maybe, seen);
        Assert.DoesNotContain(plain, seen);
        Assert.Equal(HttpStatusCode.NotFound, (await dpo.GetAsync($"/api/v1/incidents/{plain}")).StatusCode);

        // Marked as a breach, the other one becomes the data protection officer's to see (read only).
        await OkAsync(ChangeAsync(officer, plain, "breach", new() { ["breach"] = true, ["dataCategories"] = "Kontaktuppgifter", ["affectedCount"] = 12 }));
        var breach = await GetAsync(dpo, plain);
        Assert.True(breach.GetProperty("isPersonalDataBreach").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await ChangeAsync(dpo, plain, "entries", new() { ["text"] = "x" }, officer)).StatusCode);
    }

    [Fact]
    public async Task A_system_owner_sees_incidents_on_the_systems_of_their_appointment()
    {
        var onSystem = await ReportAsync(app, app.A, "Verksamhetssystemet gick inte att logga in i");
        var elsewhere = await ReportAsync(app, app.A, "Något helt annat");
        var officer = await app.ApiAsync(app.A, Role.SecurityOfficer);
        await OkAsync(ChangeAsync(officer, onSystem, "triage", new() { ["category"] = "Outage", ["severity"] = "Moderate", ["systemIds"] = new[] { app.A.SystemId } }));

        var owner = await app.Seed.CreateAccountAsync(app.A, null, secondFactor: false);
        await app.Seed.WithDbAsync(app.A.Id, async db =>
        {
            var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
            db.RoleAssignments.Add(new RoleAssignment(app.A.Id, owner.PersonId, Role.SystemOwner, ScopeKind.InformationSystem, app.A.SystemId, null, "TEST ägare", today.AddDays(-1), null));
            return await db.SaveChangesAsync();
        });
        var api = new Browser(app.Factory.CreateRawClient()) { BearerToken = await app.Seed.CreateTokenAsync(owner) };
        var seen = await ListedAsync(api);
        Assert.Contains(onSystem, seen);
        Assert.DoesNotContain(elsewhere, seen);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/incidents/{elsewhere}")).StatusCode);
    }

    [Fact]
    public async Task Another_organisations_incidents_are_not_found_and_an_employee_has_no_handling_at_all()
    {
        var id = await ReportAsync(app, app.A, "Inbrott i förrådet");
        var foreign = await app.ApiAsync(app.B, Role.SecurityOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/api/v1/incidents/{id}")).StatusCode);
        var triage = await foreign.SendJsonAsync(HttpMethod.Post, $"/api/v1/incidents/{id}/triage", JsonSerializer.Serialize(new { category = "Other", severity = "Moderate", version = 1 }));
        Assert.Equal(HttpStatusCode.NotFound, triage.StatusCode);
        Assert.DoesNotContain(id, await ListedAsync(foreign));
        var foreignPage = await app.SessionAsync(app.B, Role.SecurityOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await foreignPage.GetAsync($"/incidents/{id}")).StatusCode);

        // Organisation B's system cannot be linked to A's incident either.
        var officer = await app.ApiAsync(app.A, Role.SecurityOfficer);
        var wrongSystem = await ChangeAsync(officer, id, "triage", new() { ["category"] = "Other", ["severity"] = "Moderate", ["systemIds"] = new[] { app.B.SystemId } });
        Assert.Equal(HttpStatusCode.BadRequest, wrongSystem.StatusCode);

        var employee = await app.ApiAsync(app.A, Role.Employee);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/api/v1/incidents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"/api/v1/incidents/{id}")).StatusCode);
        Assert.Equal(IncidentStatus.Reported, await app.Seed.WithDbAsync(app.A.Id, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Incidents.Where(i => i.Id == id).Select(i => i.Status))));
    }
}
