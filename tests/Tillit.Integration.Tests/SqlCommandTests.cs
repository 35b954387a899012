using System.Globalization;
using System.Net;
using Tillit.Domain.Access;
using Tillit.Domain.Organisations;
using Tillit.Integration.Tests.Infrastructure;
using Tillit.Web.Infrastructure;
using Xunit.Abstractions;

namespace Tillit.Integration.Tests;

[Collection(AppCollection.Name)]
public sealed class SqlCommandTests(TillitApp app, ITestOutputHelper output)
{
    private const int Budget = 10;

    [Fact]
    public async Task Pages_and_api_lists_send_at_most_ten_sql_commands_and_no_more_when_the_data_grows()
    {
        // An organisation of its own, so the growth does not disturb the other tests.
        var org = await app.Seed.CreateOrganisationAsync("sqlc", [Role.Administrator]);
        await AddUnitsAsync(org, 7, withPeople: false); // 10 units in all
        var page = await app.SignInAsync(org.Accounts[Role.Administrator]);
        var api = new Browser(app.Factory.CreateRawClient()) { BearerToken = await app.Seed.CreateTokenAsync(org.Accounts[Role.Administrator]) };
        string[] pages = ["/", "/units", $"/units/{org.UnitId}", $"/units/{org.UnitId}/edit"];
        string[] apis = ["/api/v1/units", $"/api/v1/units/{org.UnitId}"];

        var small = await MeasureAsync(page, pages, api, apis);
        await AddUnitsAsync(org, 300, withPeople: true);
        var large = await MeasureAsync(page, pages, api, apis);

        var report = string.Join(Environment.NewLine, small.Keys.Select(url => $"{url}: {small[url]} commands with 10 units, {large[url]} with 310"));
        output.WriteLine(report);
        Assert.True(small.Values.Concat(large.Values).All(n => n is > 0 and <= Budget), $"over the budget of {Budget}:{Environment.NewLine}{report}");
        Assert.True(small.All(s => large[s.Key] == s.Value), $"the number of commands grows with the data:{Environment.NewLine}{report}");
    }

    /// <summary>
    /// A window over a whole table on every request (EF's translation, on SQLite, of a subquery of several columns
    /// per row) is what stalled the system, set and document pages of the large municipality: no page or API read
    /// may send one.
    /// </summary>
    [Fact]
    public async Task No_page_or_api_read_numbers_the_rows_of_a_table_with_a_window()
    {
        var org = app.A;
        var endpoints = (await Endpoints.AllAsync(app.Factory.Services)).ToDictionary(e => e.Key);
        var found = new List<string>();
        var read = 0;
        foreach (var role in new[] { Role.SecurityOfficer, Role.Administrator, Role.MunicipalDirector })
        {
            var page = await app.SessionAsync(org, role);
            var api = await app.ApiAsync(org, role);
            foreach (var row in AuthorizationMatrix.Rows.Where(r => r.Key.Method == "GET" && !r.EndsSession && r.Allow.Allows(role) && endpoints.ContainsKey(r.Key)))
            {
                var endpoint = endpoints[row.Key];
                var (url, _) = RouteValues.UrlFor(endpoint, org, row.Query);
                if (url is null)
                {
                    continue; // the matrix test reports it
                }

                var response = await (endpoint.IsApi ? api : page).GetAsync(url);
                if (response.Headers.TryGetValues(SqlCommandCounter.WindowsHeaderName, out var values))
                {
                    read++;
                    if (int.Parse(values.Single(), CultureInfo.InvariantCulture) > 0)
                    {
                        found.Add($"{url} as {role}: {values.Single()} windowed commands");
                    }
                }
            }
        }

        Assert.True(read > 100, $"only {read} reads had the {SqlCommandCounter.WindowsHeaderName} header");
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found.Distinct()));
    }

    private static async Task<Dictionary<string, int>> MeasureAsync(Browser page, string[] pages, Browser api, string[] apis)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (browser, url) in pages.Select(p => (page, p)).Concat(apis.Select(a => (api, a))))
        {
            await browser.GetAsync(url); // warm: the first call of a session may load what later calls find cached
            var response = await browser.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gave {Calls.Describe(response)}");
            Assert.True(response.Headers.TryGetValues(SqlCommandCounter.HeaderName, out var values), $"GET {url} has no {SqlCommandCounter.HeaderName} header");
            counts[url] = int.Parse(values.Single(), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    private Task<int> AddUnitsAsync(TestOrganisation org, int count, bool withPeople) =>
        app.Seed.WithDbAsync(org.Id, async db =>
        {
            var parent = await db.Units.FindAsync(org.UnitId) ?? throw new InvalidOperationException("no department");
            for (var i = 0; i < count; i++)
            {
                var unit = new Unit(org.Id, $"Enhet {i:D4}", UnitKind.Section, parent);
                db.Units.Add(unit);
                if (withPeople)
                {
                    db.People.Add(new Person(org.Id, $"Person {i:D4}", $"p{i}-{Guid.NewGuid():N}@{org.Code}.test", org.UnitId));
                }
            }

            return await db.SaveChangesAsync();
        });
}
