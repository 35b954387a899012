using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Tillit.Data.Audit;
using Tillit.Domain.Access;
using Tillit.Integration.Tests.Infrastructure;
using Tillit.Web.Features.Shared.Export;

namespace Tillit.Integration.Tests.Register;

/// <summary>Export and import of the register (issue 4 part 7), through the API and the pages, on each database.</summary>
[Collection(AppCollection.Name)]
public sealed class RegisterImportExportTests(TillitApp app)
{
    [Fact]
    public async Task Formula_like_cells_are_neutralised_in_both_export_formats_and_each_export_is_one_audit_event()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var api = await app.ApiAsync(app.A, Role.SecurityOfficer);
        var created = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/systems",
            $$"""{"name":"=HYPERLINK(\"http://evil\") {{tag}}","purpose":"@SUM(A1)","unitId":"{{app.A.UnitId}}","form":"Automated","importantToOperations":false,"hosting":"Cloud","lifecycle":"InUse","supplier":"+46 tab\tx"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var before = await ExportEventsAsync();
        var xlsx = await api.GetAsync($"/api/v1/systems/export?q={tag}&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var rows = ReadXlsx(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(2, rows.Count);
        Assert.Equal($"'=HYPERLINK(\"http://evil\") {tag}", rows[1][0]);
        Assert.Equal("'@SUM(A1)", rows[1][1]);
        Assert.Equal("'+46 tab\tx", rows[1][7]);

        var csv = await api.GetAsync($"/api/v1/systems/export?q={tag}&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "the CSV starts with a UTF-8 BOM");
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Namn;Syfte;", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"\"'=HYPERLINK(\"\"http://evil\"\") {tag}\";'@SUM(A1);", lines[1], StringComparison.Ordinal);
        Assert.Contains(";'+46 tab\tx;", lines[1], StringComparison.Ordinal);

        // Each export is one event with the query and the row count.
        var events = (await ExportEventsAsync()).Skip(before.Count).ToList();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Contains("\"rows\":1", e, StringComparison.Ordinal));
        Assert.Contains($"q={tag}", events[0], StringComparison.Ordinal);

        // The list page exports the same way (with its filters), and the set list too.
        var page = await (await app.SessionAsync(app.A, Role.Employee)).GetAsync($"/systems?q={tag}&handler=export&format=csv");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(tag, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var sets = await (await app.SessionAsync(app.A, Role.SecurityOfficer)).GetAsync("/information-sets?handler=export&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, sets.StatusCode);
        Assert.NotEmpty(ReadXlsx(await sets.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/systems/export?format=pdf")).StatusCode);
    }

    [Fact]
    public void The_neutraliser_covers_every_formula_start()
    {
        foreach (var start in new[] { "=", "+", "-", "@", "\t", "\r" })
        {
            Assert.Equal("'" + start + "1+1", TableExport.Neutralise(start + "1+1"));
        }

        Assert.Equal("Vanlig text", TableExport.Neutralise("Vanlig text"));
    }

    [Fact]
    public async Task An_import_with_errors_writes_nothing_and_names_each_error()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var unit = await UnitNameAsync();
        var csv = $"Systemnamn;Syfte;Verksamhet;Driftform\r\nA {tag};Ekonomi;{unit};Molntjänst\r\nB {tag};;{unit};\r\nC {tag};Skolan;Skola X;\r\nA {tag};Igen;{unit};Rymden\r\n";
        var before = await SystemCountAsync();

        var response = await PostImportAsync(await app.ApiAsync(app.A, Role.SecurityOfficer), Encoding.UTF8.GetBytes(csv), "register.csv", "commit");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Rad 3, kolumn Syfte: värde saknas", body, StringComparison.Ordinal);
        Assert.Contains("Rad 4, kolumn Verksamhet: enheten 'Skola X' finns inte", body, StringComparison.Ordinal);
        Assert.Contains($"Rad 5, kolumn Systemnamn: 'A {tag}' finns på en tidigare rad i filen", body, StringComparison.Ordinal);
        Assert.Contains("Rad 5, kolumn Driftform: 'Rymden' är inte ett av de tillåtna värdena", body, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(4, json.RootElement.GetProperty("errorCount").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("validRows").GetInt32());
        Assert.Equal(before, await SystemCountAsync());

        // The same file, importing only the valid rows: exactly the one valid row is written, audited as a create.
        var valid = await PostImportAsync(await app.ApiAsync(app.A, Role.SecurityOfficer), Encoding.UTF8.GetBytes(csv), "register.csv", "commit", validOnly: true);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(before + 1, await SystemCountAsync());
        var system = await app.Seed.WithDbAsync(app.A.Id, db => db.InformationSystems.SingleAsync(s => s.Name == $"A {tag}"));
        Assert.Equal(Tillit.Domain.Register.Hosting.Cloud, system.Hosting);
        Assert.Equal(1, await app.Seed.WithDbAsync(app.A.Id, db => db.AuditEvents.CountAsync(e => e.RecordType == "InformationSystem" && e.RecordId == system.Id.ToString("D") && e.Action == AuditActions.Create)));
    }

    [Fact]
    public async Task A_valid_xlsx_is_previewed_through_the_pages_and_imported_in_one_go()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var unit = await UnitNameAsync();
        var xlsx = await XlsxAsync(["Name", "Purpose", "Unit", "Lifecycle", "Important"], [[$"P1 {tag}", "Payroll", unit, "Planerat", "ja"], [$"P2 {tag}", "Archive", unit, "Retired", "no"]]);
        var browser = await app.SessionAsync(app.A, Role.SecurityOfficer);
        var token = await browser.AntiforgeryTokenAsync("/systems/import");
        var upload = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/systems/import") { Content = Multipart(xlsx, "register.xlsx", (Browser.AntiforgeryField, token)) });
        var target = Browser.RedirectTarget(upload);
        Assert.StartsWith("/systems/import/", target, StringComparison.Ordinal);

        var (preview, html) = await browser.GetPageAsync(target!);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("2 rader lästa, 2 giltiga, 0 fel.", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.Seed.WithDbAsync(app.A.Id, db => db.InformationSystems.CountAsync(s => s.Name.EndsWith(tag))));

        var done = await browser.PostFormAsync(target!, [new("Map[Name]", "0"), new("Map[Purpose]", "1"), new("Map[Unit]", "2"), new("Map[Lifecycle]", "3"), new("Map[Important]", "4")], tokenFrom: target!);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("2 system har lästs in.", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var imported = await app.Seed.WithDbAsync(app.A.Id, db => db.InformationSystems.Where(s => s.Name.EndsWith(tag)).OrderBy(s => s.Name).ToListAsync());
        Assert.Equal([Tillit.Domain.Register.Lifecycle.Planned, Tillit.Domain.Register.Lifecycle.Retired], imported.Select(s => s.Lifecycle));
        Assert.True(imported[0].ImportantToOperations);

        // The upload is gone after the import.
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(target!)).StatusCode);
    }

    [Fact]
    public async Task A_zip_bomb_and_a_file_that_is_no_spreadsheet_are_refused_with_a_clear_message_and_write_nothing()
    {
        var before = await SystemCountAsync();
        var api = await app.ApiAsync(app.A, Role.SecurityOfficer);

        var bomb = await PostImportAsync(api, ZipBomb(), "register.xlsx", "commit", validOnly: true);
        Assert.Equal(HttpStatusCode.BadRequest, bomb.StatusCode);
        Assert.Contains("misstänkt zip-bomb", await bomb.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3 };
        var notSheet = await PostImportAsync(api, png, "register.xlsx", "commit", validOnly: true);
        Assert.Equal(HttpStatusCode.BadRequest, notSheet.StatusCode);
        Assert.Contains("Filen är inte ett kalkylark", await notSheet.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A zip that is not a workbook (e.g. a renamed .docx or any archive).
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = await archive.CreateEntry("word/document.xml").OpenAsync();
            await entry.WriteAsync("<w:document/>"u8.ToArray());
        }

        var notWorkbook = await PostImportAsync(api, zip.ToArray(), "register.xlsx", "validate");
        Assert.Contains("Filen är inte ett kalkylark", await notWorkbook.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The page refuses the bomb at upload, before anything is kept.
        var browser = await app.SessionAsync(app.A, Role.SecurityOfficer);
        var token = await browser.AntiforgeryTokenAsync("/systems/import");
        var page = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/systems/import") { Content = Multipart(ZipBomb(), "register.xlsx", (Browser.AntiforgeryField, token)) });
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("misstänkt zip-bomb", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await SystemCountAsync());
    }

    [Fact]
    public async Task A_windows_1252_csv_with_commas_is_read()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var unit = await UnitNameAsync();
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes($"Namn,Syfte,Enhet,Leverantör\r\nLönesystem {tag},Löner och ersättningar,{unit},Företaget AB\r\n");
        var response = await PostImportAsync(await app.ApiAsync(app.A, Role.SecurityOfficer), bytes, "register.csv", "commit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var system = await app.Seed.WithDbAsync(app.A.Id, db => db.InformationSystems.SingleAsync(s => s.Name == $"Lönesystem {tag}"));
        Assert.Equal(("Löner och ersättningar", "Företaget AB"), (system.Purpose, system.Supplier));
    }

    private static async Task<HttpResponseMessage> PostImportAsync(Browser api, byte[] file, string fileName, string mode, bool validOnly = false) =>
        await api.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/systems/import?mode={mode}&validOnly={(validOnly ? "true" : "false")}") { Content = Multipart(file, fileName) });

    private static MultipartFormDataContent Multipart(byte[] file, string fileName, params (string Name, string Value)[] fields)
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, fields.Length > 0 ? "upload" : "file", fileName);
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        return content;
    }

    /// <summary>A zip with a workbook entry and a 60 MB entry of zeros (compressed to a few tens of kB).</summary>
    private static byte[] ZipBomb()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var workbook = archive.CreateEntry("xl/workbook.xml").Open())
            {
                workbook.Write("<workbook/>"u8);
            }

            using var sheet = archive.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 60; i++)
            {
                sheet.Write(zeros);
            }
        }

        return zip.ToArray();
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

    private static List<string[]> ReadXlsx(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var part = document.WorkbookPart!.WorksheetParts.Single();
        return [.. part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? string.Empty).ToArray())];
    }

    private Task<string> UnitNameAsync() =>
        app.Seed.WithDbAsync(app.A.Id, db => db.Units.Where(u => u.Id == app.A.UnitId).Select(u => u.Name).SingleAsync());

    private Task<int> SystemCountAsync() => app.Seed.WithDbAsync(app.A.Id, db => db.InformationSystems.CountAsync());

    private Task<List<string>> ExportEventsAsync() =>
        app.Seed.WithDbAsync(app.A.Id, db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditActions.Export && e.RecordType == "InformationSystem")
            .OrderBy(e => e.Sequence).Select(e => e.Data ?? string.Empty).ToListAsync());
}
