using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tillit.Domain.Access;
using Tillit.Domain.Organisations;
using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests;

[Collection(AppCollection.Name)]
public sealed class BadInputTests(TillitApp app)
{
    private const string ProblemJson = "application/problem+json";

    [Fact]
    public async Task A_unit_form_without_a_name_is_refused_with_the_Swedish_error_summary_and_nothing_is_written()
    {
        var admin = await app.SessionAsync(app.A, Role.Administrator);
        var before = await CountUnitsAsync();
        var (_, form) = await admin.GetPageAsync("/units/new");

        var response = await admin.PostFormAsync("/units/new", [new("Input.Name", "  "), new("Input.Kind", nameof(UnitKind.Department)), new("Input.ParentId", string.Empty)], Browser.FormToken(form));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Det finns ett problem", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_Name\">Fältet måste fyllas i.</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Name-error\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.StartsWith("Fel: ", System.Text.RegularExpressions.Regex.Match(html, "<title>([^<]*)</title>").Groups[1].Value, StringComparison.Ordinal);
        Assert.Equal(before, await CountUnitsAsync());
    }

    [Fact]
    public async Task An_empty_api_body_gets_a_problem_with_field_messages_and_nothing_is_written()
    {
        var api = await app.ApiAsync(app.A, Role.Administrator);
        var before = await CountUnitsAsync();
        var response = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/units", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal("Fältet måste fyllas i.", errors.GetProperty("name")[0].GetString());
        Assert.True(errors.TryGetProperty("kind", out _));
        Assert.Equal(before, await CountUnitsAsync());
    }

    [Theory]
    [InlineData("{\"name\": ", "body", "Innehållet är inte giltig JSON.")]
    [InlineData("[1, 2, 3]", "body", "Innehållet är inte giltig JSON.")]
    [InlineData("{\"name\": \"X\", \"kind\": \"not a number\"}", "kind", "Värdet har fel form för fältet.")]
    [InlineData("{\"name\": 5}", "name", "Värdet har fel form för fältet.")]
    public async Task A_malformed_api_body_gets_a_problem_naming_the_field_and_nothing_is_written(string body, string field, string message)
    {
        var api = await app.ApiAsync(app.A, Role.Administrator);
        var before = await CountUnitsAsync();
        var response = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/units", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Uppgifterna är inte giltiga", json.RootElement.GetProperty("title").GetString());
        Assert.Equal(message, json.RootElement.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Equal(before, await CountUnitsAsync());
    }

    [Fact]
    public async Task An_api_body_over_one_megabyte_gets_413()
    {
        var api = await app.ApiAsync(app.A, Role.Administrator);
        var before = await CountUnitsAsync();
        var response = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/units", $"{{\"name\": \"{new string('x', 1_100_000)}\", \"kind\": 4}}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountUnitsAsync());
    }

    [Fact]
    public async Task A_form_over_one_megabyte_gets_413()
    {
        var admin = await app.SessionAsync(app.A, Role.Administrator);
        var (_, form) = await admin.GetPageAsync("/units/new");
        var before = await CountUnitsAsync();
        var response = await admin.PostFormAsync("/units/new", [new("Input.Name", new string('x', 1_100_000)), new("Input.Kind", nameof(UnitKind.Department))], Browser.FormToken(form));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Det du skickade är för stort", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await CountUnitsAsync());
    }

    [Fact]
    public async Task Two_people_saving_the_same_unit_the_second_is_refused_with_a_conflict_and_the_first_change_is_kept()
    {
        var admin = await app.SessionAsync(app.A, Role.Administrator);
        var id = await AddUnitAsync("Krockenheten");
        var (_, first) = await admin.GetPageAsync($"/units/{id}/edit");
        var (_, second) = await admin.GetPageAsync($"/units/{id}/edit");
        var version = Browser.InputValue(first, "Input.Version");
        Assert.False(string.IsNullOrEmpty(version));
        Assert.Equal(version, Browser.InputValue(second, "Input.Version"));

        var saved = await admin.PostFormAsync($"/units/{id}/edit", Fields("Första ändringen", version!), Browser.FormToken(first));
        Assert.Equal($"/units/{id}", Browser.RedirectTarget(saved));

        var refused = await admin.PostFormAsync($"/units/{id}/edit", Fields("Andra ändringen", version!), Browser.FormToken(second));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Någon annan har sparat ändringar sedan du öppnade sidan", html, StringComparison.Ordinal);
        Assert.Equal("Första ändringen", await UnitNameAsync(id));

        static KeyValuePair<string, string>[] Fields(string name, string version) =>
            [new("Input.Name", name), new("Input.Kind", nameof(UnitKind.Section)), new("Input.ParentId", string.Empty), new("Input.Version", version)];
    }

    [Fact]
    public async Task An_api_update_with_a_stale_version_gets_409_and_the_first_change_is_kept()
    {
        var api = await app.ApiAsync(app.A, Role.Administrator);
        var id = await AddUnitAsync("API-krocken");
        using var read = JsonDocument.Parse(await (await api.GetAsync($"/api/v1/units/{id}")).Content.ReadAsStringAsync());
        var version = read.RootElement.GetProperty("version").GetInt32();

        var first = await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{id}", $"{{\"name\": \"Först\", \"kind\": 5, \"version\": {version}}}");
        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);

        var second = await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{id}", $"{{\"name\": \"Sist\", \"kind\": 5, \"version\": {version}}}");
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(ProblemJson, second.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.StartsWith("Någon annan har sparat ändringar", problem.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("Först", await UnitNameAsync(id));
    }

    [Theory]
    [InlineData("secret")]
    [InlineData("Name; DROP TABLE Units")]
    [InlineData("OrganisationId")]
    public async Task Sorting_the_api_list_by_a_column_not_on_the_allow_list_gets_400(string sort)
    {
        var api = await app.ApiAsync(app.A, Role.Administrator);
        var response = await api.GetAsync("/api/v1/units?sort=" + Uri.EscapeDataString(sort));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("sort", out _));
    }

    [Fact]
    public async Task The_api_page_size_is_capped()
    {
        var api = await app.ApiAsync(app.A, Role.Administrator);
        using var page = JsonDocument.Parse(await (await api.GetAsync("/api/v1/units?pageSize=100000&sort=name")).Content.ReadAsStringAsync());
        Assert.Equal(200, page.RootElement.GetProperty("pageSize").GetInt32());
    }

    private Task<int> CountUnitsAsync() => app.Seed.WithDbAsync(app.A.Id, db => db.Units.CountAsync());

    private Task<string> UnitNameAsync(Guid id) =>
        app.Seed.WithDbAsync(app.A.Id, db => db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => u.Name).SingleAsync());

    private Task<Guid> AddUnitAsync(string name) =>
        app.Seed.WithDbAsync(app.A.Id, async db =>
        {
            var parent = await db.Units.FindAsync(app.A.UnitId);
            var unit = new Unit(app.A.Id, name, UnitKind.Section, parent);
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            return unit.Id;
        });
}
