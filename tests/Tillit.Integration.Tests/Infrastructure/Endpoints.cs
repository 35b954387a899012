using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Tillit.Integration.Tests.Infrastructure;

/// <summary>One method of one route, "GET /units/{id:guid}"; for a named page handler also its name ("POST /x?handler=revoke").</summary>
public sealed record EndpointKey(string Method, string Pattern, string? Handler = null)
{
    public override string ToString() => $"{Method} {Pattern}{(Handler is null ? string.Empty : "?handler=" + Handler)}";
}

public sealed record AppEndpoint(EndpointKey Key, RoutePattern Route, bool IsPage)
{
    public bool IsApi => Key.Pattern.StartsWith("/api/", StringComparison.Ordinal);

    public bool IsWrite => Key.Method is "POST" or "PUT" or "PATCH" or "DELETE";

    public IEnumerable<string> ParameterNames => Route.Parameters.Select(p => p.Name);
}

/// <summary>
/// Every page and endpoint the running app serves, read from its EndpointDataSource. A Razor page
/// answers GET and each HTTP method it has a handler for, a named handler (OnPostRevoke) separately;
/// an endpoint that names no method (health checks) is listed as GET.
/// </summary>
public static class Endpoints
{
    public static async Task<IReadOnlyList<AppEndpoint>> AllAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var source = services.GetRequiredService<EndpointDataSource>();
        var loader = services.GetRequiredService<PageLoader>();
        var result = new List<AppEndpoint>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching == true)
            {
                continue;
            }

            var pattern = Normalise(endpoint.RoutePattern.RawText ?? string.Empty);
            var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>();
            IEnumerable<(string Method, string? Handler)> methods;
            if (page is not null)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                methods = compiled.HandlerMethods
                    .Select(h => (h.HttpMethod.ToUpperInvariant(), string.IsNullOrEmpty(h.Name) ? null : h.Name.ToLowerInvariant()))
                    .Append(("GET", null));
            }
            else
            {
                var declared = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
                methods = (declared is { Count: > 0 } ? declared : ["GET"]).Select(m => (m, (string?)null));
            }

            foreach (var (method, handler) in methods.Where(m => m.Method != "HEAD").Distinct())
            {
                result.Add(new AppEndpoint(new EndpointKey(method, pattern, handler), endpoint.RoutePattern, page is not null));
            }
        }

        return result.DistinctBy(e => e.Key).OrderBy(e => e.Key.Pattern, StringComparer.Ordinal).ThenBy(e => e.Key.Method, StringComparer.Ordinal).ToList();
    }

    /// <summary>"units/{id:guid}/" and "/units/{id:guid}" both become "/units/{id:guid}".</summary>
    public static string Normalise(string rawText)
    {
        ArgumentNullException.ThrowIfNull(rawText);
        var path = "/" + rawText.Trim('/');
        return path;
    }

    /// <summary>The route with its parameters filled in, or the names of the parameters nothing fills.</summary>
    public static (string? Url, IReadOnlyList<string> Unfilled) Fill(RoutePattern route, Func<string, string, string?> valueFor)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(valueFor);
        var url = new StringBuilder();
        var prefix = new StringBuilder();
        var unfilled = new List<string>();
        foreach (var segment in route.PathSegments)
        {
            url.Append('/');
            prefix.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        url.Append(literal.Content);
                        prefix.Append(literal.Content);
                        break;
                    case RoutePatternSeparatorPart separator:
                        url.Append(separator.Content);
                        prefix.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart parameter:
                        prefix.Append('{').Append(parameter.Name).Append('}');
                        var value = valueFor(prefix.ToString(), parameter.Name);
                        if (value is null)
                        {
                            unfilled.Add(prefix.ToString());
                        }
                        else
                        {
                            url.Append(Uri.EscapeDataString(value));
                        }

                        break;
                }
            }
        }

        return (unfilled.Count == 0 ? (url.Length == 0 ? "/" : url.ToString()) : null, unfilled);
    }
}

