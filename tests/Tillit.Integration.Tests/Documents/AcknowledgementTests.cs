using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tillit.Domain.Access;
using Tillit.Domain.Documents;
using Tillit.Domain.Organisations;
using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests.Documents;

/// <summary>Confirmations, coverage per unit and rounds, through the API on both databases.</summary>
[Collection(AppCollection.Name)]
public sealed class AcknowledgementTests(TillitApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private sealed record UnitCoverageDto(Guid UnitId, string UnitName, int Total, int Confirmed);

    private sealed record CoverageDto(IReadOnlyList<UnitCoverageDto> Units, bool OrganisationWide);

    /// <summary>A new organisation of its own, so counts are exact: two units with people, a guideline decided, a campaign.</summary>
    private async Task<(TestOrganisation Org, Guid Document, Guid Version, Guid Campaign, Guid[] Social, Guid[] Elder)> ArrangeAsync(AudienceKind kind)
    {
        var org = await app.Seed.CreateOrganisationAsync("ack" + Guid.NewGuid().ToString("N")[..8], [Role.SecurityOfficer, Role.MunicipalDirector, Role.Manager, Role.Employee]);
        return await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var department = await db.Units.SingleAsync(u => u.Id == org.UnitId);
            var section = await db.Units.SingleAsync(u => u.Id == org.SectionUnitId);
            var other = new Unit(org.Id, "Annan förvaltning", UnitKind.Administration, await db.Units.SingleAsync(u => u.Id == org.RootUnitId));
            db.Units.Add(other);
            Guid[] AddPeople(Unit unit, int n) => Enumerable.Range(0, n).Select(i =>
            {
                var p = new Person(org.Id, $"{unit.Name} {i}", $"p{i}-{Guid.NewGuid():N}@{org.Code}.test", unit.Id);
                db.People.Add(p);
                return p.Id;
            }).ToArray();
            var social = AddPeople(department, 3);
            var elder = AddPeople(section, 2);
            AddPeople(other, 4);
            db.AcknowledgementCampaigns.Remove(await db.AcknowledgementCampaigns.SingleAsync(c => c.Id == org.CampaignId));
            var document = await db.Documents.Include(d => d.Versions).SingleAsync(d => d.Id == org.GuidelineId);
            var version = document.Current!;
            var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
            var campaign = kind == AudienceKind.Units
                ? AcknowledgementCampaign.Start(document, version, kind, [department.Id], [], today, today.AddDays(10), org.Accounts[Role.SecurityOfficer].PersonId)
                : AcknowledgementCampaign.Start(document, version, kind, [], [Role.Manager], today, today.AddDays(10), org.Accounts[Role.SecurityOfficer].PersonId);
            db.AcknowledgementCampaigns.Add(campaign);
            await db.SaveChangesAsync();
            return (org, document.Id, version.Id, campaign.Id, social, elder);
        });
    }

    private async Task ConfirmAsync(TestOrganisation org, Guid personId, Guid versionId) =>
        await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var version = await db.DocumentVersions.SingleAsync(v => v.Id == versionId);
            db.Acknowledgements.Add(new Acknowledgement(org.Id, personId, version, TimeProvider.System.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });

    private async Task<CoverageDto> CoverageAsync(TestOrganisation org, Role role, Guid campaign)
    {
        var response = await (await app.ApiAsync(org, role)).GetAsync($"/api/v1/acknowledgement-campaigns/{campaign}/coverage");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonSerializer.Deserialize<CoverageDto>(await response.Content.ReadAsStringAsync(), Json)!;
    }

    [Fact]
    public async Task Coverage_per_unit_counts_the_audience_and_its_confirmations_and_a_manager_sees_their_units_only()
    {
        var (org, document, version, campaign, social, elder) = await ArrangeAsync(AudienceKind.Units);
        await ConfirmAsync(org, social[0], version);
        await ConfirmAsync(org, social[1], version);
        await ConfirmAsync(org, elder[0], version);

        var whole = await CoverageAsync(org, Role.SecurityOfficer, campaign);
        Assert.True(whole.OrganisationWide);

        // The department: the seed's plain person, every role holder but the manager, and 3 new people.
        var department = whole.Units.Single(u => u.UnitId == org.UnitId);
        var seeded = await app.Seed.WithDbAsync(org.Id, db => db.People.CountAsync(p => p.UnitId == org.UnitId));
        Assert.Equal(seeded, department.Total);
        Assert.Equal(2, department.Confirmed);
        var section = whole.Units.Single(u => u.UnitId == org.SectionUnitId);
        Assert.Equal(3, section.Total); // the manager and 2 new people
        Assert.Equal(1, section.Confirmed);
        Assert.DoesNotContain(whole.Units, u => u.UnitName == "Annan förvaltning");

        // The manager's appointment is for the department (and so the section): the same figures, nothing more.
        var manager = await CoverageAsync(org, Role.Manager, campaign);
        Assert.False(manager.OrganisationWide);
        Assert.Equal(whole.Units.Select(u => (u.UnitId, u.Total, u.Confirmed)).OrderBy(x => x.UnitId), manager.Units.Select(u => (u.UnitId, u.Total, u.Confirmed)).OrderBy(x => x.UnitId));

        // The person list: who has not confirmed, within scope, recorded in the trail.
        var people = await (await app.ApiAsync(org, Role.SecurityOfficer)).GetAsync($"/api/v1/acknowledgement-campaigns/{campaign}/people?confirmed=false&pageSize=200");
        var body = await people.Content.ReadAsStringAsync();
        Assert.Contains("\"total\":" + (seeded + 3 - 3), body, StringComparison.Ordinal);
        Assert.DoesNotContain(social[0].ToString(), body, StringComparison.Ordinal);
        Assert.Contains(social[2].ToString(), body, StringComparison.Ordinal);
        _ = document;
    }

    [Fact]
    public async Task A_role_audience_counts_the_holders_of_the_role_only()
    {
        var (org, _, version, campaign, _, _) = await ArrangeAsync(AudienceKind.Roles);
        var whole = await CoverageAsync(org, Role.SecurityOfficer, campaign);
        Assert.Equal(1, whole.Units.Sum(u => u.Total));
        await ConfirmAsync(org, org.Accounts[Role.Manager].PersonId, version);
        Assert.Equal(1, (await CoverageAsync(org, Role.SecurityOfficer, campaign)).Units.Sum(u => u.Confirmed));
    }

    [Fact]
    public async Task Each_person_sees_what_to_read_confirms_once_and_then_no_longer_sees_it()
    {
        var (org, document, version, _, _, _) = await ArrangeAsync(AudienceKind.Units);
        var employee = await app.ApiAsync(org, Role.Employee);
        var before = await (await employee.GetAsync("/api/v1/me/documents-to-read")).Content.ReadAsStringAsync();
        Assert.Contains(document.ToString(), before, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await employee.SendJsonAsync(HttpMethod.Post, $"/api/v1/documents/{document}/versions/{version}/acknowledge", "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await employee.SendJsonAsync(HttpMethod.Post, $"/api/v1/documents/{document}/versions/{version}/acknowledge", "{}")).StatusCode);
        var personId = org.Accounts[Role.Employee].PersonId;
        Assert.Equal(1, await app.Seed.WithDbAsync(org.Id, db => db.Acknowledgements.CountAsync(a => a.PersonId == personId)));
        var after = await (await employee.GetAsync("/api/v1/me/documents-to-read")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(document.ToString(), after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_major_version_starts_a_new_round_and_a_minor_version_keeps_the_confirmations()
    {
        var (org, document, v1, campaign, social, _) = await ArrangeAsync(AudienceKind.Units);
        await ConfirmAsync(org, social[0], v1);
        var officer = await app.ApiAsync(org, Role.SecurityOfficer);
        var director = await app.ApiAsync(org, Role.MunicipalDirector);

        async Task<Guid> NewVersionAsync(bool major, string text)
        {
            var docVersion = await app.Seed.WithDbAsync(org.Id, db => db.Documents.Where(d => d.Id == document).Select(d => d.Version).SingleAsync());
            var draft = await officer.SendJsonAsync(HttpMethod.Put, $"/api/v1/documents/{document}/draft", JsonSerializer.Serialize(new
            {
                title = "Riktlinje",
                ownerEmail = org.Accounts[Role.SecurityOfficer].Email,
                reviewIntervalMonths = 12,
                markdown = text,
                version = docVersion,
            }));
            Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
            var id = JsonDocument.Parse(await draft.Content.ReadAsStringAsync()).RootElement.GetProperty("versionId").GetGuid();
            var stamp = await app.Seed.WithDbAsync(org.Id, db => db.DocumentVersions.Where(v => v.Id == id).Select(v => v.Version).SingleAsync());
            Assert.Equal(HttpStatusCode.NoContent, (await officer.SendJsonAsync(HttpMethod.Post, $"/api/v1/documents/{document}/versions/{id}/submit", $"{{\"version\":{stamp}}}")).StatusCode);
            stamp = await app.Seed.WithDbAsync(org.Id, db => db.DocumentVersions.Where(v => v.Id == id).Select(v => v.Version).SingleAsync());
            var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var decided = await director.SendJsonAsync(HttpMethod.Post, $"/api/v1/documents/{document}/versions/{id}/decide", JsonSerializer.Serialize(new
            {
                body = "Kommundirektören",
                date = today,
                registryNumber = "KS 1",
                validFrom = today,
                majorChange = major,
                version = stamp,
            }));
            Assert.Equal(HttpStatusCode.NoContent, decided.StatusCode);
            return id;
        }

        // A minor change: the same round, the earlier confirmation still counts.
        await NewVersionAsync(major: false, "# Text\n\nLiten ändring.");
        Assert.Equal(1, await app.Seed.WithDbAsync(org.Id, db => db.AcknowledgementCampaigns.CountAsync(c => c.DocumentId == document)));
        Assert.Equal(1, (await CoverageAsync(org, Role.SecurityOfficer, campaign)).Units.Sum(u => u.Confirmed));

        // A major change: the round closes and a new one for the new version starts, with no one confirmed yet.
        var v3 = await NewVersionAsync(major: true, "# Text\n\nStor ändring.");
        var rounds = await app.Seed.WithDbAsync(org.Id, db => db.AcknowledgementCampaigns.Include(c => c.Audience).Where(c => c.DocumentId == document).OrderBy(c => c.Round).ToListAsync());
        Assert.Equal(2, rounds.Count);
        Assert.NotNull(rounds[0].ClosedOn);
        Assert.Null(rounds[1].ClosedOn);
        Assert.Equal(v3, rounds[1].VersionId);
        Assert.Equal(rounds[0].Audience.Single().UnitId, rounds[1].Audience.Single().UnitId);
        var next = await CoverageAsync(org, Role.SecurityOfficer, rounds[1].Id);
        Assert.Equal(0, next.Units.Sum(u => u.Confirmed));
        Assert.Equal((await CoverageAsync(org, Role.SecurityOfficer, campaign)).Units.Sum(u => u.Total), next.Units.Sum(u => u.Total));
    }
}
