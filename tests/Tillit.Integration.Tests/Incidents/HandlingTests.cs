using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tillit.Data.Audit;
using Tillit.Domain.Access;
using Tillit.Domain.Incidents;
using Tillit.Domain.Measures;
using Tillit.Integration.Tests.Infrastructure;
using static Tillit.Integration.Tests.Incidents.IncidentTestHelp;

namespace Tillit.Integration.Tests.Incidents;

/// <summary>The security officer and the assigned handler take a report through triage to closed, on both databases.</summary>
[Collection(AppCollection.Name)]
public sealed class HandlingTests(TillitApp app)
{
    private static readonly string[] Aspects = ["Confidentiality", "Traceability"];

    [Fact]
    public async Task The_security_officer_triages_assigns_and_the_handler_takes_it_to_closed_with_lessons_and_a_measure()
    {
        var id = await ReportAsync(app, app.A, "Någon loggade in med en kollegas konto");
        var officer = await app.ApiAsync(app.A, Role.SecurityOfficer);
        var handler = await app.ApiAsync(app.A, Role.ItManager);

        // Illegal: investigating before triage, closing from reported.
        var early = await ChangeAsync(officer, id, "status", new() { ["to"] = "UnderInvestigation" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("kategori", await MessagesAsync(early), StringComparison.OrdinalIgnoreCase);
        var closeEarly = await ChangeAsync(officer, id, "status", new() { ["to"] = "Closed" });
        Assert.Equal(HttpStatusCode.BadRequest, closeEarly.StatusCode);

        await OkAsync(ChangeAsync(officer, id, "triage", new()
        {
            ["category"] = "UnauthorisedAccess",
            ["severity"] = "Serious",
            ["aspects"] = Aspects,
            ["title"] = "Delat konto",
            ["systemIds"] = new[] { app.A.SystemId },
            ["setIds"] = new[] { app.A.SetId },
        }));
        await OkAsync(ChangeAsync(officer, id, "assign", new() { ["handlerId"] = app.A.Accounts[Role.ItManager].PersonId }));

        // The handler (not the officer) moves it on from here.
        await OkAsync(ChangeAsync(handler, id, "status", new() { ["to"] = "UnderInvestigation" }));
        await OkAsync(handler.SendJsonAsync(HttpMethod.Post, $"/api/v1/incidents/{id}/entries", "{\"text\":\"Kontot spärrat, lösenord bytt\"}"));
        await OkAsync(ChangeAsync(handler, id, "status", new() { ["to"] = "Measures" }));

        // Closing needs lessons and a decision on measures.
        var closeWithout = await ChangeAsync(handler, id, "status", new() { ["to"] = "Closed" });
        Assert.Equal(HttpStatusCode.BadRequest, closeWithout.StatusCode);
        Assert.Contains("erfarenheter", await MessagesAsync(closeWithout), StringComparison.Ordinal);

        // The handler cannot dismiss or triage: those are the security officer's.
        Assert.Equal(HttpStatusCode.Forbidden, (await ChangeAsync(handler, id, "dismiss", new() { ["reason"] = "x" })).StatusCode);

        var measure = await officer.SendJsonAsync(HttpMethod.Post, $"/api/v1/incidents/{id}/measures", JsonSerializer.Serialize(new
        {
            title = "Inför personliga konton i receptionen",
            description = "Ingen ska behöva låna en kollegas konto",
            ownerId = app.A.Accounts[Role.ItManager].PersonId,
            dueDate = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(60)),
            systemId = app.A.SystemId,
        }));
        Assert.Equal(HttpStatusCode.Created, measure.StatusCode);
        await OkAsync(ChangeAsync(handler, id, "conclusion", new() { ["lessons"] = "Delade konton gör loggarna värdelösa", ["decision"] = "Decided", ["measuresText"] = "Personliga konton" }));
        await OkAsync(ChangeAsync(handler, id, "status", new() { ["to"] = "Closed" }));

        var details = await GetAsync(officer, id);
        Assert.Equal("Closed", details.GetProperty("status").GetString());
        Assert.Equal("Serious", details.GetProperty("severity").GetString());
        Assert.Single(details.GetProperty("systems").EnumerateArray());
        Assert.Single(details.GetProperty("sets").EnumerateArray());
        Assert.Single(details.GetProperty("measures").EnumerateArray());
        var kinds = details.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["Reported", "Triaged", "Assigned", "StatusChanged", "Note", "StatusChanged", "Conclusion", "StatusChanged"], kinds);

        var stored = await app.Seed.WithDbAsync(app.A.Id, async db => new
        {
            Measure = await db.Measures.SingleAsync(m => m.Origin == MeasureOrigin.Incident && m.OriginId == id),
            Link = await db.IncidentSystems.SingleAsync(l => l.IncidentId == id),
            Reads = await db.AuditEvents.CountAsync(e => e.Action == AuditActions.Read && e.RecordType == "Incident" && e.RecordId == id.ToString("D")),
        });
        Assert.Equal(app.A.SystemId, stored.Measure.SystemId);
        Assert.Equal(app.A.SystemId, stored.Link.SystemId);
        Assert.True(stored.Reads >= 5);

        // Closed is final.
        Assert.Equal(HttpStatusCode.BadRequest, (await ChangeAsync(officer, id, "dismiss", new() { ["reason"] = "Fel" })).StatusCode);
    }

