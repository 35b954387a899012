using System.Net;
using Tillit.Domain.Access;
using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests;

[Collection(AppCollection.Name)]
public sealed class TenantIsolationTests(TillitApp app)
{
    /// <summary>
    /// Every route with a parameter gets organisation B's ids while the caller belongs to A. Every
    /// role of A that the matrix lets in must get 404 (the record does not exist for them); roles the
    /// matrix keeps out may also be refused before the lookup. Nothing may answer with B's data.
    /// </summary>
    [Fact]
    public async Task A_user_of_organisation_A_gets_404_for_every_id_of_organisation_B_on_every_page_and_endpoint()
    {
        var endpoints = (await Endpoints.AllAsync(app.Factory.Services)).Where(e => e.Route.Parameters.Count > 0).ToList();
        Assert.Contains(endpoints, e => e.IsApi);
        Assert.Contains(endpoints, e => e.IsPage);
        var matrix = AuthorizationMatrix.Rows.ToDictionary(r => r.Key);
        var failures = new List<string>();
        var checkedRequests = 0;

        foreach (var endpoint in endpoints)
        {
            var (url, unfilled) = RouteValues.UrlFor(endpoint, app.B);
            if (url is null)
            {
                failures.Add($"{endpoint.Key}: no id of organisation B for {string.Join(", ", unfilled)}; add it to RouteValues.Ids");
                continue;
            }

            if (RouteValues.UrlFor(endpoint, app.A).Url == url)
            {
                continue; // no organisation's record in the route (/openapi/{documentName}.json)
            }

            var allowed = matrix.TryGetValue(endpoint.Key, out var row) ? row.Allow : null;
            var responses = await Task.WhenAll(Roles.All.Select(async role =>
            {
                var browser = endpoint.IsApi ? await app.ApiAsync(app.A, role) : await app.SessionAsync(app.A, role);
                return (Role: role, Response: await Calls.SendAsync(browser, endpoint, url, () => browser.AntiforgeryTokenAsync("/account/sign-out")));
            }));
            foreach (var (role, response) in responses)
            {
                checkedRequests++;
                var status = response.StatusCode;
                var refusedBeforeLookup = Calls.Judge(response, isWrite: false) == Verdict.Denied;
                if (allowed?.Allows(role) == true ? status != HttpStatusCode.NotFound : status != HttpStatusCode.NotFound && !refusedBeforeLookup)
                {
                    failures.Add($"{endpoint.Key} with B's id as A's {role}: expected 404, got {Calls.Describe(response)}");
                }
            }

            if (!responses.Any(r => r.Response.StatusCode == HttpStatusCode.NotFound))
            {
                failures.Add($"{endpoint.Key}: no role of A reached the lookup (all refused), so isolation was not tested; allow a role in the matrix");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(checkedRequests > 0);
    }

    [Fact]
    public async Task The_api_ignores_the_session_cookie_and_wants_a_token()
    {
        var session = await app.SessionAsync(app.A, Role.Administrator);
        var response = await session.GetAsync("/api/v1/units");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Lists_of_organisation_A_show_none_of_organisation_B_records()
    {
        var api = await app.ApiAsync(app.A, Role.Administrator);
        var json = await (await api.GetAsync("/api/v1/units?pageSize=200")).Content.ReadAsStringAsync();
        Assert.Contains(app.A.UnitId.ToString(), json, StringComparison.Ordinal);
        Assert.DoesNotContain(app.B.UnitId.ToString(), json, StringComparison.Ordinal);

        var page = await app.SessionAsync(app.A, Role.Administrator);
        var (_, html) = await page.GetPageAsync("/units");
        Assert.Contains(app.A.UnitId.ToString(), html, StringComparison.Ordinal);
        Assert.DoesNotContain(app.B.UnitId.ToString(), html, StringComparison.Ordinal);
        Assert.DoesNotContain("Testkommun orgb", html, StringComparison.Ordinal);
    }
}
