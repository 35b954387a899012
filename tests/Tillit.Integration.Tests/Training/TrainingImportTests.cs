using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tillit.Data.Audit;
using Tillit.Domain.Access;
using Tillit.Domain.Courses;
using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests.Training;

/// <summary>Importing completions from a learning platform's CSV through the pages, on each database: all rows or nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class TrainingImportTests(TillitApp app)
{
    [Fact]
    public async Task Training_import_with_errors_writes_nothing_and_names_each_error()
    {
        var org = await app.Seed.CreateOrganisationAsync("tri" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer]);
        var course = $"Grundkurs i informationssäkerhet {org.Code}";
        var before = await CountAsync(org);
        var csv = string.Join("\r\n",
            "E-post;Kurs;Datum",
            $"utan.roll@{org.Code}.test;{course};2025-06-01",
            $"okand@{org.Code}.test;{course};2025-06-01",
            $"employee@{org.Code}.test;Ingen sådan kurs;2025-06-01",
            $"manager@{org.Code}.test;{course};2025-13-45",
            $"utan.roll@{org.Code}.test;{course};2025-06-01",
            $"employee@{org.Code}.test;{course};2999-01-01",
            $"employee@{org.Code}.test;;2025-06-01");
        var browser = await app.SessionAsync(org, Role.SecurityOfficer);
        var target = await UploadAsync(browser, csv);

        var (preview, html) = await browser.GetPageAsync(target);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        html = WebUtility.HtmlDecode(html);
        Assert.Contains("7 rader lästa, 1 giltiga, 6 fel.", html, StringComparison.Ordinal);
        Assert.Contains($"Rad 3, kolumn E-post: ingen person har e-postadressen 'okand@{org.Code}.test'", html, StringComparison.Ordinal);
        Assert.Contains("Rad 4, kolumn Kurs: utbildningen 'Ingen sådan kurs' finns inte", html, StringComparison.Ordinal);
        Assert.Contains("Rad 5, kolumn Datum: '2025-13-45' är inget datum (skriv ÅÅÅÅ-MM-DD)", html, StringComparison.Ordinal);
        Assert.Contains($"Rad 6, kolumn E-post: utan.roll@{org.Code}.test på {course} den 2025-06-01 finns på en tidigare rad i filen", html, StringComparison.Ordinal);
        Assert.Contains("Rad 7, kolumn Datum: datumet '2999-01-01' har inte inträffat än", html, StringComparison.Ordinal);
        Assert.Contains("Rad 8, kolumn Kurs: värde saknas", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Rad 2,", html, StringComparison.Ordinal);

        // Sending the import anyway writes nothing, not even the valid row.
        var sent = await browser.PostFormAsync(target, [new("Map[Email]", "0"), new("Map[Course]", "1"), new("Map[CompletedOn]", "2")], tokenFrom: target);
        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
        Assert.Equal(before, await CountAsync(org));
        Assert.Equal(0, await app.Seed.WithDbAsync(org.Id, db => db.AuditEvents.CountAsync(e => e.OrganisationId == org.Id && e.RecordType == nameof(TrainingCompletion))));
    }

    [Fact]
    public async Task A_valid_import_writes_every_row_each_audited_and_the_same_file_again_is_refused_as_already_recorded()
    {
        var org = await app.Seed.CreateOrganisationAsync("trv" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer]);
        var course = $"Grundkurs i informationssäkerhet {org.Code}";
        await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var coded = new TrainingCourse(org.Id, "Nätfiske");
            coded.Describe("Nätfiske", "NF-1", null);
            db.TrainingCourses.Add(coded);
            return await db.SaveChangesAsync();
        });
        var before = await CountAsync(org);
        var csv = string.Join("\r\n",
            "Email,Course,Completed",
            $"UTAN.ROLL@{org.Code}.test,{course},2025-06-01",
            $"employee@{org.Code}.test,{course},2025-06-02 14:30",
            $"employee@{org.Code}.test,NF-1,2025-06-03",
            $"manager@{org.Code}.test,nätfiske,20250604");
        var browser = await app.SessionAsync(org, Role.SecurityOfficer);
        var target = await UploadAsync(browser, csv);
        var (_, html) = await browser.GetPageAsync(target);
        Assert.Contains("4 rader lästa, 4 giltiga, 0 fel.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(org));

        var done = await browser.PostFormAsync(target, [new("Map[Email]", "0"), new("Map[Course]", "1"), new("Map[CompletedOn]", "2")], tokenFrom: target);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("4 genomföranden har lästs in.", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before + 4, await CountAsync(org));
        var days = await app.Seed.WithDbAsync(org.Id, db => db.TrainingCompletions.Where(c => c.Imported).OrderBy(c => c.CompletedOn).Select(c => c.CompletedOn).ToListAsync());
        Assert.Equal([new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 2), new DateOnly(2025, 6, 3), new DateOnly(2025, 6, 4)], days);
        Assert.Equal(4, await app.Seed.WithDbAsync(org.Id, db => db.AuditEvents.CountAsync(e => e.OrganisationId == org.Id && e.RecordType == nameof(TrainingCompletion) && e.Action == AuditActions.Create)));

        // The same export again: every row is already recorded, nothing is written twice.
        var again = await UploadAsync(browser, csv);
        (_, html) = await browser.GetPageAsync(again);
        html = WebUtility.HtmlDecode(html);
        Assert.Contains("4 rader lästa, 0 giltiga, 4 fel.", html, StringComparison.Ordinal);
        Assert.Contains($"Rad 2, kolumn Completed: UTAN.ROLL@{org.Code}.test är redan registrerad med ett genomförande den 2025-06-01", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostFormAsync(again, [new("Map[Email]", "0"), new("Map[Course]", "1"), new("Map[CompletedOn]", "2")], tokenFrom: again)).StatusCode);
        Assert.Equal(before + 4, await CountAsync(org));
    }

    private Task<int> CountAsync(TestOrganisation org) => app.Seed.WithDbAsync(org.Id, db => db.TrainingCompletions.CountAsync());

    private static async Task<string> UploadAsync(Browser browser, string csv)
    {
        var token = await browser.AntiforgeryTokenAsync("/training/import");
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(part, "upload", "completions.csv");
        content.Add(new StringContent(token), Browser.AntiforgeryField);
        var upload = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/training/import") { Content = content });
        var target = Browser.RedirectTarget(upload);
        Assert.StartsWith("/training/import/", target, StringComparison.Ordinal);
        return target!;
    }
}
