using Microsoft.Extensions.Localization;
using Tillit.Web.Features;
using Tillit.Web.Features.Audit;
using Tillit.Web.Security;

namespace Tillit.Web.Api;

internal static class AuditApi
{
    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit-events", ListAsync)
            .RequirePermission(Permissions.AuditRead)
            .WithName("SearchAuditEvents")
            .WithSummary("Search the audit trail")
            .WithDescription("Newest first. Filters: actor (name contains), recordType, recordId, action, from and to (dates, Swedish time). The search itself is recorded in the trail.");
    }

    private static async Task<IResult> ListAsync(
        AuditQueries queries, IStringLocalizer<SharedResource> l, string? actor, string? recordType, string? recordId, string? action, DateOnly? from, DateOnly? to, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var result = await queries.SearchAsync(new AuditFilter(actor, recordType, recordId, action, from, to), new ListParameters(page, pageSize, null, null).ToRequest(), cancellationToken);
        return TypedResults.Ok(new PagedResponse<AuditRow>(result.Items, result.Total, result.Page, result.Size, result.Sort, result.Descending));
    }
}