/// <summary>
/// What fills a route parameter: by the route up to that parameter (constraints left out), the
/// organisation's record whose id goes there. A route whose parameter has no entry here fails the
/// matrix and tenant tests until one is added, so a new page cannot slip past them.
/// </summary>
public static class RouteValues
{
    public static readonly IReadOnlyDictionary<string, Func<TestOrganisation, Guid>> Ids = new Dictionary<string, Func<TestOrganisation, Guid>>(StringComparer.Ordinal)
    {
        ["/units/{id}"] = o => o.UnitId,
        ["/api/v1/units/{id}"] = o => o.UnitId,
        ["/people/{id}"] = o => o.PersonId,
        ["/api/v1/people/{id}"] = o => o.PersonId,
        ["/roles/{id}"] = o => o.RoleAssignmentId,
        ["/api/v1/roles/{id}"] = o => o.RoleAssignmentId,
        ["/api/v1/role-assignments/{id}"] = o => o.RoleAssignmentId,
        ["/documents/{id}"] = o => o.DocumentId,
        ["/api/v1/documents/{id}"] = o => o.DocumentId,
        ["/documents/{id}/versions/{versionId}"] = o => o.DocumentVersionId,
        ["/documents/campaigns/{id}"] = o => o.CampaignId,
        ["/api/v1/acknowledgement-campaigns/{id}"] = o => o.CampaignId,
        ["/api/v1/documents/{id}/versions/{versionId}"] = o => o.DocumentVersionId,
        ["/account/tokens/{id}"] = o => o.TokenId,
        ["/systems/{id}"] = o => o.SystemId,

        // An import's upload id: no upload has it, so every allowed caller gets 404.
        ["/systems/import/{id}"] = o => o.SystemId,
        ["/api/v1/systems/{id}"] = o => o.SystemId,
        ["/information-sets/{id}"] = o => o.SetId,
        ["/api/v1/information-sets/{id}"] = o => o.SetId,
        ["/information-sets/import/{id}"] = o => o.SetId,
        ["/delegations/{id}"] = o => o.DelegationId,
        ["/deviations/{id}"] = o => o.DeviationId,
        ["/api/v1/deviations/{id}"] = o => o.DeviationId,
        ["/api/v1/delegations/{id}"] = o => o.DelegationId,
        ["/requirements/{id}"] = o => o.RequirementId,
        ["/api/v1/requirements/{id}"] = o => o.RequirementId,
        ["/systems/{id}/requirements/{requirementId}"] = o => o.RequirementId,
        ["/api/v1/systems/{id}/requirements/{requirementId}"] = o => o.RequirementId,
        ["/measures/{id}"] = o => o.MeasureId,
        ["/api/v1/measures/{id}"] = o => o.MeasureId,
        ["/incidents/mine/{id}"] = o => o.IncidentId,
        ["/laws/{id}"] = o => o.LawId,
        ["/api/v1/laws/{id}"] = o => o.LawId,
        ["/agreements/{id}"] = o => o.AgreementId,
        ["/api/v1/agreements/{id}"] = o => o.AgreementId,
        ["/training/{id}"] = o => o.CourseId,

        // A completion import's upload id: no upload has it, so every allowed caller gets 404.
        ["/training/import/{id}"] = o => o.CourseId,
        ["/continuity/systems/{id}"] = o => o.SystemId,
        ["/exercises/{id}"] = o => o.ExerciseId,
        ["/incidents/{id}"] = o => o.IncidentId,
        ["/api/v1/incidents/{id}"] = o => o.IncidentId,
        ["/goals/{id}"] = o => o.YearlyGoalId,
        ["/api/v1/goals/{id}"] = o => o.YearlyGoalId,

        // Risk analysis (issue 5).
        ["/risk/{id}"] = o => o.RiskAnalysisId,
        ["/risk/{id}/risks/{riskId}"] = o => o.RiskId,
        ["/risk/threats/{id}"] = o => o.ThreatId,
        ["/api/v1/risk-analyses/{id}"] = o => o.RiskAnalysisId,
        ["/api/v1/risk-analyses/{id}/risks/{riskId}"] = o => o.RiskId,

        // Compliance self-assessment (issue 8).
        ["/self-assessments/{id}"] = o => o.QuestionnaireId,
        ["/self-assessments/responses/{id}"] = o => o.QuestionnaireResponseId,

        // A yearly report generation job: no job has a system's id, so the security officer gets 404.
        ["/reports/jobs/{id}"] = o => o.SystemId,
        ["/api/v1/reports/jobs/{id}"] = o => o.SystemId,
    };

    /// <summary>Parameters that are not records of an organisation.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fixed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/openapi/{documentName}"] = "v1",

        // A yearly report's year: the page shows today's figures until a report is generated.
        ["/reports/{year}"] = "2026",
        ["/api/v1/reports/{year}"] = "2026",

        // An optional handler segment left empty: the named handler goes in ?handler= instead.
        ["/people/{id}/account/{handler}"] = string.Empty,
    };

    /// <summary>The URL of the endpoint with the organisation's records, the named handler and any extra query.</summary>
    public static (string? Url, IReadOnlyList<string> Unfilled) UrlFor(AppEndpoint endpoint, TestOrganisation org, string query = "")
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(query);
        var (path, unfilled) = Endpoints.Fill(endpoint.Route, (prefix, _) =>
            Ids.TryGetValue(prefix, out var id) ? id(org).ToString()
            : Fixed.TryGetValue(prefix, out var value) ? value
            : null);
        if (path is null)
        {
            return (null, unfilled);
        }

        var parts = new[] { endpoint.Key.Handler is { } h ? "handler=" + h : null, query.TrimStart('?') }.Where(p => !string.IsNullOrEmpty(p));
        var queryString = string.Join('&', parts);
        return (queryString.Length == 0 ? path : path + "?" + queryString, unfilled);
    }
}
