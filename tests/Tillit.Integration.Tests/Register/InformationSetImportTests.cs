using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tillit.Data.Audit;
using Tillit.Domain.Access;
using Tillit.Domain.Register;
using Tillit.Integration.Tests.Infrastructure;
using Tillit.Web.Features.Shared.Export;

namespace Tillit.Integration.Tests.Register;

/// <summary>Importing information sets and the systems that hold them through the pages (issue 4 part 7), on each database.</summary>
[Collection(AppCollection.Name)]
public sealed class InformationSetImportTests(TillitApp app)
{
    private static readonly (string Name, string Value)[] MapAll =
        [("Map[Name]", "0"), ("Map[Description]", "1"), ("Map[Unit]", "2"), ("Map[Systems]", "3"), ("Map[PersonalData]", "4")];

    [Fact]
    public async Task A_set_import_with_errors_writes_nothing_and_names_each_error_and_only_the_valid_rows_can_be_chosen()
    {
        var org = await app.Seed.CreateOrganisationAsync("isi" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer]);
        var (unit, system) = await NamesAsync(org);
        var csv = string.Join("\r\n",
            "Namn;Beskrivning;Ägande verksamhet;System;Personuppgifter",
            $"Löneunderlag;Löner och avdrag;{unit};{system};Ja",
            $";Saknar namn;{unit};;",
            "Elevakter;;Skola X;;Nej",
            $"Bygglov;;{unit};\"{system}; Finns inte\";",
            $"Löneunderlag;Igen;{unit};;",
            $"Avtal;;{unit};;Kanske",
            $"Klassad mängd {org.Code};;{unit};;");
        await app.Seed.WithDbAsync(org.Id, async db =>
        {
            db.InformationSets.Add(new InformationSet(org.Id, $"Klassad mängd {org.Code}", org.UnitId));
            return await db.SaveChangesAsync();
        });
        var before = await CountAsync(org);
        var browser = await app.SessionAsync(org, Role.SecurityOfficer);
        var target = await UploadAsync(browser, Encoding.UTF8.GetBytes(csv), "mangder.csv");

        var (preview, html) = await browser.GetPageAsync(target);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        html = WebUtility.HtmlDecode(html);
        Assert.Contains("7 rader lästa, 1 giltiga, 6 fel.", html, StringComparison.Ordinal);
        Assert.Contains("Rad 3, kolumn Namn: värde saknas", html, StringComparison.Ordinal);
        Assert.Contains("Rad 4, kolumn Ägande verksamhet: enheten 'Skola X' finns inte", html, StringComparison.Ordinal);
        Assert.Contains("Rad 5, kolumn System: systemet 'Finns inte' finns inte", html, StringComparison.Ordinal);
        Assert.Contains("Rad 6, kolumn Namn: 'Löneunderlag' finns på en tidigare rad i filen", html, StringComparison.Ordinal);
        Assert.Contains("Rad 7, kolumn Personuppgifter: 'Kanske' är inte ett av de tillåtna värdena", html, StringComparison.Ordinal);
        Assert.Contains($"Rad 8, kolumn Namn: det finns redan en informationsmängd som heter 'Klassad mängd {org.Code}'", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Rad 2,", html, StringComparison.Ordinal);

        // Sending the import anyway writes nothing, not even the valid row.
        var sent = await browser.PostFormAsync(target, MapAll.Select(m => new KeyValuePair<string, string>(m.Name, m.Value)), tokenFrom: target);
        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
        Assert.Equal(before, await CountAsync(org));

        // Choosing only the valid rows writes exactly the one valid set and its holding, each audited as a create.
        var valid = await browser.PostFormAsync(target, [.. MapAll.Select(m => new KeyValuePair<string, string>(m.Name, m.Value)), new("validOnly", "true")], tokenFrom: target);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Contains("1 informationsmängder har lästs in.", await valid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before + 1, await CountAsync(org));
        var set = await app.Seed.WithDbAsync(org.Id, db => db.InformationSets.SingleAsync(s => s.Name == "Löneunderlag"));
        Assert.Equal(("Löner och avdrag", PersonalData.Personal, org.UnitId), (set.Description, set.PersonalData, set.OwningUnitId));
        Assert.Equal([org.SystemId], await app.Seed.WithDbAsync(org.Id, db => db.InformationSetSystems.Where(h => h.SetId == set.Id).Select(h => h.SystemId).ToListAsync()));
        Assert.Equal(1, await app.Seed.WithDbAsync(org.Id, db => db.AuditEvents.CountAsync(e => e.RecordType == nameof(InformationSet) && e.RecordId == set.Id.ToString("D") && e.Action == AuditActions.Create)));
        Assert.Equal(1, await app.Seed.WithDbAsync(org.Id, db => db.AuditEvents.CountAsync(e => e.RecordType == nameof(InformationSetSystem) && e.Data!.Contains(set.Id.ToString("D")) && e.Action == AuditActions.Create)));
    }

