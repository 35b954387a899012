using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tillit.Domain.Access;
using Tillit.Domain.Laws;
using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests.Laws;

/// <summary>The legal register through the API and the pages, on each database.</summary>
[Collection(AppCollection.Name)]
public sealed class LawTests(TillitApp app)
{
    [Fact]
    public async Task A_new_organisation_starts_with_the_municipal_legal_register()
    {
        var references = await app.Seed.WithDbAsync(app.B.Id, db => db.LegalRequirements.Select(l => l.Reference).ToListAsync());
        foreach (var wanted in new[] { "(EU) 2016/679", "SFS 2018:218", "SFS 2009:400", "SFS 1990:782", "SFS 2025:1506", "SFS 2025:1507", "SFS 2018:585", "SFS 2018:1937", "SFS 2017:725" })
        {
            Assert.Contains(wanted, references);
        }

        Assert.All(StartingLegalRegister.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.DemandsEn)));
    }

    [Fact]
    public async Task Bad_input_gets_field_errors_and_writes_nothing()
    {
        var officer = await app.ApiAsync(app.A, Role.SecurityOfficer);
        var before = await app.Seed.WithDbAsync(app.A.Id, db => db.LegalRequirements.CountAsync());
        var body = JsonSerializer.Serialize(new
        {
            reference = "(EU) 2016/679",
            kind = "Law",
            title = "",
            demands = "Något",
            nextReview = "2030-01-01",
            compliance = "NotCompliant",
            systems = new[] { app.B.SystemId },
        });
        var response = await officer.SendJsonAsync(HttpMethod.Post, "/api/v1/laws", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("responsibleId", out _));
        Assert.True(errors.TryGetProperty("complianceComment", out _));

        // With those fixed: the taken reference and another organisation's system are refused.
        body = JsonSerializer.Serialize(new
        {
            reference = "(EU) 2016/679",
            kind = "Law",
            title = "Dubblett",
            demands = "Något",
            compliance = "Compliant",
            systems = new[] { app.B.SystemId },
        });
        response = await officer.SendJsonAsync(HttpMethod.Post, "/api/v1/laws", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("reference", text, StringComparison.Ordinal);
        Assert.Contains("finns redan", text, StringComparison.Ordinal);
        Assert.Equal(before, await app.Seed.WithDbAsync(app.A.Id, db => db.LegalRequirements.CountAsync()));

        // The page says it in Swedish beside the field.
        var session = await app.SessionAsync(app.A, Role.SecurityOfficer);
        var page = await session.PostFormAsync("/laws/new", ("Input.Reference", "SFS 1999:1"), ("Input.Kind", "Law"), ("Input.Demands", "x"), ("Input.Compliance", "NotCompliant"));
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Skriv vad som saknas", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.Seed.WithDbAsync(app.A.Id, db => db.LegalRequirements.CountAsync()));
    }

    [Fact]
    public async Task A_law_applied_to_a_system_shows_on_the_systems_page_and_a_stale_edit_is_refused()
    {
        var officer = await app.ApiAsync(app.A, Role.SecurityOfficer);
        var reference = "SFS 2099:" + Random.Shared.Next(1, 99999);
        var body = JsonSerializer.Serialize(new
        {
            reference,
            kind = "Ordinance",
            title = "Förordning om provning",
            demands = "Vi provar allt två gånger.",
            responsibleId = app.A.Accounts[Role.SecurityOfficer].PersonId,
            nextReview = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddMonths(6).ToString("yyyy-MM-dd"),
            compliance = "PartlyCompliant",
            complianceComment = "Andra provningen saknas.",
            units = new[] { app.A.UnitId },
            systems = new[] { app.A.SystemId },
        });
        var response = await officer.SendJsonAsync(HttpMethod.Post, "/api/v1/laws", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        var employee = await app.SessionAsync(app.A, Role.Employee);
        var (_, systemPage) = await employee.GetPageAsync($"/systems/{app.A.SystemId}");
        Assert.Contains($"/laws/{id}", systemPage, StringComparison.Ordinal);
        Assert.Contains("Förordning om provning", systemPage, StringComparison.Ordinal);
        var (_, list) = await employee.GetPageAsync($"/laws?system={app.A.SystemId}");
        Assert.Contains(reference, list, StringComparison.Ordinal);

        var details = JsonDocument.Parse(await (await officer.GetAsync($"/api/v1/laws/{id}")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("PartlyCompliant", details.GetProperty("compliance").GetString());
        Assert.Equal(app.A.SystemId, details.GetProperty("systems")[0].GetProperty("id").GetGuid());
        var version = details.GetProperty("version").GetInt32();

        // Removing the system link: the page no longer lists it. Sending the old version again: 409.
        var change = JsonSerializer.Serialize(new
        {
            reference,
            kind = "Ordinance",
            title = "Förordning om provning",
            demands = "Vi provar allt två gånger.",
            compliance = "Compliant",
            units = Array.Empty<Guid>(),
            systems = Array.Empty<Guid>(),
            version,
        });
        Assert.Equal(HttpStatusCode.NoContent, (await officer.SendJsonAsync(HttpMethod.Put, $"/api/v1/laws/{id}", change)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.SendJsonAsync(HttpMethod.Put, $"/api/v1/laws/{id}", change)).StatusCode);
        (_, systemPage) = await employee.GetPageAsync($"/systems/{app.A.SystemId}");
        Assert.DoesNotContain($"/laws/{id}", systemPage, StringComparison.Ordinal);
        Assert.Equal(0, await app.Seed.WithDbAsync(app.A.Id, db => db.LegalRequirementSystems.CountAsync(x => x.LegalRequirementId == id)));
    }

    [Fact]
    public async Task An_overdue_review_and_a_rule_not_followed_are_gaps_on_the_start_page()
    {
        var org = await app.Seed.CreateOrganisationAsync("law" + Guid.NewGuid().ToString("N")[..8], [Role.SecurityOfficer, Role.Employee]);
        await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var law = await db.LegalRequirements.SingleAsync(l => l.Id == org.LawId);
            law.Plan(org.Accounts[Role.SecurityOfficer].PersonId, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-3));
            law.Assess(ComplianceStatus.NotCompliant, "Registerförteckning saknas.");
            return await db.SaveChangesAsync();
        });
        var notAssessed = StartingLegalRegister.Entries.Count - 1;

        var (_, home) = await (await app.SignInAsync(org.Accounts[Role.SecurityOfficer])).GetPageAsync("/");
        Assert.Contains("1 lagar med försenad översyn", home, StringComparison.Ordinal);
        Assert.Contains("1 lagar som inte följs", home, StringComparison.Ordinal);
        Assert.Contains($"{notAssessed} lagar utan bedömd efterlevnad", home, StringComparison.Ordinal);
        var (_, overdue) = await (await app.SignInAsync(org.Accounts[Role.SecurityOfficer])).GetPageAsync("/laws?overdue=true");
        Assert.Contains("(EU) 2016/679", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain("SFS 2009:400", overdue, StringComparison.Ordinal);

        // An employee's start page has no such card.
        var (_, employeeHome) = await (await app.SignInAsync(org.Accounts[Role.Employee])).GetPageAsync("/");
        Assert.DoesNotContain("lagar med försenad översyn", employeeHome, StringComparison.Ordinal);
    }
}
