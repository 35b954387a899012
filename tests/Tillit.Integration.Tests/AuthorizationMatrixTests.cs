using Tillit.Domain.Access;
using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests;

[Collection(AppCollection.Name)]
public sealed class AuthorizationMatrixTests(TillitApp app)
{
    public static IEnumerable<Role?> Callers => Roles.All.Cast<Role?>().Prepend(null);

    [Fact]
    public async Task Every_page_and_endpoint_of_the_app_is_in_the_authorization_matrix_and_the_matrix_lists_nothing_else()
    {
        var endpoints = (await Endpoints.AllAsync(app.Factory.Services)).Select(e => e.Key).ToHashSet();
        var table = AuthorizationMatrix.Rows.Select(r => r.Key).ToList();

        var duplicates = table.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key.ToString()).ToList();
        var missing = endpoints.Except(table).OrderBy(k => k.Pattern, StringComparer.Ordinal).ToList();
        var gone = table.Except(endpoints).ToList();

        var problems = new List<string>();
        problems.AddRange(duplicates.Select(d => $"listed twice: {d}"));
        problems.AddRange(missing.Select(m => $"missing from AuthorizationMatrix.Rows, add: Row(\"{m.Method}\", \"{m.Pattern}\", Access.Only(...){(m.Handler is null ? string.Empty : $", handler: \"{m.Handler}\"")}),"));
        problems.AddRange(gone.Select(g => $"in AuthorizationMatrix.Rows but the app has no such endpoint: {g}"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Every_role_and_anonymous_get_exactly_what_the_authorization_matrix_allows()
    {
        var endpoints = (await Endpoints.AllAsync(app.Factory.Services)).ToDictionary(e => e.Key);
        var rows = AuthorizationMatrix.Rows.Where(r => endpoints.ContainsKey(r.Key)).OrderBy(r => r.EndsSession).ToList();
        var results = await Task.WhenAll(Callers.Select(caller => CheckAsync(caller, rows, endpoints)));
        var failures = results.SelectMany(r => r).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} mismatches:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    /// <summary>Every row for one caller, in order (the rows that end the session last).</summary>
    private async Task<List<string>> CheckAsync(Role? caller, List<MatrixRow> rows, Dictionary<EndpointKey, AppEndpoint> endpoints)
    {
        var org = app.A;
        var failures = new List<string>();
        var page = caller is { } role ? await app.SessionAsync(org, role) : app.NewBrowser();
        var api = caller is { } apiRole ? await app.ApiAsync(org, apiRole) : app.NewBrowser();
        string? token = null;
        foreach (var row in rows)
        {
            var endpoint = endpoints[row.Key];
            var (url, unfilled) = RouteValues.UrlFor(endpoint, org, row.Query);
            if (url is null)
            {
                failures.Add($"{row.Key}: no value for {string.Join(", ", unfilled)}; add it to RouteValues");
                continue;
            }

            var browser = endpoint.IsApi ? api : page;
            if (row.EndsSession)
            {
                // A session of its own: the shared one stays signed in for the other tests.
                browser = caller is { } r ? await app.SignInAsync(org.Accounts[r]) : app.NewBrowser();
                token = null;
            }

            var current = browser;
            var response = await Calls.SendAsync(browser, endpoint, url, async () => token ??= await current.AntiforgeryTokenAsync("/account/sign-out"));
            var verdict = Calls.Judge(response, endpoint.IsWrite, row.AllowedStatus);
            var expected = row.Allow.Allows(caller) ? Verdict.Allowed : Verdict.Denied;
            if (verdict != expected)
            {
                failures.Add($"{row.Key} as {Calls.Name(caller)}: expected {expected}, got {verdict} ({Calls.Describe(response)})");
            }
        }

        return failures;
    }
}
