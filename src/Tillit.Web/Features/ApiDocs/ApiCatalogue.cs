using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Tillit.Web.Api;

namespace Tillit.Web.Features.ApiDocs;

public sealed record ApiParameterDoc(string Name, string In, string Type, bool Required, string? Description, IReadOnlyList<string> AllowedValues);

public sealed record ApiFieldDoc(string Name, string Type, IReadOnlyList<string> AllowedValues);

public sealed record ApiEndpointDoc(
    string Method,
    string Path,
    string? Summary,
    string? Description,
    string? Permission,
    IReadOnlyList<ApiParameterDoc> Parameters,
    IReadOnlyList<ApiFieldDoc> BodyFields,
    IReadOnlyList<string> Responses);

/// <summary>
/// The endpoints of the API as the OpenAPI document describes them, read in process once and kept:
/// the document only changes when the application does.
/// </summary>
public sealed class ApiCatalogue(IServiceProvider services)
{
    private static readonly string[] MethodOrder = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    private readonly Lazy<Task<IReadOnlyList<ApiEndpointDoc>>> _endpoints = new(() => ReadAsync(services));

    public Task<IReadOnlyList<ApiEndpointDoc>> EndpointsAsync() => _endpoints.Value;

    private static async Task<IReadOnlyList<ApiEndpointDoc>> ReadAsync(IServiceProvider services)
    {
        var provider = services.GetRequiredKeyedService<IOpenApiDocumentProvider>(OpenApiSetup.DocumentName);
        var document = await provider.GetOpenApiDocumentAsync(CancellationToken.None);
        var endpoints = new List<ApiEndpointDoc>();
        foreach (var (path, item) in document.Paths ?? [])
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var permission = operation.Extensions is { } ext && ext.TryGetValue(OpenApiSetup.PermissionExtension, out var p) && p is JsonNodeExtension node
                    ? node.Node.GetValue<string>()
                    : null;
                var parameters = (operation.Parameters ?? [])
                    .Select(x => new ApiParameterDoc(x.Name ?? string.Empty, x.In?.ToString().ToLowerInvariant() ?? string.Empty, TypeOf(x.Schema), x.Required, x.Description, ValuesOf(x.Schema)))
                    .ToList();
                var body = operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var media) ? media.Schema : null;
                var fields = (Resolve(body)?.Properties ?? new Dictionary<string, IOpenApiSchema>())
                    .Select(f => new ApiFieldDoc(f.Key, TypeOf(f.Value), ValuesOf(f.Value)))
                    .ToList();
                var responses = (operation.Responses ?? []).Select(r => r.Key).Order(StringComparer.Ordinal).ToList();
                endpoints.Add(new ApiEndpointDoc(method.Method.ToUpperInvariant(), path, operation.Summary, operation.Description, permission, parameters, fields, responses));
            }
        }

        return endpoints
            .OrderBy(e => e.Path.Split('/').Take(4).Aggregate(string.Empty, (a, b) => a + "/" + b), StringComparer.Ordinal)
            .ThenBy(e => e.Path.Length)
            .ThenBy(e => Array.IndexOf(MethodOrder, e.Method))
            .ToList();
    }

    /// <summary>A nullable value is described as "any of null and the type": the type is the part that is not null.</summary>
    private static IOpenApiSchema? Resolve(IOpenApiSchema? schema)
    {
        if (schema is null)
        {
            return null;
        }

        if (schema.Type is null && (schema.AnyOf ?? schema.OneOf) is { Count: > 0 } options)
        {
            return options.FirstOrDefault(o => o.Type != JsonSchemaType.Null) ?? schema;
        }

        return schema;
    }

    private static string TypeOf(IOpenApiSchema? schema)
    {
        schema = Resolve(schema);
        if (schema?.Type is not { } type)
        {
            return schema?.Enum is { Count: > 0 } ? "enum" : string.Empty;
        }

        type &= ~JsonSchemaType.Null;

        // Numbers may also be sent as strings; the number is what a reader needs to know.
        if ((type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0)
        {
            type &= ~JsonSchemaType.String;
        }

        if (type.HasFlag(JsonSchemaType.Array))
        {
            return "array of " + TypeOf(schema.Items);
        }

        var name = type.ToString().ToLowerInvariant().Replace(", ", " | ", StringComparison.Ordinal);
        return schema.Format is { Length: > 0 } format ? $"{name} ({format})" : name;
    }

    private static List<string> ValuesOf(IOpenApiSchema? schema) =>
        Resolve(schema)?.Enum?.Where(v => v is not null).Select(v => v!.ToString()).ToList() ?? [];
}
