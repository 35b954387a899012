using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tillit.Data.Audit;
using Tillit.Domain.Access;
using Tillit.Domain.Register;
using Tillit.Domain.Risks;
using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests.Risk;

/// <summary>
/// The organisation's risk settings page (/risk/settings), on both databases: the bands change the band a risk is
/// shown in, the acceptance criteria what a system owner may accept, the maximum age which analyses are gaps; bad
/// input and stale forms change nothing, and only the security officer may change them. The seed's risk is 3 × 4 = 12
/// (hög by default) with a residual level of medel.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class RiskSettingsTests(TillitApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task The_security_officers_bands_move_a_risk_to_another_band_and_the_criteria_change_who_accepts_it()
    {
        var org = await app.Seed.CreateOrganisationAsync("rst" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer, Role.SystemOwner]);
        var officer = await app.SessionAsync(org, Role.SecurityOfficer);
        var riskPage = $"/risk/{org.RiskAnalysisId}/risks/{org.RiskId}";
        Assert.Contains("Hög", await RiskLevelAsync(officer, riskPage), StringComparison.Ordinal);

        // The page shows the defaults, with no version (the organisation has no row of its own yet).
        var (_, page) = await officer.GetPageAsync("/risk/settings");
        Assert.Equal("2", Browser.InputValue(page, "Input.LowMax"));
        Assert.Equal("12", Browser.InputValue(page, "Input.HighMax"));
        Assert.Equal(string.Empty, Browser.InputValue(page, "Input.Version"));

        // Hög ends at 9: the risk at 12 is extremt hög. A system owner may accept up to låg: the residual medel is the director's.
        var saved = await SaveAsync(officer, 2, 6, 9, "Low", 12, string.Empty);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, Calls.Describe(saved));
        Assert.Contains("Extremt hög", await RiskLevelAsync(officer, riskPage), StringComparison.Ordinal);
        var owner = await app.ApiAsync(org, Role.SystemOwner);
        var analysis = JsonDocument.Parse(await (await owner.GetAsync($"/api/v1/risk-analyses/{org.RiskAnalysisId}")).Content.ReadAsStringAsync()).RootElement;
        var risk = analysis.GetProperty("risks").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == org.RiskId);
        Assert.Equal("VeryHigh", risk.GetProperty("band").GetString());
        var accept = await owner.SendJsonAsync(HttpMethod.Post, $"/api/v1/risk-analyses/{org.RiskAnalysisId}/risks/{org.RiskId}/acceptance", JsonSerializer.Serialize(new { reason = "Inom ramen", version = risk.GetProperty("version").GetInt32() }));
        Assert.Equal(HttpStatusCode.Forbidden, accept.StatusCode);

        // The change is in the audit trail, by the security officer.
        var changes = await app.Seed.WithDbAsync(org.Id, db => db.AuditEvents.AsNoTracking()
            .Where(e => e.RecordType == "RiskSettings" && e.ActorPersonId == org.Accounts[Role.SecurityOfficer].PersonId).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditActions.Create], changes);

        // A later save carries the version read; the same version again is stale and changes nothing.
        (_, page) = await officer.GetPageAsync("/risk/settings");
        var version = Browser.InputValue(page, "Input.Version");
        Assert.Equal("0", version);
        var back = await SaveAsync(officer, 2, 6, 12, "Medium", 12, version!);
        Assert.True(back.StatusCode == HttpStatusCode.Redirect, Calls.Describe(back));
        var stale = await SaveAsync(officer, 3, 6, 12, "Medium", 24, version!);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var row = await SettingsAsync(org);
        Assert.Equal((2, 6, 12, RiskBand.Medium, 12, 1), (row!.LowMax, row.MediumMax, row.HighMax, row.SystemOwnerMaxBand, row.MaxAgeMonths, row.Version));
        Assert.Contains("Hög", await RiskLevelAsync(officer, riskPage), StringComparison.Ordinal);
        Assert.Equal(2, await app.Seed.WithDbAsync(org.Id, db => db.AuditEvents.CountAsync(e => e.RecordType == "RiskSettings")));
    }

    [Fact]
    public async Task An_analysis_older_than_the_maximum_age_set_on_the_page_is_a_gap_and_stops_being_one_when_the_age_is_raised()
    {
        var org = await app.Seed.CreateOrganisationAsync("rst" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer]);
        var officerId = org.Accounts[Role.SecurityOfficer].PersonId;
        var system = await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var old = new InformationSystem(org.Id, "Ekonomisystemet", "Test", org.UnitId, SystemForm.Automated) { ImportantToOperations = true };
            db.InformationSystems.Add(old);
            var analysis = new RiskAnalysis(org.Id, "Riskanalys ekonomi för sju månader sedan", RiskAnalysisScope.System, "Workshop", "Systemägare", Today.AddMonths(-8), Today.AddMonths(4));
            db.RiskAnalyses.Add(analysis);
            db.RiskAnalysisSystems.Add(new RiskAnalysisSystem(org.Id, analysis.Id, old.Id));
            var threat = await db.Threats.OrderBy(t => t.Code).FirstAsync();
            db.Risks.Add(new Domain.Risks.Risk(org.Id, analysis.Id, threat.Id, "orsak", "händelse", "konsekvens", RiskAspects.Availability, 1, 1));
            analysis.SubmitForReview(1);
            analysis.Approve(officerId, Today.AddMonths(-7));
            await db.SaveChangesAsync();
            return old.Id;
        });
        var officer = await app.SessionAsync(org, Role.SecurityOfficer);

        // Seven months old: current under the default twelve months.
        var (_, page) = await officer.GetPageAsync($"/systems/{system}");
        Assert.DoesNotContain("Riskanalysen är för gammal", page, StringComparison.Ordinal);

        // Six months on the settings page: a gap.
        var saved = await SaveAsync(officer, 2, 6, 12, "Medium", 6, string.Empty);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, Calls.Describe(saved));
        (_, page) = await officer.GetPageAsync($"/systems/{system}");
        Assert.Contains("Riskanalysen är för gammal", page, StringComparison.Ordinal);

        // Raised to nine: no longer a gap.
        var (_, form) = await officer.GetPageAsync("/risk/settings");
        saved = await SaveAsync(officer, 2, 6, 12, "Medium", 9, Browser.InputValue(form, "Input.Version")!);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, Calls.Describe(saved));
        (_, page) = await officer.GetPageAsync($"/systems/{system}");
        Assert.DoesNotContain("Riskanalysen är för gammal", page, StringComparison.Ordinal);
        Assert.Contains("Riskanalys ekonomi för sju månader sedan", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_settings_are_refused_with_a_swedish_message_and_change_nothing()
    {
        var org = await app.Seed.CreateOrganisationAsync("rst" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer]);
        var officer = await app.SessionAsync(org, Role.SecurityOfficer);

        (int? Low, int? Medium, int? High, string Band, string Age, string Message)[] cases =
        [
            (6, 4, 12, "Medium", "12", "Medel ska sluta högre än låg"),
            (2, 6, 16, "Medium", "12", "Hög ska sluta högre än medel och under 16"),
            (2, 6, 6, "Medium", "12", "Hög ska sluta högre än medel"),
            (4, 5, 12, "Medium", "12", "omfatta minst en nivå som en risk kan få"),
            (0, 6, 12, "Medium", "12", "Låg ska sluta på en nivå från 1 till 15"),
            (null, 6, 12, "Medium", "12", "Fältet måste fyllas i"),
            (2, 6, 12, "Medium", "0", "Ange en ålder mellan 1 och 60 månader"),
            (2, 6, 12, "Medium", "61", "Ange en ålder mellan 1 och 60 månader"),
            (2, 6, 12, string.Empty, "12", "Fältet måste fyllas i"),
            (2, 6, 12, "Everything", "12", string.Empty),
            (2, 6, 12, "Medium", "tolv", string.Empty),
        ];
        foreach (var (low, medium, high, band, age, message) in cases)
        {
            var response = await officer.PostFormAsync("/risk/settings", Fields(low?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, medium, high, band, age, string.Empty));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{low}/{medium}/{high}/{band}/{age}: {Calls.Describe(response)}");
            Assert.Contains("error-summary", body, StringComparison.Ordinal);
            Assert.Contains(message, WebUtility.HtmlDecode(body), StringComparison.Ordinal);
        }

        Assert.Null(await SettingsAsync(org));

        // With settings of its own, bad input leaves them as they were.
        var saved = await SaveAsync(officer, 3, 8, 12, "High", 18, string.Empty);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, Calls.Describe(saved));
        var refused = await SaveAsync(officer, 3, 8, 2, "Low", 70, "0");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var row = await SettingsAsync(org);
        Assert.Equal((3, 8, 12, RiskBand.High, 18, 0), (row!.LowMax, row.MediumMax, row.HighMax, row.SystemOwnerMaxBand, row.MaxAgeMonths, row.Version));
    }

    [Fact]
    public async Task Only_the_security_officer_opens_and_changes_the_settings()
    {
        Role[] others = [Role.MunicipalDirector, Role.SystemOwner, Role.ItManager, Role.Employee];
        var org = await app.Seed.CreateOrganisationAsync("rst" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer, .. others]);
        foreach (var role in others)
        {
            var session = await app.SessionAsync(org, role);
            AssertDenied(await session.GetAsync("/risk/settings"));
            AssertDenied(await SaveAsync(session, 1, 2, 3, "VeryHigh", 60, string.Empty));
            var (_, index) = await session.GetPageAsync("/risk");
            Assert.DoesNotContain("href=\"/risk/settings\"", index, StringComparison.Ordinal);
        }

        Assert.Null(await SettingsAsync(org));
        var officer = await app.SessionAsync(org, Role.SecurityOfficer);
        var (_, officerIndex) = await officer.GetPageAsync("/risk");
        Assert.Contains("href=\"/risk/settings\"", officerIndex, StringComparison.Ordinal);
        var saved = await SaveAsync(officer, 1, 2, 3, "VeryHigh", 60, string.Empty);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, Calls.Describe(saved));
        Assert.Equal(60, (await SettingsAsync(org))!.MaxAgeMonths);
    }

    private static Task<HttpResponseMessage> SaveAsync(Browser session, int low, int medium, int high, string band, int age, string version) =>
        session.PostFormAsync("/risk/settings", Fields(low.ToString(System.Globalization.CultureInfo.InvariantCulture), medium, high, band, age.ToString(System.Globalization.CultureInfo.InvariantCulture), version));

    private static KeyValuePair<string, string>[] Fields(string low, int? medium, int? high, string band, string age, string version) =>
    [
        new("Input.LowMax", low),
        new("Input.MediumMax", medium?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
        new("Input.HighMax", high?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
        new("Input.SystemOwnerMaxBand", band),
        new("Input.MaxAgeMonths", age),
        new("Input.Version", version),
    ];

    private Task<RiskSettings?> SettingsAsync(TestOrganisation org) =>
        app.Seed.WithDbAsync(org.Id, db => db.RiskSettings.AsNoTracking().FirstOrDefaultAsync());

    private static async Task<string> RiskLevelAsync(Browser session, string url)
    {
        var (response, page) = await session.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(RiskLevel().Match(page).Groups[1].Value);
    }

    private static void AssertDenied(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal) == true, Calls.Describe(response));

    [GeneratedRegex("id=\"risk-level\">(.*?)</dd>", RegexOptions.Singleline)]
    private static partial Regex RiskLevel();
}
