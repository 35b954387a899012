using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tillit.Data.Audit;
using Tillit.Domain.Access;
using Tillit.Domain.Incidents;
using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests.Incidents;

/// <summary>Every person reports events and sees only their own reports, on pages and in the API, on both databases.</summary>
[Collection(AppCollection.Name)]
public sealed class ReportingTests(TillitApp app)
{
    [Fact]
    public async Task An_employee_reports_on_the_page_gets_a_reference_and_sees_the_report_among_their_own()
    {
        var employee = await app.SessionAsync(app.A, Role.Employee);
        var response = await employee.PostFormAsync("/incidents/report",
            ("Input.Description", "Jag klickade på en länk i ett konstigt mejl"),
            ("Input.SystemName", $"Verksamhetssystem {app.A.Code}"),
            ("Input.PersonalDataMaybe", "true"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = Browser.RedirectTarget(response)!;
        Assert.StartsWith("/incidents/mine/", location, StringComparison.Ordinal);
        var id = Guid.Parse(location["/incidents/mine/".Length..]);

        var stored = await app.Seed.WithDbAsync(app.A.Id, db => db.Incidents.Where(i => i.Id == id).Select(i => new { i.Year, i.Number, i.ReporterId, i.PersonalDataMaybe, Systems = db.IncidentSystems.Count(l => l.IncidentId == i.Id && l.SystemId == app.A.SystemId) }).SingleAsync());
        Assert.Equal(app.A.Accounts[Role.Employee].PersonId, stored.ReporterId);
        Assert.True(stored.PersonalDataMaybe);
        Assert.Equal(1, stored.Systems);

        var (receipt, body) = await employee.GetPageAsync(location);
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Contains(Incident.FormatReference(stored.Year, stored.Number), body, StringComparison.Ordinal);
        var (_, mine) = await employee.GetPageAsync("/incidents/mine");
        Assert.Contains(Incident.FormatReference(stored.Year, stored.Number), mine, StringComparison.Ordinal);

        // Someone else neither finds it nor sees it in their own list.
        var other = await app.SessionAsync(app.A, Role.ItManager);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(location)).StatusCode);
        var (_, theirs) = await other.GetPageAsync("/incidents/mine");
        Assert.DoesNotContain(Incident.FormatReference(stored.Year, stored.Number), theirs, StringComparison.Ordinal);

        // The read of the report is in the audit trail.
        var reads = await app.Seed.WithDbAsync(app.A.Id, db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.Read && e.RecordType == "Incident" && e.RecordId == id.ToString("D")));
        Assert.True(reads >= 1);
    }

    [Fact]
    public async Task Reporting_through_the_API_numbers_reports_without_gaps_and_lists_only_the_callers_own()
    {
        var employee = await app.ApiAsync(app.A, Role.Employee);
        var numbers = new List<int>();
        foreach (var text in new[] { "Förlorad telefon", "Fel mottagare på ett mejl", "Skrivaren skrev ut andras papper" })
        {
            var created = await employee.SendJsonAsync(HttpMethod.Post, "/api/v1/incidents", JsonSerializer.Serialize(new { description = text, personalDataMaybe = false }));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var reference = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("reference").GetString()!;
            Assert.Matches(@"^H-\d{4}-\d{4}$", reference);
            numbers.Add(int.Parse(reference[^4..], System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal([numbers[0], numbers[0] + 1, numbers[0] + 2], numbers);

        var director = await app.ApiAsync(app.A, Role.MunicipalDirector);
        var theirs = JsonDocument.Parse(await (await director.GetAsync("/api/v1/incidents/mine")).Content.ReadAsStringAsync()).RootElement;
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), i => i.GetProperty("description").GetString() == "Förlorad telefon");
        var mine = JsonDocument.Parse(await (await employee.GetAsync("/api/v1/incidents/mine?pageSize=200")).Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), i => i.GetProperty("description").GetString() == "Förlorad telefon");
        var employeeId = app.A.Accounts[Role.Employee].PersonId;
        var count = await app.Seed.WithDbAsync(app.A.Id, db => db.Incidents.CountAsync(i => i.ReporterId == employeeId));
        Assert.Equal(count, mine.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_report_without_a_description_or_in_the_future_is_refused_and_nothing_is_written()
    {
        var employee = await app.ApiAsync(app.A, Role.Employee);
        var before = await app.Seed.WithDbAsync(app.A.Id, db => db.Incidents.CountAsync());
        var empty = await employee.SendJsonAsync(HttpMethod.Post, "/api/v1/incidents", "{\"description\":\" \"}");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("description", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var future = await employee.SendJsonAsync(HttpMethod.Post, "/api/v1/incidents", JsonSerializer.Serialize(new { description = "x", occurredAt = TimeProvider.System.GetUtcNow().AddDays(2) }));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        var page = await app.SessionAsync(app.A, Role.Employee);
        var unknown = await page.PostFormAsync("/incidents/report", ("Input.Description", "x"), ("Input.SystemName", "Finns inte"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(before, await app.Seed.WithDbAsync(app.A.Id, db => db.Incidents.CountAsync()));
    }
}
