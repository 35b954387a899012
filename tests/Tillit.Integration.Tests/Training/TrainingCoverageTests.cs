using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tillit.Domain.Access;
using Tillit.Domain.Courses;
using Tillit.Domain.Documents;
using Tillit.Domain.Organisations;
using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests.Training;

/// <summary>Training coverage on a small organisation built here, with the numbers worked out by hand, on each database.</summary>
[Collection(AppCollection.Name)]
public sealed partial class TrainingCoverageTests(TillitApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task Coverage_per_unit_counts_the_audience_with_a_current_completion_beside_the_documents_acknowledged()
    {
        var (org, ids) = await BuildAsync("trc");
        var officer = await app.SessionAsync(org, Role.SecurityOfficer);

        // Elder care (Äldreomsorgen): the manager, Anna, Bo and Cilla are the audience (Dag has left); the manager's
        // completion is 3 months old and Bo's 2 (current), Anna's 25 (run out), Cilla has none: 2 of 4, 50 %.
        // Of the four, Anna alone has confirmed the guideline of the open campaign: 1 of 4, 25 %.
        var html = await PageAsync(officer, $"/training/coverage?course={ids.Care}");
        Assert.Contains($"<tr data-unit=\"{org.SectionUnitId}\"><th scope=\"row\">Äldreomsorgen</th><td class=\"numeric\">4</td><td class=\"numeric\">2</td><td class=\"numeric\">50 %</td><td class=\"numeric\">25 % (1 av 4)</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("2 av 4 i målgruppen har ett gällande genomförande (50 %)", html, StringComparison.Ordinal);

        // The course for managers, taken once five years ago: still current, 1 of 1.
        html = await PageAsync(officer, $"/training/coverage?course={ids.Leaders}");
        Assert.Contains("1 av 1 i målgruppen har ett gällande genomförande (100 %)", html, StringComparison.Ordinal);

        // The course for everyone, per unit: culture's Eva has taken it, nobody in elder care has.
        html = await PageAsync(officer, $"/training/coverage?course={ids.Everyone}");
        Assert.Contains($"<tr data-unit=\"{ids.Culture}\"><th scope=\"row\">Kulturförvaltningen</th><td class=\"numeric\">1</td><td class=\"numeric\">1</td><td class=\"numeric\">100 %</td>", html, StringComparison.Ordinal);
        Assert.Contains($"<tr data-unit=\"{org.SectionUnitId}\"><th scope=\"row\">Äldreomsorgen</th><td class=\"numeric\">4</td><td class=\"numeric\">0</td><td class=\"numeric\">0 %</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_sees_the_coverage_of_their_own_units_only()
    {
        var (org, ids) = await BuildAsync("trm");
        var manager = await app.SessionAsync(org, Role.Manager);

        // The manager's appointment covers the social services and elder care, not culture.
        var html = await PageAsync(manager, $"/training/coverage?course={ids.Everyone}");
        Assert.Contains($"data-unit=\"{org.SectionUnitId}\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-unit=\"{org.UnitId}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-unit=\"{ids.Culture}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Kulturförvaltningen", html, StringComparison.Ordinal);

        // Choosing a unit outside the appointment is refused; the officer may.
        var (refused, _) = await manager.GetPageAsync($"/training/coverage?course={ids.Everyone}&unit={ids.Culture}");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        var officer = await app.SessionAsync(org, Role.SecurityOfficer);
        html = await PageAsync(officer, $"/training/coverage?course={ids.Everyone}&unit={ids.Culture}");
        Assert.Contains("1 av 1 i målgruppen har ett gällande genomförande (100 %)", html, StringComparison.Ordinal);

        // The completions themselves (personal data) are the security officer's: the manager's course page has none.
        var (_, page) = await manager.GetPageAsync($"/training/{ids.Care}");
        Assert.DoesNotContain("completions-caption", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_training_lists_the_courses_of_my_audience_with_my_latest_completion()
    {
        var (org, ids) = await BuildAsync("trp");
        var manager = await app.SessionAsync(org, Role.Manager);
        var html = await PageAsync(manager, "/training/mine");
        Assert.Contains("Journaler och sekretess", html, StringComparison.Ordinal);
        Assert.Contains("Chefens ansvar", html, StringComparison.Ordinal);
        Assert.Contains($"Gäller till {Today.AddMonths(-3).AddMonths(24):yyyy-MM-dd}", html, StringComparison.Ordinal);
        Assert.Contains("Allas kurs</td><td>var 12:e månad</td><td>Aldrig</td><td><span class=\"tag tag--warning\">Ej genomförd</span>", html, StringComparison.Ordinal);
        Assert.NotEqual(default, ids.Culture);
    }

    [Fact]
    public async Task The_coverage_page_sends_as_many_sql_commands_for_thirty_courses_as_for_three()
    {
        var (org, _) = await BuildAsync("trq");
        var officer = await app.SessionAsync(org, Role.SecurityOfficer);
        var few = await CommandsAsync(officer, "/training/coverage");

        // Twenty-seven more courses of all three audiences and repeat intervals, each with completions.
        await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var people = await db.People.Select(p => p.Id).ToListAsync();
            for (var i = 0; i < 27; i++)
            {
                var course = new TrainingCourse(org.Id, $"Kurs {i:D2}");
                course.SetRepeat(i % 4 == 0 ? null : 6 * (i % 4), true);
                switch (i % 3)
                {
                    case 0: course.SetAudience(AudienceKind.Units, [org.SectionUnitId], []); break;
                    case 1: course.SetAudience(AudienceKind.Roles, [], [Role.Manager, Role.SecurityOfficer]); break;
                }

                db.TrainingCourses.Add(course);
                db.TrainingCompletions.AddRange(people.Select((p, n) => new TrainingCompletion(org.Id, course.Id, p, Today.AddMonths(-(n + i) % 20), false)));
            }

            return await db.SaveChangesAsync();
        });
        var many = await CommandsAsync(officer, "/training/coverage");
        Assert.True(few == many, $"/training/coverage sent {few} SQL commands for 3 courses and {many} for 30");
    }

    [Fact]
    public async Task The_confirmations_column_sums_every_open_campaign_in_as_many_sql_commands_for_six_campaigns_as_for_three()
    {
        var (org, ids) = await BuildAsync("trk");
        var officer = await app.SessionAsync(org, Role.SecurityOfficer);
        var url = $"/training/coverage?course={ids.Everyone}";

        // Beside the seeded campaign for everyone (Anna confirmed): one for managers, which the manager confirms and
        // Bo, no manager, too; one for elder care, which Cilla confirms and Dag, who has left, too. Elder care is asked
        // 4 + 1 + 4 times and has confirmed 1 + 1 + 1; culture's Eva is asked once, by the campaign for everyone.
        await AddCampaignsAsync(org, "A", confirmAll: false);
        var html = await PageAsync(officer, url);
        Assert.Contains($"<tr data-unit=\"{org.SectionUnitId}\"><th scope=\"row\">Äldreomsorgen</th><td class=\"numeric\">4</td><td class=\"numeric\">0</td><td class=\"numeric\">0 %</td><td class=\"numeric\">33 % (3 av 9)</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains($"<tr data-unit=\"{ids.Culture}\"><th scope=\"row\">Kulturförvaltningen</th><td class=\"numeric\">1</td><td class=\"numeric\">1</td><td class=\"numeric\">100 %</td><td class=\"numeric\">0 % (0 av 1)</td></tr>", html, StringComparison.Ordinal);
        var three = await ColdCommandsAsync(officer, org, url);

        // Three more of the same kinds, everyone confirming each: the sums grow, the number of commands does not.
        await AddCampaignsAsync(org, "B", confirmAll: true);
        html = await PageAsync(officer, url);
        Assert.Contains($"<tr data-unit=\"{org.SectionUnitId}\"><th scope=\"row\">Äldreomsorgen</th><td class=\"numeric\">4</td><td class=\"numeric\">0</td><td class=\"numeric\">0 %</td><td class=\"numeric\">67 % (12 av 18)</td></tr>", html, StringComparison.Ordinal);
        var six = await ColdCommandsAsync(officer, org, url);
        Assert.True(three == six, $"{url} sent {three} SQL commands with three open campaigns and {six} with six");
    }

    // The command count of a request that computes the campaigns' sums afresh, not from the organisation's cache.
    private async Task<int> ColdCommandsAsync(Browser browser, TestOrganisation org, string url)
    {
        await browser.GetAsync(url);
        app.Factory.Services.GetRequiredService<Tillit.Web.Infrastructure.OrganisationCache>().Invalidate(typeof(Acknowledgement), org.Id);
        var response = await browser.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gave {Calls.Describe(response)}");
        Assert.True(response.Headers.TryGetValues(Tillit.Web.Infrastructure.SqlCommandCounter.HeaderName, out var values), $"GET {url} has no SQL command count header");
        return int.Parse(values.Single(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A decided guideline with an open campaign for managers, and one with an open campaign for elder care; with
    /// <paramref name="confirmAll"/> a third for everyone, and every person (active or not) confirms all three.
    /// Otherwise the manager and Bo confirm the first, Cilla and Dag the second.
    /// </summary>
    private Task<int> AddCampaignsAsync(TestOrganisation org, string suffix, bool confirmAll) =>
        app.Seed.WithDbAsync(org.Id, async db =>
        {
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            var people = await db.People.ToListAsync();
            var officer = people.Single(p => p.Email == $"securityofficer@{org.Code}.test");
            var policy = await db.Documents.SingleAsync(d => d.Type == DocumentType.Policy);
            var director = new DecisionMaker(officer.Id, new HashSet<Role> { Role.MunicipalDirector }, new HashSet<DecisionAuthority>());
            DocumentVersion Decided(string title)
            {
                var document = new GoverningDocument(org.Id, DocumentType.Guideline, title, officer.Id, policy);
                db.Documents.Add(document);
                var version = document.AddDraft("# Riktlinje\n\nText.", now);
                version.SubmitForDecision();
                document.Decide(version, new DecisionRecord("Kommundirektören", Today.AddDays(-2), null, $"TEST {org.Code}/{title}", Today.AddDays(-2), true), director, now);
                db.AcknowledgementCampaigns.Add(AcknowledgementCampaign.Start(document, version, KindOf(title), KindOf(title) == AudienceKind.Units ? [org.SectionUnitId] : [], KindOf(title) == AudienceKind.Roles ? [Role.Manager] : [], Today, Today.AddDays(30), officer.Id));
                return version;

                static AudienceKind KindOf(string title) => title.StartsWith("Chefer", StringComparison.Ordinal) ? AudienceKind.Roles : title.StartsWith("Omsorg", StringComparison.Ordinal) ? AudienceKind.Units : AudienceKind.Everyone;
            }

            var managers = Decided("Chefer" + suffix);
            var care = Decided("Omsorg" + suffix);
            var versions = confirmAll ? [managers, care, Decided("Alla" + suffix)] : new[] { managers, care };
            void Confirm(DocumentVersion version, string name) => db.Acknowledgements.Add(new Acknowledgement(org.Id, people.Single(p => p.Name == name || p.Email == name).Id, version, now));
            if (confirmAll)
            {
                foreach (var version in versions)
                {
                    db.Acknowledgements.AddRange(people.Select(p => new Acknowledgement(org.Id, p.Id, version, now)));
                }
            }
            else
            {
                Confirm(managers, $"manager@{org.Code}.test");
                Confirm(managers, "Bo");
                Confirm(care, "Cilla");
                Confirm(care, "Dag");
            }

            return await db.SaveChangesAsync();
        });

    private static async Task<int> CommandsAsync(Browser browser, string url)
    {
        await browser.GetAsync(url); // warm: the first call of a session may load what later calls find cached
        var response = await browser.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gave {Calls.Describe(response)}");
        Assert.True(response.Headers.TryGetValues(Tillit.Web.Infrastructure.SqlCommandCounter.HeaderName, out var values), $"GET {url} has no SQL command count header");
        return int.Parse(values.Single(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> PageAsync(Browser browser, string url)
    {
        var (response, body) = await browser.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Between().Replace(WebUtility.HtmlDecode(body), "><");
    }

    /// <summary>
    /// Elder care gets Anna, Bo, Cilla and Dag (inactive) beside the seeded manager; culture, outside the manager's
    /// appointment, gets Eva. Three courses: elder care's (every 24 months), managers' (once), everyone's (12 months).
    /// </summary>
    private async Task<(TestOrganisation Org, (Guid Care, Guid Leaders, Guid Everyone, Guid Culture) Ids)> BuildAsync(string prefix)
    {
        var org = await app.Seed.CreateOrganisationAsync(prefix + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer, Role.Manager]);
        var ids = await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var root = await db.Units.SingleAsync(u => u.Id == org.RootUnitId);
            var culture = new Unit(org.Id, "Kulturförvaltningen", UnitKind.Administration, root);
            db.Units.Add(culture);
            Person Add(string name, Guid unit, bool active = true)
            {
                var p = new Person(org.Id, name, $"{name.ToLowerInvariant()}@{org.Code}.test", unit) { IsActive = active };
                db.People.Add(p);
                return p;
            }

            var anna = Add("Anna", org.SectionUnitId);
            var bo = Add("Bo", org.SectionUnitId);
            Add("Cilla", org.SectionUnitId);
            var dag = Add("Dag", org.SectionUnitId, active: false);
            var eva = Add("Eva", culture.Id);
            var manager = await db.People.SingleAsync(p => p.Email == $"manager@{org.Code}.test");

            var care = new TrainingCourse(org.Id, "Journaler och sekretess");
            care.SetRepeat(24, true);
            care.SetAudience(AudienceKind.Units, [org.SectionUnitId], []);
            var leaders = new TrainingCourse(org.Id, "Chefens ansvar");
            leaders.SetRepeat(null, true);
            leaders.SetAudience(AudienceKind.Roles, [], [Role.Manager]);
            var everyone = new TrainingCourse(org.Id, "Allas kurs");
            everyone.SetRepeat(12, true);
            db.TrainingCourses.AddRange(care, leaders, everyone);
            void Done(TrainingCourse course, Person person, DateOnly on) => db.TrainingCompletions.Add(new TrainingCompletion(org.Id, course.Id, person.Id, on, false));
            Done(care, manager, Today.AddMonths(-3));
            Done(care, bo, Today.AddMonths(-2));
            Done(care, anna, Today.AddMonths(-25));
            Done(care, dag, Today.AddMonths(-1));
            Done(leaders, manager, Today.AddYears(-5));
            Done(leaders, bo, Today.AddDays(-5)); // Bo is no manager: outside the audience, not counted
            Done(everyone, eva, Today.AddDays(-10));
            Done(everyone, bo, Today.AddMonths(-13));

            var version = await db.DocumentVersions.SingleAsync(v => v.Id == org.GuidelineVersionId);
            db.Acknowledgements.Add(new Acknowledgement(org.Id, anna.Id, version, TimeProvider.System.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
            return (care.Id, leaders.Id, everyone.Id, culture.Id);
        });
        return (org, ids);
    }

    [GeneratedRegex(@">\s+<")]
    private static partial Regex Between();
}
