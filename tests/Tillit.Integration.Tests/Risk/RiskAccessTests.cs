using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tillit.Data;
using Tillit.Data.Audit;
using Tillit.Domain.Access;
using Tillit.Domain.Register;
using Tillit.Domain.Risks;
using Tillit.Integration.Tests.Infrastructure;
using Tillit.Web.Features.Risk;
using Tillit.Web.Infrastructure;
using Tillit.Web.Security;
using static Tillit.Integration.Tests.Incidents.IncidentTestHelp;

namespace Tillit.Integration.Tests.Risk;

/// <summary>
/// Who reads and accepts a risk analysis, and what marks it for review, through the API and the pages, on both
/// databases. The seed's approved analysis covers the seed's system; its risk is at medel after measures.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RiskAccessTests(TillitApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
    private static readonly string[] Availability = ["Availability"];

    [Fact]
    public async Task An_employee_and_the_owner_of_another_system_cannot_read_the_analysis_and_its_owner_reads_it_in_the_trail_first()
    {
        var org = await app.Seed.CreateOrganisationAsync("rsk" + Guid.NewGuid().ToString("N")[..6], [Role.MunicipalDirector, Role.Employee]);
        var (title, riskEvent) = await app.Seed.WithDbAsync(org.Id, async db => (
            await db.RiskAnalyses.Where(a => a.Id == org.RiskAnalysisId).Select(a => a.Title).SingleAsync(),
            await db.Risks.Where(r => r.Id == org.RiskId).Select(r => r.Event).SingleAsync()));
        var otherSystem = await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var system = new InformationSystem(org.Id, "Annat system", "Test", org.UnitId, SystemForm.Automated);
            db.InformationSystems.Add(system);
            await db.SaveChangesAsync();
            return system.Id;
        });
        var owner = await OwnerOfAsync(org, org.SystemId);
        var otherOwner = await OwnerOfAsync(org, otherSystem);

        // The employee holds no risks.read: refused everywhere.
        var employee = await app.ApiAsync(org, Role.Employee);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"/api/v1/risk-analyses/{org.RiskAnalysisId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/api/v1/risks")).StatusCode);
        var session = await app.SessionAsync(org, Role.Employee);
        Assert.NotEqual(HttpStatusCode.OK, (await session.GetAsync($"/risk/{org.RiskAnalysisId}")).StatusCode);

        // The owner of another system reads analyses, but not this one: not found, and absent from the lists.
        var refused = await otherOwner.Api.GetAsync($"/api/v1/risk-analyses/{org.RiskAnalysisId}");
        Assert.Contains(refused.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        Assert.DoesNotContain(title, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(org.RiskAnalysisId.ToString("D"), await BodyAsync(otherOwner.Api, "/api/v1/risk-analyses"), StringComparison.Ordinal);
        Assert.DoesNotContain(riskEvent, await BodyAsync(otherOwner.Api, "/api/v1/risks"), StringComparison.Ordinal);
        Assert.Contains((await otherOwner.Api.GetAsync($"/api/v1/risk-analyses/{org.RiskAnalysisId}/risks/{org.RiskId}/acceptance")).StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden, HttpStatusCode.MethodNotAllowed });

        // The system's owner reads it; the read is in the trail.
        Assert.Contains(title, await BodyAsync(owner.Api, $"/api/v1/risk-analyses/{org.RiskAnalysisId}"), StringComparison.Ordinal);
        Assert.Contains(riskEvent, await BodyAsync(owner.Api, "/api/v1/risks"), StringComparison.Ordinal);
        var reads = await app.Seed.WithDbAsync(org.Id, db => db.AuditEvents.AsNoTracking().CountAsync(e =>
            e.Action == AuditActions.Read && e.RecordType == "RiskAnalysis" && e.RecordId == org.RiskAnalysisId.ToString("D") && e.ActorPersonId == owner.PersonId));
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task A_residual_risk_above_medel_is_refused_to_the_system_owner_and_accepted_by_the_director()
    {
        var org = await app.Seed.CreateOrganisationAsync("rsk" + Guid.NewGuid().ToString("N")[..6], [Role.MunicipalDirector]);
        var owner = await OwnerOfAsync(org, org.SystemId);

        // Raise the residual level to 3 × 3 = 9 (hög): beyond the system owner's authority.
        await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var risk = await db.Risks.SingleAsync(r => r.Id == org.RiskId);
            risk.Treat(RiskTreatment.Reduce, "Tvåfaktor", 3, 3, null);
            return await db.SaveChangesAsync();
        });
        var refused = await AcceptAsync(owner.Api, org, "Vi klarar oss");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null(await app.Seed.WithDbAsync(org.Id, db => db.Risks.Where(r => r.Id == org.RiskId).Select(r => r.AcceptedAt).SingleAsync()));

        // Without a reason nothing is accepted either, and the answer says which field.
        var director = await app.ApiAsync(org, Role.MunicipalDirector);
        var empty = await AcceptAsync(director, org, string.Empty);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("reason", await empty.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        var accepted = await AcceptAsync(director, org, "Åtgärden är beställd; risken godtas till mars.");
        Assert.True(accepted.IsSuccessStatusCode, $"{(int)accepted.StatusCode}: {await accepted.Content.ReadAsStringAsync()}");
        var (at, by) = await app.Seed.WithDbAsync(org.Id, db => db.Risks.Where(r => r.Id == org.RiskId).Select(r => new ValueTuple<DateTime?, Guid?>(r.AcceptedAt, r.AcceptedById)).SingleAsync());
        Assert.NotNull(at);
        Assert.Equal(org.Accounts[Role.MunicipalDirector].PersonId, by);
    }

    [Fact]
    public async Task An_incident_triaged_on_the_system_marks_its_analysis_for_review_and_the_next_cycle_keeps_the_old_one()
    {
        var org = await app.Seed.CreateOrganisationAsync("rsk" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer, Role.Employee]);
        Assert.False(await ReviewNeededAsync(org, org.RiskAnalysisId));

        var incident = await ReportAsync(app, org, "Journalsystemet var nere hela förmiddagen");
        var officer = await app.ApiAsync(org, Role.SecurityOfficer);
        await OkAsync(ChangeAsync(officer, incident, "triage", new()
        {
            ["category"] = "Outage",
            ["severity"] = "Serious",
            ["aspects"] = Availability,
            ["title"] = "Avbrott",
            ["systemIds"] = new[] { org.SystemId },
            ["setIds"] = Array.Empty<Guid>(),
        }));
        Assert.True(await ReviewNeededAsync(org, org.RiskAnalysisId));

        // The system is now a gap until a new cycle is approved; starting one keeps the old analysis readable and linked.
        var next = await officer.SendJsonAsync(HttpMethod.Post, $"/api/v1/risk-analyses/{org.RiskAnalysisId}/next-cycle", "{}");
        Assert.True(next.IsSuccessStatusCode, $"{(int)next.StatusCode}: {await next.Content.ReadAsStringAsync()}");
        var (previous, status, risks) = await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var copy = await db.RiskAnalyses.AsNoTracking().SingleAsync(a => a.PreviousAnalysisId == org.RiskAnalysisId);
            return (copy.PreviousAnalysisId, copy.Status, await db.Risks.CountAsync(r => r.AnalysisId == copy.Id));
        });
        Assert.Equal(org.RiskAnalysisId, previous);
        Assert.Equal(RiskAnalysisStatus.Draft, status);
        Assert.Equal(1, risks);
        var old = await BodyAsync(officer, $"/api/v1/risk-analyses/{org.RiskAnalysisId}");
        Assert.Contains("Approved", old, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_important_system_whose_analysis_is_older_than_the_set_age_is_a_gap_until_the_age_is_raised()
    {
        var org = await app.Seed.CreateOrganisationAsync("rsk" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer]);
        var officerId = org.Accounts[Role.SecurityOfficer].PersonId;
        var system = await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var old = new InformationSystem(org.Id, "Gammalt analyserat system", "Test", org.UnitId, SystemForm.Automated) { ImportantToOperations = true };
            db.InformationSystems.Add(old);
            var analysis = new RiskAnalysis(org.Id, "Riskanalys för länge sedan", RiskAnalysisScope.System, "Workshop", "Systemägare", Today.AddMonths(-14), Today.AddMonths(-2));
            db.RiskAnalyses.Add(analysis);
            db.RiskAnalysisSystems.Add(new RiskAnalysisSystem(org.Id, analysis.Id, old.Id));
            var threat = await db.Threats.OrderBy(t => t.Code).FirstAsync();
            db.Risks.Add(new Domain.Risks.Risk(org.Id, analysis.Id, threat.Id, "orsak", "händelse", "konsekvens", RiskAspects.Availability, 1, 1));
            analysis.SubmitForReview(1);
            analysis.Approve(officerId, Today.AddMonths(-13));
            await db.SaveChangesAsync();
            return old.Id;
        });

        // Thirteen months old against the default twelve: a gap on the system's page.
        var session = await app.SessionAsync(org, Role.SecurityOfficer);
        var (_, page) = await session.GetPageAsync($"/systems/{system}");
        Assert.Contains("Riskanalysen är för gammal", page, StringComparison.Ordinal);

        // The organisation allows 24 months: no longer a gap.
        await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var settings = RiskSettings.DefaultFor(org.Id);
            settings.Change(RiskBands.Default, RiskBand.Medium, 24);
            db.RiskSettings.Add(settings);
            return await db.SaveChangesAsync();
        });
        (_, page) = await session.GetPageAsync($"/systems/{system}");
        Assert.DoesNotContain("Riskanalysen är för gammal", page, StringComparison.Ordinal);
        Assert.Contains("Riskanalys för länge sedan", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_raised_classification_marks_the_analysis_for_review_and_a_lowered_one_does_not()
    {
        var org = await app.Seed.CreateOrganisationAsync("rsk" + Guid.NewGuid().ToString("N")[..6], [Role.MunicipalDirector]);
        var account = await app.AppointSystemOwnerAsync(org, org.SystemId);
        var owner = new Browser(app.Factory.CreateRawClient()) { BearerToken = await app.Seed.CreateTokenAsync(account) };

        // The seed's set is 2-2-2-2. Lowering availability lowers the system's need: nothing to review.
        await ClassifyAsync(owner, org, 2, 2, 1, 2);
        Assert.False(await ReviewNeededAsync(org, org.RiskAnalysisId));

        // Raising confidentiality raises the need: the analysis is marked, naming the change, and the system is a gap.
        await ClassifyAsync(owner, org, 3, 2, 1, 2);
        var reason = await app.Seed.WithDbAsync(org.Id, db => db.RiskAnalyses.Where(a => a.Id == org.RiskAnalysisId).Select(a => new { a.ReviewNeeded, a.ReviewReason }).SingleAsync());
        Assert.True(reason.ReviewNeeded);
        Assert.Equal("Skyddsbehovet höjt 2-2-1-2 → 3-2-1-2", reason.ReviewReason);
        var state = await GapQueriesAsync(org, TimeProvider.System, (gaps, _) => gaps.ForSystemAsync(org.SystemId, CancellationToken.None));
        Assert.Equal(org.RiskAnalysisId, state.CurrentAnalysisId);

        // The mark is one audited change of the analysis.
        var changes = await app.Seed.WithDbAsync(org.Id, db => db.AuditEvents.AsNoTracking().CountAsync(e =>
            e.Action == AuditActions.Update && e.RecordType == "RiskAnalysis" && e.RecordId == org.RiskAnalysisId.ToString("D")));
        Assert.Equal(1, changes);
    }

    [Fact]
    public async Task An_approved_analysis_is_overdue_the_day_after_it_reaches_the_set_age_by_the_injected_clock()
    {
        var org = await app.Seed.CreateOrganisationAsync("rsk" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer]);
        var approvedOn = new DateOnly(2025, 3, 14);
        var system = await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var important = new InformationSystem(org.Id, "Analyserat system", "Test", org.UnitId, SystemForm.Automated) { ImportantToOperations = true };
            db.InformationSystems.Add(important);
            var analysis = new RiskAnalysis(org.Id, "Riskanalys mars", RiskAnalysisScope.System, "Workshop", "Systemägare", approvedOn, approvedOn.AddMonths(12));
            db.RiskAnalyses.Add(analysis);
            db.RiskAnalysisSystems.Add(new RiskAnalysisSystem(org.Id, analysis.Id, important.Id));
            var threat = await db.Threats.OrderBy(t => t.Code).FirstAsync();
            db.Risks.Add(new Domain.Risks.Risk(org.Id, analysis.Id, threat.Id, "orsak", "händelse", "konsekvens", RiskAspects.Availability, 1, 1));
            analysis.SubmitForReview(1);
            analysis.Approve(org.Accounts[Role.SecurityOfficer].PersonId, approvedOn);
            await db.SaveChangesAsync();
            return important.Id;
        });
        var clock = new Audit.TestClock();
        Task<SystemRiskState> StateOn(DateOnly day, TimeOnly time)
        {
            clock.Set(new DateTimeOffset(day.ToDateTime(time), TimeSpan.Zero));
            return GapQueriesAsync(org, clock, (gaps, _) => gaps.ForSystemAsync(system, CancellationToken.None));
        }

        // Twelve months (the default age) to the day is still current; the next day it is overdue.
        Assert.Null((await StateOn(approvedOn.AddMonths(12), new TimeOnly(23, 59))).Gap);
        Assert.Equal(RiskGapKind.Overdue, (await StateOn(approvedOn.AddMonths(12).AddDays(1), new TimeOnly(0, 1))).Gap);
        Assert.Equal(approvedOn, (await StateOn(approvedOn.AddMonths(12).AddDays(1), TimeOnly.MinValue)).ApprovedOn);

        // With the age set to 18 months it is current again until eighteen months have passed.
        await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var settings = RiskSettings.DefaultFor(org.Id);
            settings.Change(RiskBands.Default, RiskBand.Medium, 18);
            db.RiskSettings.Add(settings);
            return await db.SaveChangesAsync();
        });
        Assert.Null((await StateOn(approvedOn.AddMonths(18), TimeOnly.MinValue)).Gap);
        Assert.Equal(RiskGapKind.Overdue, (await StateOn(approvedOn.AddMonths(18).AddDays(1), TimeOnly.MinValue)).Gap);
    }

    /// <summary>The gap queries of the organisation with the given clock, as the pages build them.</summary>
    private async Task<T> GapQueriesAsync<T>(TestOrganisation org, TimeProvider clock, Func<RiskGapQueries, TillitDbContext, Task<T>> query)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(org.Id);
        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        var cache = scope.ServiceProvider.GetRequiredService<Tillit.Web.Infrastructure.OrganisationCache>();
        return await query(new RiskGapQueries(db, new RiskAccess(db, user, clock, cache), user, cache), db);
    }

    /// <summary>Classifies the seed's set through the API as its system's owner, over the current classification.</summary>
    private async Task ClassifyAsync(Browser owner, TestOrganisation org, int k, int r, int t, int s)
    {
        var current = await app.Seed.WithDbAsync(org.Id, db => db.Classifications.Where(c => c.SetId == org.SetId && c.IsCurrent).Select(c => (Guid?)c.Id).SingleOrDefaultAsync());
        var body = JsonSerializer.Serialize(new
        {
            confidentiality = k,
            integrity = r,
            availability = t,
            traceability = s,
            confidentialityMotivation = "K",
            integrityMotivation = "R",
            availabilityMotivation = "T",
            traceabilityMotivation = "S",
            participants = "Systemägaren",
            currentId = current,
        });
        var response = await owner.SendJsonAsync(HttpMethod.Post, $"/api/v1/information-sets/{org.SetId}/classifications", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private Task<bool> ReviewNeededAsync(TestOrganisation org, Guid id) =>
        app.Seed.WithDbAsync(org.Id, db => db.RiskAnalyses.Where(a => a.Id == id).Select(a => a.ReviewNeeded).SingleAsync());

    private static async Task<HttpResponseMessage> AcceptAsync(Browser api, TestOrganisation org, string reason)
    {
        var version = JsonDocument.Parse(await BodyAsync(api, $"/api/v1/risk-analyses/{org.RiskAnalysisId}")).RootElement
            .GetProperty("risks").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == org.RiskId).GetProperty("version").GetInt32();
        return await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/risk-analyses/{org.RiskAnalysisId}/risks/{org.RiskId}/acceptance", JsonSerializer.Serialize(new { reason, version }));
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
