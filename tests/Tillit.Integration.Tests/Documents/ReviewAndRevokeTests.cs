using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tillit.Domain.Access;
using Tillit.Domain.Documents;
using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests.Documents;

[Collection(AppCollection.Name)]
public sealed partial class ReviewAndRevokeTests(TillitApp app)
{
    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task The_owner_marks_a_document_reviewed_and_the_next_review_moves_a_full_interval_on()
    {
        var org = await app.Seed.CreateOrganisationAsync("rev" + Guid.NewGuid().ToString("N")[..8], [Role.SecurityOfficer, Role.Employee]);
        var owner = await app.SignInAsync(org.Accounts[Role.SecurityOfficer]);
        var (_, page) = await owner.GetPageAsync($"/documents/{org.GuidelineId}");
        var version = VersionField().Match(page).Groups[1].Value;

        // An employee may read the document but not record its review.
        var employee = await app.SignInAsync(org.Accounts[Role.Employee]);
        AssertDenied(await employee.PostFormAsync($"/documents/{org.GuidelineId}?handler=reviewed", ("Version", version)));

        var done = await owner.PostFormAsync($"/documents/{org.GuidelineId}?handler=reviewed", ("Version", version));
        Assert.True(done.StatusCode == HttpStatusCode.Redirect, Calls.Describe(done));
        var next = await app.Seed.WithDbAsync(org.Id, db => db.Documents.Where(d => d.Id == org.GuidelineId).Select(d => d.NextReview).SingleAsync());
        Assert.Equal(Today.AddMonths(12), next);

        // The same version again is a conflict, not a second silent change.
        var stale = await owner.PostFormAsync($"/documents/{org.GuidelineId}?handler=reviewed", ("Version", version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task Only_the_authority_of_the_type_revokes_a_document_and_its_current_version_then_ends()
    {
        var org = await app.Seed.CreateOrganisationAsync("rvk" + Guid.NewGuid().ToString("N")[..8], [Role.SecurityOfficer, Role.MunicipalDirector]);

        // A guideline is the director's: the security officer may not revoke it.
        var officer = await app.SignInAsync(org.Accounts[Role.SecurityOfficer]);
        AssertDenied(await officer.GetAsync($"/documents/{org.GuidelineId}/revoke"));

        var director = await app.SignInAsync(org.Accounts[Role.MunicipalDirector]);
        var (form, body) = await director.GetPageAsync($"/documents/{org.GuidelineId}/revoke");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var version = Regex.Match(body, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        var missing = await director.PostFormAsync($"/documents/{org.GuidelineId}/revoke", ("Input.Version", version));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);

        var revoked = await director.PostFormAsync($"/documents/{org.GuidelineId}/revoke", ("Input.Version", version), ("Input.RevokedOn", Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(revoked.StatusCode == HttpStatusCode.Redirect, Calls.Describe(revoked));
        var statuses = await app.Seed.WithDbAsync(org.Id, db => db.DocumentVersions.Where(v => v.DocumentId == org.GuidelineId).Select(v => v.Status).ToListAsync());
        Assert.DoesNotContain(DocumentStatus.Current, statuses);
        Assert.Contains(DocumentStatus.Revoked, statuses);
    }

    // A page refuses by sending the browser to the access-denied page.
    private static void AssertDenied(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal) == true, Calls.Describe(response));

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}
