using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tillit.Data.Audit;
using Tillit.Domain.Access;
using Tillit.Domain.Register;
using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests.Agreements;

/// <summary>The agreement register through the API and the pages, on each database: the data processing gap, bad input, need-to-know and the trail.</summary>
[Collection(AppCollection.Name)]
public sealed class AgreementTests(TillitApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task A_system_with_personal_data_and_a_supplier_is_a_gap_until_an_agreement_in_force_includes_a_data_processing_agreement()
    {
        var org = await app.Seed.CreateOrganisationAsync("agr" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer, Role.Employee]);
        var officer = await app.ApiAsync(org, Role.SecurityOfficer);

        // Three more systems: personal data with a supplier named but no agreement; a supplier but no personal data;
        // personal data run by ourselves with no supplier.
        var (named, noPersonalData, ownRun) = await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var named = new InformationSystem(org.Id, "Skolplattform", "Test", org.UnitId, SystemForm.Automated) { Supplier = "Skolleverantören AB" };
            var plain = new InformationSystem(org.Id, "Väderstation", "Test", org.UnitId, SystemForm.Automated) { Hosting = Hosting.Cloud };
            var own = new InformationSystem(org.Id, "Egen databas", "Test", org.UnitId, SystemForm.Automated);
            db.InformationSystems.AddRange(named, plain, own);
            db.InformationSetSystems.Add(new InformationSetSystem(org.Id, org.SetId, named.Id));
            db.InformationSetSystems.Add(new InformationSetSystem(org.Id, org.SetId, own.Id));
            var weather = new InformationSet(org.Id, "Mätvärden", org.UnitId) { PersonalData = PersonalData.None };
            db.InformationSets.Add(weather);
            db.InformationSetSystems.Add(new InformationSetSystem(org.Id, weather.Id, plain.Id));
            await db.SaveChangesAsync();
            return (named.Id, plain.Id, own.Id);
        });

        // The sample system is covered by an agreement without a data processing agreement: a gap, like the named supplier.
        var gaps = await GapIdsAsync(officer);
        Assert.Contains(org.SystemId, gaps);
        Assert.Contains(named, gaps);
        Assert.DoesNotContain(noPersonalData, gaps);
        Assert.DoesNotContain(ownRun, gaps);
        var employee = await app.SessionAsync(org, Role.Employee);
        var (_, page) = await employee.GetPageAsync($"/systems/{org.SystemId}");
        Assert.Contains("system-dpa-gap", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/agreements/{org.AgreementId}", page, StringComparison.Ordinal);

        // An agreement that has ended does not close it.
        var ended = await CreateAsync(officer, new { supplier = "Skolleverantören AB", title = "Gammalt avtal", includesDataProcessing = true, transferOutsideEea = "No", responsibleId = org.Accounts[Role.SecurityOfficer].PersonId, startsOn = Day(-400), endsOn = Day(-1), systems = new[] { named } });
        Assert.Contains(named, await GapIdsAsync(officer));

        // One in force with a data processing agreement does; the sample system keeps its gap.
        var current = await CreateAsync(officer, new { supplier = "Skolleverantören AB", title = "Skolplattform som tjänst", includesDataProcessing = true, transferOutsideEea = "No", responsibleId = org.Accounts[Role.SecurityOfficer].PersonId, startsOn = Day(-10), endsOn = Day(700), noticeBy = Day(500), systems = new[] { named } });
        gaps = await GapIdsAsync(officer);
        Assert.DoesNotContain(named, gaps);
        Assert.Contains(org.SystemId, gaps);

        // The officer's system page lists the agreements; the list by view finds the ended one.
        var officerSession = await app.SessionAsync(org, Role.SecurityOfficer);
        (_, page) = await officerSession.GetPageAsync($"/systems/{named}");
        Assert.Contains($"/agreements/{current}", page, StringComparison.Ordinal);
        Assert.Contains($"/agreements/{ended}", page, StringComparison.Ordinal);
        Assert.DoesNotContain("system-dpa-gap", page, StringComparison.Ordinal);
        var endedList = await BodyAsync(officer, "/api/v1/agreements?view=Ended");
        Assert.Contains(ended.ToString("D"), endedList, StringComparison.Ordinal);
        Assert.DoesNotContain(current.ToString("D"), endedList, StringComparison.Ordinal);

        // The start page counts the gap: the sample system only.
        (_, page) = await officerSession.GetPageAsync("/");
        Assert.Contains("1 system med personuppgifter och extern leverantör saknar personuppgiftsbiträdesavtal", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_gets_field_errors_in_Swedish_and_writes_nothing()
    {
        var org = await app.Seed.CreateOrganisationAsync("agr" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer]);
        var officer = await app.ApiAsync(org, Role.SecurityOfficer);
        var before = await app.Seed.WithDbAsync(org.Id, db => db.Agreements.CountAsync());
        var response = await officer.SendJsonAsync(HttpMethod.Post, "/api/v1/agreements", JsonSerializer.Serialize(new
        {
            supplier = "",
            title = "Avtal",
            startsOn = Day(10),
            endsOn = Day(5),
            noticeBy = Day(2),
            transferOutsideEea = "Yes",
            systems = new[] { app.B.SystemId },
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        foreach (var field in new[] { "supplier", "endsOn", "transferBasis", "responsibleId" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        // With those fixed, another organisation's system is refused.
        response = await officer.SendJsonAsync(HttpMethod.Post, "/api/v1/agreements", JsonSerializer.Serialize(new { supplier = "X AB", title = "Avtal", systems = new[] { app.B.SystemId } }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("systems", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The page says it in Swedish beside the field.
        var session = await app.SessionAsync(org, Role.SecurityOfficer);
        var page = await session.PostFormAsync("/agreements/new", ("Input.Supplier", "Y AB"), ("Input.Title", "Avtal"), ("Input.TransferOutsideEea", "Yes"), ("Input.EndsOn", Day(30)));
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Ange på vilken grund uppgifterna förs över utanför EU/EES.", html, StringComparison.Ordinal);
        Assert.Contains("Välj en avtalsansvarig", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.Seed.WithDbAsync(org.Id, db => db.Agreements.CountAsync()));
    }

    [Fact]
    public async Task Only_readers_of_a_covered_system_see_an_agreement_each_read_is_in_the_trail_and_a_stale_edit_is_refused()
    {
        var org = await app.Seed.CreateOrganisationAsync("agr" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer, Role.MunicipalDirector, Role.Employee]);
        var otherSystem = await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var system = new InformationSystem(org.Id, "Annat system", "Test", org.UnitId, SystemForm.Automated);
            db.InformationSystems.Add(system);
            await db.SaveChangesAsync();
            return system.Id;
        });
        var owner = await OwnerOfAsync(org, org.SystemId);
        var otherOwner = await OwnerOfAsync(org, otherSystem);

        // The employee holds no agreements.read.
        var employee = await app.ApiAsync(org, Role.Employee);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"/api/v1/agreements/{org.AgreementId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/api/v1/agreements")).StatusCode);

        // The owner of another system: not found, not listed, and may not put it under their own system either.
        Assert.Equal(HttpStatusCode.NotFound, (await otherOwner.Api.GetAsync($"/api/v1/agreements/{org.AgreementId}")).StatusCode);
        Assert.DoesNotContain(org.AgreementId.ToString("D"), await BodyAsync(otherOwner.Api, "/api/v1/agreements"), StringComparison.Ordinal);
        var grab = await otherOwner.Api.SendJsonAsync(HttpMethod.Post, "/api/v1/agreements", JsonSerializer.Serialize(new { supplier = "X AB", title = "Båda systemen", systems = new[] { otherSystem, org.SystemId } }));
        Assert.Equal(HttpStatusCode.Forbidden, grab.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await otherOwner.Api.SendJsonAsync(HttpMethod.Post, "/api/v1/agreements", JsonSerializer.Serialize(new { supplier = "X AB", title = "Mitt system", systems = new[] { otherSystem } }))).StatusCode);

        // The system's owner reads it; the read is in the trail, with the actor.
        var details = JsonDocument.Parse(await BodyAsync(owner.Api, $"/api/v1/agreements/{org.AgreementId}")).RootElement;
        Assert.Equal(org.SystemId, details.GetProperty("systems")[0].GetProperty("id").GetGuid());
        var reads = await app.Seed.WithDbAsync(org.Id, db => db.AuditEvents.AsNoTracking().CountAsync(e =>
            e.Action == AuditActions.Read && e.RecordType == "Agreement" && e.RecordId == org.AgreementId.ToString("D") && e.ActorPersonId == owner.PersonId));
        Assert.Equal(1, reads);

        // The owner changes it (adds the data processing agreement); the old version is refused afterwards.
        var version = details.GetProperty("version").GetInt32();
        var body = new
        {
            supplier = details.GetProperty("supplier").GetString(),
            title = details.GetProperty("title").GetString(),
            includesDataProcessing = true,
            transferOutsideEea = "No",
            responsibleId = org.Accounts[Role.SecurityOfficer].PersonId,
            startsOn = Day(-365),
            endsOn = Day(180),
            noticeBy = Day(60),
            systems = new[] { org.SystemId },
            version,
        };
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/agreements/{org.AgreementId}", JsonSerializer.Serialize(body))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await owner.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/agreements/{org.AgreementId}", JsonSerializer.Serialize(body))).StatusCode);
        var change = await app.Seed.WithDbAsync(org.Id, db => db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditActions.Update && e.RecordType == "Agreement" && e.RecordId == org.AgreementId.ToString("D")).Select(e => e.Data).SingleAsync());
        Assert.Contains("IncludesDataProcessing", change ?? string.Empty, StringComparison.Ordinal);

        // The director reads the page, without the edit link.
        var director = await app.SessionAsync(org, Role.MunicipalDirector);
        var (response, page) = await director.GetPageAsync($"/agreements/{org.AgreementId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Drift och support av verksamhetssystemet", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/agreements/{org.AgreementId}/edit", page, StringComparison.Ordinal);
    }

    private static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd");

    private static async Task<Guid> CreateAsync(Browser api, object body)
    {
        var response = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/agreements", JsonSerializer.Serialize(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<List<Guid>> GapIdsAsync(Browser api)
    {
        var list = JsonDocument.Parse(await BodyAsync(api, "/api/v1/systems?gap=NoDataProcessingAgreement&pageSize=100")).RootElement;
        return [.. list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
    }

    private static async Task<string> BodyAsync(Browser api, string url)
    {
        var response = await api.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return body;
    }

    private async Task<(Browser Api, Guid PersonId)> OwnerOfAsync(TestOrganisation org, Guid system)
    {
        var account = await app.AppointSystemOwnerAsync(org, system);
        return (await app.ApiAsync(account), account.PersonId);
    }
}
