using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tillit.Data.Audit;
using Tillit.Domain.Access;
using Tillit.Domain.Register;
using Tillit.Integration.Tests.Infrastructure;
using Tillit.Web.Features.Shared.Export;
using Tillit.Web.Infrastructure.Audit;

namespace Tillit.Integration.Tests.Register;

/// <summary>
/// The register imports through the API with the bulk write (decision 33): every imported record has its create
/// event with its values in a chain that verifies; the information-set import's API checks, refuses and writes like
/// the systems import's. On each database.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RegisterImportApiTests(TillitApp app)
{
    private const int Rows = 120;

    [Fact]
    public async Task A_systems_import_of_n_rows_writes_n_systems_and_n_create_events_with_their_values_in_a_chain_that_verifies()
    {
        var org = await app.Seed.CreateOrganisationAsync("bis" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer]);
        var (unit, _) = await NamesAsync(org);
        var xlsx = await XlsxAsync(
            ["Namn", "Syfte", "Verksamhet", "Drift", "Leverantör"],
            [.. Enumerable.Range(1, Rows).Select(i => new[] { $"Massystem {i:D3}", $"Syfte {i}", unit, i % 2 == 0 ? "Molntjänst" : "", i % 3 == 0 ? $"Leverantör {i} AB" : "" })]);
        var before = await app.Seed.WithDbAsync(org.Id, db => db.InformationSystems.CountAsync());

        var response = await PostAsync(await app.ApiAsync(org, Role.SecurityOfficer), "systems", xlsx, "register.xlsx", "commit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using (var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
        {
            Assert.Equal(Rows, json.RootElement.GetProperty("created").GetInt32());
        }

        var systems = await app.Seed.WithDbAsync(org.Id, db => db.InformationSystems.AsNoTracking().Where(s => s.Name.StartsWith("Massystem ")).ToListAsync());
        Assert.Equal(Rows, systems.Count);
        Assert.Equal(before + Rows, await app.Seed.WithDbAsync(org.Id, db => db.InformationSystems.CountAsync()));
        var ids = systems.Select(s => s.Id.ToString("D")).ToHashSet();
        var events = (await CreateEventsAsync(org, nameof(InformationSystem))).Where(e => ids.Contains(e.RecordId!)).ToList();
        Assert.Equal(ids.Order(), events.Select(e => e.RecordId!).Order());

        // Each event carries every field's value, as an ordinary save's event does.
        var cloud = systems.Single(s => s.Name == "Massystem 006");
        Assert.Equal((Hosting.Cloud, "Leverantör 6 AB"), (cloud.Hosting, cloud.Supplier));
        var data = events.Single(e => e.RecordId == cloud.Id.ToString("D")).Data!;
        Assert.Contains("\"Name\":[null,\"Massystem 006\"]", data, StringComparison.Ordinal);
        Assert.Contains("\"Purpose\":[null,\"Syfte 6\"]", data, StringComparison.Ordinal);
        Assert.Contains($"\"Hosting\":[null,\"{(int)Hosting.Cloud}\"]", data, StringComparison.Ordinal);
        Assert.Contains("\"Supplier\":[null,\"Leverantör 6 AB\"]", data, StringComparison.Ordinal);
        Assert.Contains($"\"UnitId\":[null,\"{org.UnitId:D}\"]", data, StringComparison.Ordinal);
        Assert.All(events, e => Assert.Equal(org.Id, e.OrganisationId));
        Assert.Equal(Rows - 1, events[^1].Sequence - events[0].Sequence);

        await AssertChainVerifiesAsync();
    }

    [Fact]
    public async Task A_set_import_is_checked_then_committed_through_the_api_each_set_and_holding_with_its_create_event()
    {
        var org = await app.Seed.CreateOrganisationAsync("bia" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer]);
        var (unit, system) = await NamesAsync(org);
        var xlsx = await XlsxAsync(
            ["Informationsmängd", "Beskrivning", "Verksamhet", "Finns i system", "Personuppgifter", "Säkerhetsskydd"],
            [.. Enumerable.Range(1, Rows).Select(i => new[] { $"Mängd {i:D3}", $"Beskrivning {i}", unit, i % 2 == 0 ? system : "", i % 4 == 0 ? "ja" : "nej", "" })]);
        var api = await app.ApiAsync(org, Role.SecurityOfficer);
        var before = await SetCountAsync(org);

        // validate (the default) only checks.
        var check = await PostAsync(api, "information-sets", xlsx, "mangder.xlsx", mode: null);
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        using (var json = JsonDocument.Parse(await check.Content.ReadAsStringAsync()))
        {
            Assert.Equal((Rows, Rows, 0, false), (json.RootElement.GetProperty("rows").GetInt32(), json.RootElement.GetProperty("validRows").GetInt32(), json.RootElement.GetProperty("created").GetInt32(), json.RootElement.GetProperty("written").GetBoolean()));
        }

        Assert.Equal(before, await SetCountAsync(org));

        var commit = await PostAsync(api, "information-sets", xlsx, "mangder.xlsx", "commit");
        Assert.Equal(HttpStatusCode.OK, commit.StatusCode);
        Assert.Equal(before + Rows, await SetCountAsync(org));
        var sets = await app.Seed.WithDbAsync(org.Id, db => db.InformationSets.AsNoTracking().Where(s => s.Name.StartsWith("Mängd ")).ToListAsync());
        Assert.Equal(PersonalData.Personal, sets.Single(s => s.Name == "Mängd 004").PersonalData);
        var held = sets.Where(s => int.Parse(s.Name[6..], System.Globalization.CultureInfo.InvariantCulture) % 2 == 0).Select(s => s.Id).ToList();
        Assert.Equal(Rows / 2, held.Count);
        var holdings = await app.Seed.WithDbAsync(org.Id, db => db.InformationSetSystems.AsNoTracking().Where(h => held.Contains(h.SetId)).ToListAsync());
        Assert.Equal(held.Order(), holdings.Select(h => h.SetId).Order());
        Assert.All(holdings, h => Assert.Equal(org.SystemId, h.SystemId));

        var ids = sets.Select(s => s.Id.ToString("D")).ToHashSet();
        var setEvents = (await CreateEventsAsync(org, nameof(InformationSet))).Where(e => ids.Contains(e.RecordId!)).ToList();
        Assert.Equal(ids.Order(), setEvents.Select(e => e.RecordId!).Order());
        var four = sets.Single(s => s.Name == "Mängd 004");
        Assert.Contains("\"Name\":[null,\"Mängd 004\"]", setEvents.Single(e => e.RecordId == four.Id.ToString("D")).Data, StringComparison.Ordinal);
        Assert.Contains($"\"PersonalData\":[null,\"{(int)PersonalData.Personal}\"]", setEvents.Single(e => e.RecordId == four.Id.ToString("D")).Data, StringComparison.Ordinal);
        var holdingIds = holdings.Select(h => h.Id.ToString("D")).ToHashSet();
        var holdingEvents = (await CreateEventsAsync(org, nameof(InformationSetSystem))).Where(e => holdingIds.Contains(e.RecordId!)).ToList();
        Assert.Equal(holdingIds.Order(), holdingEvents.Select(e => e.RecordId!).Order());
        Assert.Contains(holdingEvents, e => e.Data!.Contains($"\"SetId\":[null,\"{four.Id:D}\"]", StringComparison.Ordinal));
        await AssertChainVerifiesAsync();
    }

    [Fact]
    public async Task A_set_import_with_errors_answers_a_validation_problem_naming_each_row_and_column_and_writes_nothing()
    {
        var org = await app.Seed.CreateOrganisationAsync("bie" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer]);
        var (unit, system) = await NamesAsync(org);
        var csv = string.Join("\r\n",
            "Namn;Enhet;System;Personuppgifter",
            $"Giltig;{unit};{system};nej",
            $";{unit};;",
            "Elevakter;Skola X;;",
            $"Bygglov;{unit};Finns inte;Kanske");
        var api = await app.ApiAsync(org, Role.SecurityOfficer);
        var before = await SetCountAsync(org);
        var eventsBefore = await app.Seed.WithDbAsync(org.Id, db => db.AuditEvents.CountAsync(e => e.OrganisationId == org.Id && e.Action == AuditActions.Create));

        var response = await PostAsync(api, "information-sets", Encoding.UTF8.GetBytes(csv), "mangder.csv", "commit");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = json.RootElement.GetProperty("errors");
        Assert.Equal("Rad 3, kolumn Namn: värde saknas", errors.GetProperty("rows[3].Namn")[0].GetString());
        Assert.Equal("Rad 4, kolumn Enhet: enheten 'Skola X' finns inte", errors.GetProperty("rows[4].Enhet")[0].GetString());
        Assert.Equal("Rad 5, kolumn System: systemet 'Finns inte' finns inte", errors.GetProperty("rows[5].System")[0].GetString());
        Assert.StartsWith("Rad 5, kolumn Personuppgifter: 'Kanske'", errors.GetProperty("rows[5].Personuppgifter")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal((4, 1, 4), (json.RootElement.GetProperty("rows").GetInt32(), json.RootElement.GetProperty("validRows").GetInt32(), json.RootElement.GetProperty("errorCount").GetInt32()));
        Assert.Equal(4, json.RootElement.GetProperty("importErrors").GetArrayLength());
        Assert.Equal(before, await SetCountAsync(org));
        Assert.Equal(eventsBefore, await app.Seed.WithDbAsync(org.Id, db => db.AuditEvents.CountAsync(e => e.OrganisationId == org.Id && e.Action == AuditActions.Create)));

        // With validOnly the one valid row is written; an explicit mapping names the headers.
        var mapping = """{"name":"Namn","unit":"Enhet","systems":"System","personalData":"Personuppgifter"}""";
        var valid = await PostAsync(api, "information-sets", Encoding.UTF8.GetBytes(csv), "mangder.csv", "commit", validOnly: true, mapping: mapping);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(before + 1, await SetCountAsync(org));

        // A mapping naming an unknown field or header, an unknown mode and a missing required column are refused, nothing written.
        var unknown = await PostAsync(api, "information-sets", Encoding.UTF8.GetBytes(csv), "mangder.csv", "commit", mapping: """{"colour":"Namn"}""");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("\"mapping\"", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(api, "information-sets", Encoding.UTF8.GetBytes(csv), "mangder.csv", "write")).StatusCode);
        var noUnit = await PostAsync(api, "information-sets", Encoding.UTF8.GetBytes("Namn;Något\r\nEn mängd;x\r\n"), "mangder.csv", "commit");
        Assert.Equal(HttpStatusCode.BadRequest, noUnit.StatusCode);
        Assert.Contains("mapping.", await noUnit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before + 1, await SetCountAsync(org));
    }

    [Fact]
    public async Task The_set_import_api_refuses_an_employee_a_file_that_is_no_spreadsheet_and_a_body_over_the_limit()
    {
        var org = await app.Seed.CreateOrganisationAsync("bir" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer, Role.Employee]);
        var (unit, _) = await NamesAsync(org);
        var before = await SetCountAsync(org);
        var csv = Encoding.UTF8.GetBytes($"Namn;Enhet\r\nX;{unit}\r\n");

        var employee = await PostAsync(await app.ApiAsync(org, Role.Employee), "information-sets", csv, "mangder.csv", "commit");
        Assert.Equal(HttpStatusCode.Forbidden, employee.StatusCode);

        var api = await app.ApiAsync(org, Role.SecurityOfficer);
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3 };
        var notSheet = await PostAsync(api, "information-sets", png, "mangder.xlsx", "commit", validOnly: true);
        Assert.Equal(HttpStatusCode.BadRequest, notSheet.StatusCode);
        Assert.Contains("Filen är inte ett kalkylark", await notSheet.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var noFile = await api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/information-sets/import?mode=commit") { Content = new StringContent("{}", Encoding.UTF8, "application/json") });
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);

        var huge = Encoding.UTF8.GetBytes("Namn;Enhet\r\n" + string.Concat(Enumerable.Repeat($"En lång rad med text;{unit}\r\n", 60_000)));
        var tooLarge = await PostAsync(api, "information-sets", huge, "mangder.csv", "commit");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(before, await SetCountAsync(org));
    }

    private async Task AssertChainVerifiesAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        using var key = System.Security.Cryptography.ECDsa.Create();
        key.ImportFromPem(scope.ServiceProvider.GetRequiredService<AuditSigner>().PublicKeyPem);
        var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(key, CancellationToken.None);
        Assert.True(result.Intact, string.Join("; ", result.Problems.Select(p => p.What)));
    }

    private Task<List<AuditEvent>> CreateEventsAsync(TestOrganisation org, string recordType) =>
        app.Seed.WithDbAsync(org.Id, db => db.AuditEvents.AsNoTracking()
            .Where(e => e.OrganisationId == org.Id && e.RecordType == recordType && e.Action == AuditActions.Create)
            .OrderBy(e => e.Sequence).ToListAsync());

    private Task<int> SetCountAsync(TestOrganisation org) => app.Seed.WithDbAsync(org.Id, db => db.InformationSets.CountAsync());

    private Task<(string Unit, string System)> NamesAsync(TestOrganisation org) =>
        app.Seed.WithDbAsync(org.Id, async db => (
            await db.Units.Where(u => u.Id == org.UnitId).Select(u => u.Name).SingleAsync(),
            await db.InformationSystems.Where(s => s.Id == org.SystemId).Select(s => s.Name).SingleAsync()));

    private static async Task<HttpResponseMessage> PostAsync(Browser api, string register, byte[] file, string fileName, string? mode, bool validOnly = false, string? mapping = null)
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "file", fileName);
        if (mapping is not null)
        {
            content.Add(new StringContent(mapping), "mapping");
        }

        var query = (mode is null ? string.Empty : $"mode={mode}&") + $"validOnly={(validOnly ? "true" : "false")}";
        return await api.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/{register}/import?{query}") { Content = content });
    }

    private static async Task<byte[]> XlsxAsync(string[] headers, string[][] rows)
    {
        var columns = headers.Select((h, i) => new ExportColumn<string[]>(h, r => r[i])).ToList();
        var file = await TableExport.WriteAsync(ExportFormat.Xlsx, "test", columns, rows.ToAsyncEnumerable(), CancellationToken.None);
        await using var content = file.Content;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        return copy.ToArray();
    }
}
