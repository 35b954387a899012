using System.Net;
using System.Text.Json;
using Tillit.Domain.Access;
using Tillit.Domain.Organisations;
using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests.People;

[Collection(AppCollection.Name)]
public sealed class PagingTests(TillitApp app)
{
    [Theory]
    [InlineData("name", false)]
    [InlineData("name", true)]
    [InlineData("unit", false)]
    [InlineData("email", true)]
    public async Task Pages_after_the_first_hold_the_next_rows_in_order_with_every_column_filled(string sort, bool descending)
    {
        // Beyond page one the page's keys are chosen first and the rows built for them alone: the pages
        // put together must be exactly the whole sorted list, with the joined unit name on every row.
        var org = await app.Seed.CreateOrganisationAsync("pg" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer]);
        await app.Seed.WithDbAsync(org.Id, async db =>
        {
            for (var i = 0; i < 23; i++)
            {
                // Names repeat, so the tie-breaker decides the order among equals.
                db.People.Add(new Person(org.Id, $"Person {i % 8:00}", $"p{i:00}@{org.Code}.test", org.UnitId));
            }

            return await db.SaveChangesAsync();
        });

        var api = new Browser(app.Factory.CreateRawClient()) { BearerToken = await app.Seed.CreateTokenAsync(org.Accounts[Role.SecurityOfficer]) };
        var order = $"sort={sort}&desc={descending.ToString().ToLowerInvariant()}";
        var whole = await IdsAsync(api, $"/api/v1/people?pageSize=200&{order}");
        Assert.True(whole.Count >= 23, $"expected at least the 23 people added, got {whole.Count}");

        var pieced = new List<string>();
        for (var page = 1; pieced.Count < whole.Count; page++)
        {
            var ids = await IdsAsync(api, $"/api/v1/people?pageSize=5&page={page}&{order}");
            Assert.True(ids.Count > 0, $"page {page} was empty before all {whole.Count} rows were seen");
            pieced.AddRange(ids);
        }

        Assert.Equal(whole, pieced);
        Assert.Empty(await IdsAsync(api, $"/api/v1/people?pageSize=5&page=500&{order}"));
    }

    private static async Task<List<string>> IdsAsync(Browser api, string url)
    {
        var response = await api.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} gave {Calls.Describe(response)}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, p => Assert.False(string.IsNullOrEmpty(p.GetProperty("unitName").GetString()), $"a row of {url} has no unit name"));
        return items.Select(p => p.GetProperty("id").GetString()!).ToList();
    }
}
