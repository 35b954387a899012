using System.Net;
using System.Text.Json;
using Tillit.Domain.Access;
using Tillit.Domain.Organisations;
using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests.People;

[Collection(AppCollection.Name)]
public sealed class PersonSearchTests(TillitApp app)
{
    [Theory]
    [InlineData("anna", new[] { "Anna Berg", "Anna-Lena Öst", "Berit Annasdotter" })]
    [InlineData("ANNA b", new[] { "Anna Berg" })]
    [InlineData("öst", new[] { "Anna-Lena Öst" })]
    [InlineData("ek", new[] { "Johanna Ek", "Karl Ekström" })]
    [InlineData("ekström", new[] { "Karl Ekström" })]
    [InlineData("johanna.ek@", new[] { "Johanna Ek" })]
    [InlineData("zz", new string[0])]
    public async Task A_search_finds_the_people_whose_first_name_surname_or_e_mail_starts_with_it(string search, string[] expected)
    {
        var org = await app.Seed.CreateOrganisationAsync("ps" + Guid.NewGuid().ToString("N")[..6], [Role.SecurityOfficer]);
        await app.Seed.WithDbAsync(org.Id, async db =>
        {
            foreach (var (name, email) in new[] { ("Anna Berg", "anna.berg"), ("Johanna Ek", "johanna.ek"), ("Karl Ekström", "karl.ekstrom"), ("Anna-Lena Öst", "al.ost"), ("Berit Annasdotter", "berit") })
            {
                db.People.Add(new Person(org.Id, name, $"{email}@{org.Code}.test", org.UnitId));
            }

            return await db.SaveChangesAsync();
        });

        var api = new Browser(app.Factory.CreateRawClient()) { BearerToken = await app.Seed.CreateTokenAsync(org.Accounts[Role.SecurityOfficer]) };
        var response = await api.GetAsync("/api/v1/people?pageSize=200&q=" + Uri.EscapeDataString(search));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"search '{search}' gave {Calls.Describe(response)}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var names = json.RootElement.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected.Order(StringComparer.Ordinal), names);
        Assert.Equal(expected.Length, json.RootElement.GetProperty("total").GetInt32());
    }
}