    [Fact]
    public async Task A_valid_xlsx_writes_every_set_and_its_holdings_in_one_go()
    {
        var org = await app.Seed.CreateOrganisationAsync("isv" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer]);
        var (unit, system) = await NamesAsync(org);
        var second = await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var s = new InformationSystem(org.Id, "Ärendesystem", "Ärenden", org.UnitId, SystemForm.Automated);
            db.InformationSystems.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        var xlsx = await XlsxAsync(
            ["Informationsmängd", "Beskrivning", "Verksamhet", "Finns i system", "Personuppgifter", "Känsliga personuppgifter", "OSL", "Säkerhetsskydd"],
            [
                ["Personalakter", "Anställdas akter", unit.ToUpperInvariant(), $"{system}; ärendesystem", "Personuppgifter", "ja", "OSL 39 kap. 3 §", "nej"],
                ["Kartor", "", unit, "", "Inga personuppgifter", "", "", "Ja"],
            ]);
        var before = await CountAsync(org);
        var browser = await app.SessionAsync(org, Role.SecurityOfficer);
        var target = await UploadAsync(browser, xlsx, "mangder.xlsx");
        var (_, html) = await browser.GetPageAsync(target);
        Assert.Contains("2 rader lästa, 2 giltiga, 0 fel.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(org));

        // The guessed mapping is in the form; posting it imports both rows.
        var done = await browser.PostFormAsync(target,
            [new("Map[Name]", "0"), new("Map[Description]", "1"), new("Map[Unit]", "2"), new("Map[Systems]", "3"), new("Map[PersonalData]", "4"), new("Map[SensitivePersonalData]", "5"), new("Map[SecrecyReference]", "6"), new("Map[ProtectiveSecurity]", "7")],
            tokenFrom: target);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("2 informationsmängder har lästs in.", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before + 2, await CountAsync(org));
        var files = await app.Seed.WithDbAsync(org.Id, db => db.InformationSets.SingleAsync(s => s.Name == "Personalakter"));
        Assert.Equal((PersonalData.Sensitive, "OSL 39 kap. 3 §", false), (files.PersonalData, files.SecrecyReference, files.ProtectiveSecurity));
        var held = await app.Seed.WithDbAsync(org.Id, db => db.InformationSetSystems.Where(h => h.SetId == files.Id).Select(h => h.SystemId).ToListAsync());
        Assert.Equal(new[] { org.SystemId, second }.Order(), held.Order());
        var maps = await app.Seed.WithDbAsync(org.Id, db => db.InformationSets.SingleAsync(s => s.Name == "Kartor"));
        Assert.Equal((PersonalData.None, (string?)null, true), (maps.PersonalData, maps.Description, maps.ProtectiveSecurity));
        Assert.Equal(2, await app.Seed.WithDbAsync(org.Id, db => db.AuditEvents.CountAsync(e => e.OrganisationId == org.Id && e.RecordType == nameof(InformationSet) && e.Action == AuditActions.Create && (e.RecordId == files.Id.ToString("D") || e.RecordId == maps.Id.ToString("D")))));

        // The upload is gone after the import.
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(target)).StatusCode);
    }

    [Fact]
    public async Task An_employee_is_refused_and_a_file_that_is_no_spreadsheet_is_refused_with_a_clear_message()
    {
        var org = await app.Seed.CreateOrganisationAsync("isr" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer, Role.Employee]);
        var before = await CountAsync(org);
        var employee = await app.SessionAsync(org, Role.Employee);
        Assert.NotEqual(HttpStatusCode.OK, (await employee.GetAsync("/information-sets/import")).StatusCode);
        var (_, list) = await employee.GetPageAsync("/information-sets");
        Assert.DoesNotContain("/information-sets/import", list, StringComparison.Ordinal);

        var officer = await app.SessionAsync(org, Role.SecurityOfficer);
        var (_, officerList) = await officer.GetPageAsync("/information-sets");
        Assert.Contains("href=\"/information-sets/import\"", officerList, StringComparison.Ordinal);
        var token = await officer.AntiforgeryTokenAsync("/information-sets/import");
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3 };
        var refused = await officer.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/information-sets/import") { Content = Multipart(png, "mangder.xlsx", token) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Filen är inte ett kalkylark", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // An employee cannot post a file either, nor import an upload (even one of their own making).
        var target = await UploadAsync(officer, Encoding.UTF8.GetBytes("Namn;Enhet\r\nX;Y\r\n"), "mangder.csv");
        var employeeToken = await employee.AntiforgeryTokenAsync("/account/sign-out");
        var upload = await employee.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/information-sets/import") { Content = Multipart(Encoding.UTF8.GetBytes("Namn;Enhet\r\nX;Y\r\n"), "mangder.csv", employeeToken) });
        Assert.NotEqual(HttpStatusCode.OK, upload.StatusCode);
        Assert.DoesNotContain("/information-sets/import/", Browser.RedirectTarget(upload) ?? string.Empty, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await employee.PostFormAsync(target, [new("Map[Name]", "0"), new("Map[Unit]", "1"), new("validOnly", "true")], tokenFrom: "/account/sign-out")).StatusCode);
        Assert.Equal(before, await CountAsync(org));
    }

    private Task<int> CountAsync(TestOrganisation org) => app.Seed.WithDbAsync(org.Id, db => db.InformationSets.CountAsync());

    private Task<(string Unit, string System)> NamesAsync(TestOrganisation org) =>
        app.Seed.WithDbAsync(org.Id, async db => (
            await db.Units.Where(u => u.Id == org.UnitId).Select(u => u.Name).SingleAsync(),
            await db.InformationSystems.Where(s => s.Id == org.SystemId).Select(s => s.Name).SingleAsync()));

    private static async Task<string> UploadAsync(Browser browser, byte[] file, string fileName)
    {
        var token = await browser.AntiforgeryTokenAsync("/information-sets/import");
        var upload = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/information-sets/import") { Content = Multipart(file, fileName, token) });
        var target = Browser.RedirectTarget(upload);
        Assert.StartsWith("/information-sets/import/", target, StringComparison.Ordinal);
        return target!;
    }

    private static MultipartFormDataContent Multipart(byte[] file, string fileName, string token)
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "upload", fileName);
        content.Add(new StringContent(token), Browser.AntiforgeryField);
        return content;
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
