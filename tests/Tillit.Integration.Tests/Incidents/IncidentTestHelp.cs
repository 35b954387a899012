using System.Net;
using System.Text.Json;
using Tillit.Domain.Access;
using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests.Incidents;

/// <summary>Reports an event as the organisation's employee and reads the version a change needs.</summary>
internal static class IncidentTestHelp
{
    public static async Task<Guid> ReportAsync(TillitApp app, TestOrganisation org, string text, bool personalData = false)
    {
        var employee = await app.ApiAsync(org, Role.Employee);
        var created = await employee.SendJsonAsync(HttpMethod.Post, "/api/v1/incidents", JsonSerializer.Serialize(new { description = text, personalDataMaybe = personalData }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> GetAsync(Browser api, Guid id)
    {
        var response = await api.GetAsync($"/api/v1/incidents/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public static async Task<int> VersionAsync(Browser api, Guid id) => (await GetAsync(api, id)).GetProperty("version").GetInt32();

    /// <summary>POSTs a change with the current version added to the body.</summary>
    public static async Task<HttpResponseMessage> ChangeAsync(Browser api, Guid id, string action, Dictionary<string, object?> body, Browser? versionReader = null)
    {
        body["version"] = await VersionAsync(versionReader ?? api, id);
        return await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/incidents/{id}/{action}", JsonSerializer.Serialize(body));
    }

    /// <summary>The field messages of a ProblemDetails answer, unescaped.</summary>
    public static async Task<string> MessagesAsync(HttpResponseMessage response)
    {
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var messages = root.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(v => v.GetString())
            : [];
        return string.Join(" | ", messages.Append(root.TryGetProperty("detail", out var detail) ? detail.GetString() : null));
    }

    public static async Task OkAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