    [Fact]
    public async Task Triage_on_the_page_records_the_affected_system_and_a_stale_version_is_a_conflict()
    {
        var id = await ReportAsync(app, app.A, "Skärmen i receptionen visade en journal");
        var api = await app.ApiAsync(app.A, Role.SecurityOfficer);
        var version = await VersionAsync(api, id);
        var page = await app.SessionAsync(app.A, Role.SecurityOfficer);
        var (get, body) = await page.GetPageAsync($"/incidents/{id}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Contains("H-", body, StringComparison.Ordinal);

        var triage = await page.PostFormAsync($"/incidents/{id}?handler=triage",
            ("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Triage.Category", "MisdirectedInformation"),
            ("Triage.Severity", "Significant"),
            ("Triage.Aspects", "Confidentiality"),
            ("Triage.SystemIds", app.A.SystemId.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, triage.StatusCode);
        var link = await app.Seed.WithDbAsync(app.A.Id, db => db.IncidentSystems.Where(l => l.IncidentId == id).Select(l => l.SystemId).ToListAsync());
        Assert.Equal([app.A.SystemId], link);

        // The same version again: someone saved in between.
        var stale = await page.PostFormAsync($"/incidents/{id}?handler=dismiss", ("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Reason", "Dubblett"));
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Equal(IncidentStatus.Reported, await app.Seed.WithDbAsync(app.A.Id, db => db.Incidents.Where(i => i.Id == id).Select(i => i.Status).SingleAsync()));
        var apiStale = await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/incidents/{id}/dismiss", JsonSerializer.Serialize(new { reason = "Dubblett", version }));
        Assert.Equal(HttpStatusCode.Conflict, apiStale.StatusCode);

        // Dismissing needs a reason; with one it is dismissed.
        Assert.Equal(HttpStatusCode.BadRequest, (await ChangeAsync(api, id, "dismiss", new() { ["reason"] = " " })).StatusCode);
        await OkAsync(ChangeAsync(api, id, "dismiss", new() { ["reason"] = "Ingen säkerhetshändelse" }));
        var list = JsonDocument.Parse(await (await api.GetAsync("/api/v1/incidents?status=Dismissed&pageSize=200")).Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
        var listed = await app.Seed.WithDbAsync(app.A.Id, db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.List && e.RecordType == "Incident"));
        Assert.True(listed >= 1);
    }

    [Fact]
    public async Task The_triage_form_offers_the_linked_systems_and_those_found_and_a_search_keeps_what_was_entered()
    {
        var id = await ReportAsync(app, app.A, "Fel mottagare på ett mejl med personnummer");
        var page = await app.SessionAsync(app.A, Role.SecurityOfficer);
        var (_, before) = await page.GetPageAsync($"/incidents/{id}");
        Assert.DoesNotContain($"value=\"{app.A.SystemId}\"", before, StringComparison.Ordinal);

        // A search shows the found system to tick and keeps the title typed; nothing is saved.
        var version = (await VersionAsync(await app.ApiAsync(app.A, Role.SecurityOfficer), id)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var found = await page.PostFormAsync($"/incidents/{id}?handler=findlinks", ("Version", version), ("Triage.Title", "Mejl till fel person"), ("Triage.SystemSearch", "verksamhetssystem orga"));
        var foundBody = await found.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains($"value=\"{app.A.SystemId}\"", foundBody, StringComparison.Ordinal);
        Assert.Contains("Mejl till fel person", foundBody, StringComparison.Ordinal);
        Assert.Null(await app.Seed.WithDbAsync(app.A.Id, db => db.Incidents.Where(i => i.Id == id).Select(i => i.Title).SingleAsync()));

        // Linked, it is offered ticked without a search.
        var triage = await page.PostFormAsync($"/incidents/{id}?handler=triage", ("Version", version), ("Triage.Category", "MisdirectedInformation"), ("Triage.Severity", "Significant"), ("Triage.SystemIds", app.A.SystemId.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, triage.StatusCode);
        var (_, after) = await page.GetPageAsync($"/incidents/{id}");
        Assert.Matches($"value=\"{app.A.SystemId}\"[^>]*checked", after);

        // The new measure's owner is found by name.
        var owner = await page.PostFormAsync($"/incidents/{id}?handler=findowner", ("OwnerSearch", "utan roll"));
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
        Assert.Contains($"value=\"{app.A.PersonId}\"", await owner.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
