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
    /// Every page and API read keeps to the budget of commands, as each role that may read it. And none numbers a
    /// table's rows with a window (EF's translation, on SQLite, of a subquery of several columns per row): that is
    /// what stalled the system, set and document pages of the large municipality.
    /// </summary>
    [Fact]
    public async Task No_page_or_api_read_sends_more_than_ten_sql_commands_or_numbers_the_rows_of_a_table_with_a_window()
    {
        var org = app.A;
        var endpoints = (await Endpoints.AllAsync(app.Factory.Services)).ToDictionary(e => e.Key);
        var windowed = new List<string>();
        var over = new List<string>();
        var read = 0;
        foreach (var role in new[] { Role.SecurityOfficer, Role.Administrator, Role.MunicipalDirector, Role.Employee })
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

                var browser = endpoint.IsApi ? api : page;
                await browser.GetAsync(url); // warm: what the organisation cache keeps is not counted again
                var response = await browser.GetAsync(url);
                if (response.Headers.TryGetValues(SqlCommandCounter.WindowsHeaderName, out var windows)
                    && response.Headers.TryGetValues(SqlCommandCounter.HeaderName, out var commands))
                {
                    read++;
                    if (int.Parse(windows.Single(), CultureInfo.InvariantCulture) > 0)
                    {
                        windowed.Add($"{url} as {role}: {windows.Single()} windowed commands");
                    }

                    if (int.Parse(commands.Single(), CultureInfo.InvariantCulture) > BudgetOf(url))
                    {
                        over.Add($"{url} as {role}: {commands.Single()} commands");
                    }
                }
            }
        }

        Assert.True(read > 150, $"only {read} reads had the {SqlCommandCounter.HeaderName} and {SqlCommandCounter.WindowsHeaderName} headers");
        Assert.True(windowed.Count == 0, string.Join(Environment.NewLine, windowed.Distinct()));
        Assert.True(over.Count == 0, $"over the budget of {Budget}:{Environment.NewLine}{string.Join(Environment.NewLine, over)}");
    }

    /// <summary>
    /// The budget of a read. One known exception, held where it stands so it cannot grow: the yearly report of a year
    /// with no kept version computes the year's figures and indicators live, 17–19 commands (issue 8 leaves it open;
    /// a kept version is read with a few).
    /// </summary>
    private static int BudgetOf(string url) =>
        url.StartsWith("/reports/", StringComparison.Ordinal) || url.StartsWith("/api/v1/reports/", StringComparison.Ordinal) ? 19 : Budget;

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
