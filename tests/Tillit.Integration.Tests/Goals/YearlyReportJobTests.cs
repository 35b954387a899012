using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Tillit.Domain.Access;
using Tillit.Domain.Goals;
using Tillit.Integration.Tests.Infrastructure;
using Tillit.Web.Features.Reports;

namespace Tillit.Integration.Tests.Goals;

/// <summary>
/// The yearly report generated in the background (issue 8, decision 32): a job per request, run once whatever the
/// number of instances, each run a new dated version; the board takes note of one version and nothing is generated
/// after it. The test host does not run the background service (Reports:RunJobsInBackground is off); the tests run
/// the jobs themselves, as the service would.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class YearlyReportJobTests(TillitApp app)
{
    private static readonly int Year = TimeProvider.System.GetUtcNow().Year;

    [Fact]
    public async Task Each_generation_is_a_job_that_makes_a_new_version_and_the_version_the_board_noted_stays()
    {
        var org = await app.Seed.CreateOrganisationAsync("repjob1", [Role.SecurityOfficer, Role.BoardMember]);
        var officer = await app.ApiAsync(org, Role.SecurityOfficer);
        var board = await app.ApiAsync(org, Role.BoardMember);

        // The request records a job and answers at once; a second request while it waits is refused.
        var first = await QueueAsync(officer, "Öva krisledningen.");
        Assert.Equal("Queued", (await JsonAsync(officer, $"/api/v1/reports/jobs/{first}")).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await board.GetAsync($"/api/v1/reports/jobs/{first}")).StatusCode);
        var busy = await officer.SendJsonAsync(HttpMethod.Post, "/api/v1/reports", $$"""{"year":{{Year}},"proposals":"x"}""");
        Assert.Equal(HttpStatusCode.BadRequest, busy.StatusCode);
        Assert.Contains("tas redan fram", await busy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(board, $"/api/v1/reports/{Year}")).GetProperty("report").ValueKind);

        Assert.True(await RunAsync(first, org.Id));
        var done = await JsonAsync(officer, $"/api/v1/reports/jobs/{first}");
        Assert.Equal(("Done", "Done", 1), (done.GetProperty("status").GetString(), done.GetProperty("step").GetString(), done.GetProperty("versionNumber").GetInt32()));

        // A second generation is version 2; version 1 stays readable with its own proposals, as a page and as Word.
        var second = await QueueAsync(officer, "Klassa alla ärendesystem.");
        Assert.True(await RunAsync(second, org.Id));
        var latest = await JsonAsync(board, $"/api/v1/reports/{Year}");
        Assert.Equal((2, "Klassa alla ärendesystem.", 2), (latest.GetProperty("version").GetInt32(), latest.GetProperty("proposals").GetString(), latest.GetProperty("versions").GetArrayLength()));
        var earlier = await JsonAsync(board, $"/api/v1/reports/{Year}?version=1");
        Assert.Equal((1, "Öva krisledningen."), (earlier.GetProperty("version").GetInt32(), earlier.GetProperty("proposals").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await board.GetAsync($"/api/v1/reports/{Year}?version=3")).StatusCode);
        var boardSession = await app.SessionAsync(org, Role.BoardMember);
        var (page, html) = await boardSession.GetPageAsync($"/reports/{Year}?version=1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Öva krisledningen.", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/reports/{Year}?version=2\"", html, StringComparison.Ordinal);
        var docx = await boardSession.GetAsync($"/reports/{Year}?handler=docx&version=1");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = word.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("Öva krisledningen.", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Klassa alla ärendesystem.", text, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await boardSession.GetAsync($"/reports/{Year}?handler=pdf&version=1")).StatusCode);

        // A third job waits while the board takes note of version 1: that version is the report in force, and the
        // job, when it runs, fails with the reason; what the officer wrote stays on the job.
        var third = await QueueAsync(officer, "Nytt förslag som inte hinner med.");
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.SendJsonAsync(HttpMethod.Post, $"/api/v1/reports/{Year}/note", $$"""{"body":"Kommunstyrelsen","on":"{{today}}","reference":"KS § 7","version":9}""")).StatusCode);
        var noted = await officer.SendJsonAsync(HttpMethod.Post, $"/api/v1/reports/{Year}/note", $$"""{"body":"Kommunstyrelsen","on":"{{today}}","reference":"KS § 7","version":1}""");
        Assert.True(noted.StatusCode == HttpStatusCode.NoContent, Calls.Describe(noted) + await noted.Content.ReadAsStringAsync());
        var inForce = await JsonAsync(board, $"/api/v1/reports/{Year}");
        Assert.Equal((1, "Öva krisledningen."), (inForce.GetProperty("version").GetInt32(), inForce.GetProperty("proposals").GetString()));
        Assert.Equal("Öva krisledningen.", await app.Seed.WithDbAsync(org.Id, db => db.YearlyReports.Select(r => r.Proposals).SingleAsync()));

        Assert.True(await RunAsync(third, org.Id));
        var failed = await JsonAsync(officer, $"/api/v1/reports/jobs/{third}");
        Assert.Equal(("Failed", "YearlyReport.Noted"), (failed.GetProperty("status").GetString(), failed.GetProperty("failure").GetString()));
        Assert.Equal("Nytt förslag som inte hinner med.", await app.Seed.WithDbAsync(org.Id, db => db.YearlyReportJobs.Where(j => j.Id == third).Select(j => j.Proposals).SingleAsync()));
        Assert.Equal(2, await app.Seed.WithDbAsync(org.Id, db => db.YearlyReportVersions.CountAsync()));

        // The job's page says why in Swedish and offers to start again; starting again is refused now, and a new generation too.
        var officerSession = await app.SessionAsync(org, Role.SecurityOfficer);
        var (jobPage, jobHtml) = await officerSession.GetPageAsync($"/reports/jobs/{third}");
        Assert.Equal(HttpStatusCode.OK, jobPage.StatusCode);
        Assert.Contains("Framtagningen misslyckades.", jobHtml, StringComparison.Ordinal);
        Assert.Contains("Styrelsen har redan tagit del av årsrapporten", jobHtml, StringComparison.Ordinal);
        var retry = await officerSession.PostFormAsync($"/reports/jobs/{third}?handler=retry", Array.Empty<(string, string)>());
        Assert.Equal(HttpStatusCode.BadRequest, retry.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.SendJsonAsync(HttpMethod.Post, "/api/v1/reports", $$"""{"year":{{Year}},"proposals":"x"}""")).StatusCode);
        Assert.Equal(3, await app.Seed.WithDbAsync(org.Id, db => db.YearlyReportJobs.CountAsync()));

        // A done job's page leads to the report.
        var doneJob = await officerSession.GetAsync($"/reports/jobs/{first}");
        Assert.Equal($"/reports/{Year}", Browser.RedirectTarget(doneJob));
    }

    [Fact]
    public async Task A_job_is_run_by_one_instance_only()
    {
        var org = await app.Seed.CreateOrganisationAsync("repjob2", [Role.SecurityOfficer]);
        var officer = await app.ApiAsync(org, Role.SecurityOfficer);

        // The claim itself: two instances read the waiting job; the first to save its claim has it, the second's
        // save fails on the concurrency token and it leaves the job alone.
        var claimed = await QueueAsync(officer, "Ett");
        var scopes = app.Factory.Services.GetRequiredService<IServiceScopeFactory>();
        await using (var one = scopes.CreateAsyncScope())
        await using (var two = scopes.CreateAsyncScope())
        {
            var (dbOne, jobOne) = await LoadAsync(one, org.Id, claimed);
            var (dbTwo, jobTwo) = await LoadAsync(two, org.Id, claimed);
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            Assert.True(await YearlyReportJobs.ClaimAsync(dbOne, jobOne, "instance one", now, CancellationToken.None));
            Assert.False(await YearlyReportJobs.ClaimAsync(dbTwo, jobTwo, "instance two", now, CancellationToken.None));
        }

        var row = await app.Seed.WithDbAsync(org.Id, db => db.YearlyReportJobs.AsNoTracking().SingleAsync(j => j.Id == claimed));
        Assert.Equal((ReportJobStatus.Running, "instance one"), (row.Status, row.ClaimedBy));

        // A claimed job whose claim holds is not run by another instance; it stays the first instance's.
        var other = new YearlyReportJobs(scopes, TimeProvider.System, NullLogger<YearlyReportJobs>.Instance);
        Assert.False(await other.RunAsync(claimed, org.Id, CancellationToken.None));
        Assert.Equal(0, await app.Seed.WithDbAsync(org.Id, db => db.YearlyReportVersions.CountAsync()));

        // Two whole services over one database, started together on a waiting job: one runs it, one version.
        await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var job = await db.YearlyReportJobs.SingleAsync(j => j.Id == claimed);
            job.Fail("YearlyReport.JobFailed", TimeProvider.System.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });
        var waiting = await QueueAsync(officer, "Två");
        var a = new YearlyReportJobs(scopes, TimeProvider.System, NullLogger<YearlyReportJobs>.Instance);
        var b = new YearlyReportJobs(scopes, TimeProvider.System, NullLogger<YearlyReportJobs>.Instance);
        var ran = await Task.WhenAll(a.RunAsync(waiting, org.Id, CancellationToken.None), b.RunAsync(waiting, org.Id, CancellationToken.None));
        Assert.Single(ran, r => r);
        var versions = await app.Seed.WithDbAsync(org.Id, db => db.YearlyReportVersions.Select(v => v.Number).ToListAsync());
        Assert.Equal(1, Assert.Single(versions));
        Assert.Equal("Done", (await JsonAsync(officer, $"/api/v1/reports/jobs/{waiting}")).GetProperty("status").GetString());
    }

    private static async Task<(Tillit.Data.TillitDbContext Db, YearlyReportJob Job)> LoadAsync(AsyncServiceScope scope, Guid organisationId, Guid jobId)
    {
        scope.ServiceProvider.GetRequiredService<Tillit.Data.TenantContext>().Set(organisationId);
        var db = scope.ServiceProvider.GetRequiredService<Tillit.Data.TillitDbContext>();
        return (db, await db.YearlyReportJobs.SingleAsync(j => j.Id == jobId));
    }

    private static async Task<Guid> QueueAsync(Browser officer, string proposals)
    {
        var response = await officer.SendJsonAsync(HttpMethod.Post, "/api/v1/reports", JsonSerializer.Serialize(new { year = Year, proposals }));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, Calls.Describe(response) + await response.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/reports/jobs/{id}", response.Headers.Location?.OriginalString);
        return id;
    }

    private Task<bool> RunAsync(Guid jobId, Guid organisationId) =>
        app.Factory.Services.GetRequiredService<YearlyReportJobs>().RunAsync(jobId, organisationId, CancellationToken.None);

    private static async Task<JsonElement> JsonAsync(Browser api, string url)
    {
        var response = await api.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {Calls.Describe(response)}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
