using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tillit.Domain.Access;
using Tillit.Domain.Register;
using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests.Register;

/// <summary>
/// The system lists of the forms (decision 36): the chosen systems and at most fifty more, and a search by name that
/// keeps everything else entered and saves nothing, so a municipality with thousands of systems can still choose each.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class SystemPickerTests(TillitApp app)
{
    [Fact]
    public async Task A_form_offers_fifty_systems_and_the_chosen_ones_and_its_search_finds_the_rest_without_losing_what_was_entered()
    {
        var org = await app.Seed.CreateOrganisationAsync("pick" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer]);
        var ids = await app.Seed.WithDbAsync(org.Id, async db =>
        {
            var systems = Enumerable.Range(1, 80).Select(i => new InformationSystem(org.Id, $"Fackssystem {i:D3}", "Test", org.UnitId, SystemForm.Automated)).ToList();
            db.InformationSystems.AddRange(systems);
            await db.SaveChangesAsync();
            return systems.ToDictionary(s => s.Name, s => s.Id);
        });
        var officer = await app.SessionAsync(org, Role.SecurityOfficer);

        // 81 systems in the organisation: the new agreement's list offers fifty.
        var (_, page) = await officer.GetPageAsync("/agreements/new");
        Assert.Equal(50, OptionsOf(page, "Input_Systems").Count);
        Assert.DoesNotContain(ids["Fackssystem 079"].ToString(), OptionsOf(page, "Input_Systems"));

        // The search finds the last ones and keeps the supplier typed and the system already chosen; nothing is saved.
        var before = await app.Seed.WithDbAsync(org.Id, db => db.Agreements.CountAsync());
        var response = await officer.PostFormAsync(
            "/agreements/new?handler=findsystems", ("Input.Supplier", "Leverantor Sok AB"), ("Input.Systems", ids["Fackssystem 001"].ToString()), ("SystemSearch", "ssystem 07"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"the search answered {response.StatusCode}");
        var offered = OptionsOf(body, "Input_Systems");
        Assert.Contains(ids["Fackssystem 079"].ToString(), offered);
        Assert.Contains(ids["Fackssystem 001"].ToString(), offered);
        Assert.DoesNotContain(ids["Fackssystem 050"].ToString(), offered);
        Assert.Equal(11, offered.Count); // 070–079 and the chosen one
        Assert.Contains($"value=\"{ids["Fackssystem 001"]}\" selected", body, StringComparison.Ordinal);
        Assert.Contains("value=\"Leverantor Sok AB\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("error-summary", body, StringComparison.Ordinal);
        Assert.Equal(before, await app.Seed.WithDbAsync(org.Id, db => db.Agreements.CountAsync()));

        // Save on the page the search returned posts to the page's own handler, not to the search again.
        Assert.Contains("<form method=\"post\" novalidate action=\"/agreements/new\">", body, StringComparison.Ordinal);
        Assert.Contains("formaction=\"/agreements/new?handler=findsystems\"", body, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", body, StringComparison.Ordinal);

        // The same search on a system's dependencies, a measure's single system and a risk analysis.
        foreach (var (url, field) in new[] { ("/systems/new", "Input_DependsOn"), ("/measures/new", "Input_SystemId"), ("/risk/new", "Input_SystemIds"), ("/laws/new", "Input_Systems") })
        {
            var found = await officer.PostFormAsync(url + "?handler=findsystems", ("SystemSearch", "fackssystem 080"));
            var text = await found.Content.ReadAsStringAsync();
            Assert.True(found.StatusCode == HttpStatusCode.OK, $"{url}: the search answered {found.StatusCode}");
            Assert.Equal([ids["Fackssystem 080"].ToString()], OptionsOf(text, field));
        }
    }

    private static List<string> OptionsOf(string page, string selectId)
    {
        var start = page.IndexOf($"id=\"{selectId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no list {selectId} on the page");
        var end = page.IndexOf("</select>", start, StringComparison.Ordinal);
        return [.. OptionValue().Matches(page[start..end]).Select(m => m.Groups[1].Value).Where(v => v.Length > 0)];
    }

    [GeneratedRegex("<option value=\"([^\"]*)\"")]
    private static partial Regex OptionValue();
}
