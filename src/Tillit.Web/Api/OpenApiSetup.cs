using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Tillit.Web.Features;
using Tillit.Web.Security;

namespace Tillit.Web.Api;

/// <summary>
/// The OpenAPI document of /api/v1. Each operation carries the permission it needs
/// (<c>x-tillit-permission</c>) and the bearer token requirement; list parameters say their limits
/// and, where the endpoint declares them with <see cref="SortableBy"/>, the columns one may sort by.
/// The readable page /api-docs is built from this same document.
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string PermissionExtension = "x-tillit-permission";
    public const string SecuritySchemeName = "bearer";

    public static IServiceCollection AddTillitOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;

            // Every feature has its own nested "Command"; name schemas after their outer class so they stay apart.
            o.CreateSchemaReferenceId = type => type.Type.IsNested && type.Type.DeclaringType is { } outer
                ? outer.Name + type.Type.Name
                : Microsoft.AspNetCore.OpenApi.OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            o.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                var permission = PermissionOf(metadata);
                if (permission is not null)
                {
                    operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                    operation.Extensions[PermissionExtension] = new JsonNodeExtension(JsonValue.Create(permission));
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, context.Document)] = [] });
                    operation.Responses ??= [];
                    operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No token, or an unknown, revoked or expired one." });
                    if (permission != Policies.SignedIn)
                    {
                        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The token's owner lacks the permission." });
                    }
                }

                DescribeListParameters(operation, metadata.OfType<SortableBy>().FirstOrDefault());
                return Task.CompletedTask;
            });
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Tillit API";
                document.Info.Version = DocumentName;
                document.Info.Description = "Tillit's JSON API. Authenticate with a personal access token: `Authorization: Bearer tillit_…` (create one at /account/tokens). Errors are ProblemDetails (RFC 9457). Human-readable page: /api-docs.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "tillit_…",
                    Description = "A personal access token from /account/tokens. It never grants more than its owner's own permissions.",
                };
                return Task.CompletedTask;
            });
        });

    /// <summary>The permission an endpoint requires: "units.read", "signed-in" for any signed-in person, or null when anonymous.</summary>
    public static string? PermissionOf(IEnumerable<object> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var list = metadata.ToList();
        if (list.OfType<IAllowAnonymous>().Any())
        {
            return null;
        }

        var policy = list.OfType<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
        return policy switch
        {
            null => null,
            _ when policy.StartsWith(Policies.PermissionPrefix, StringComparison.Ordinal) => policy[Policies.PermissionPrefix.Length..],
            _ => policy,
        };
    }

    private static void DescribeListParameters(OpenApiOperation operation, SortableBy? sortable)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            switch (parameter.Name)
            {
                case "page":
                    parameter.Description ??= "Page number, from 1.";
                    break;
                case "pageSize":
                    parameter.Description ??= $"Rows per page: default {PageRequest.DefaultSize}, at most {PageRequest.MaxSize} (larger values are capped).";
                    break;
                case "desc":
                    parameter.Description ??= "true for descending order.";
                    break;
                case "sort" when sortable is not null:
                    parameter.Description ??= $"Column to sort by: {string.Join(", ", sortable.Columns)} (default {sortable.Default}). Any other value is refused with 400.";
                    if (parameter.Schema is OpenApiSchema schema)
                    {
                        schema.Enum = [.. sortable.Columns.Select(c => (JsonNode)JsonValue.Create(c))];
                    }

                    break;
            }
        }
    }
}

/// <summary>Endpoint metadata: the sort columns a list endpoint accepts, for its documentation.</summary>
public sealed record SortableBy(IReadOnlyList<string> Columns, string Default);

public static class SortableByExtensions
{
    public static RouteHandlerBuilder SortableBy<T>(this RouteHandlerBuilder builder, SortColumns<T> sorts)
    {
        ArgumentNullException.ThrowIfNull(sorts);
        return builder.WithMetadata(new SortableBy([.. sorts.Names], sorts.DefaultColumn));
    }
}
