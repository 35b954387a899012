using System.Data.Common;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tillit.Data;

namespace Tillit.Web.Api;

/// <summary>
/// The benchmark's yardstick, mapped only in bench mode: one raw SQL query of 12 rows rendered as an
/// HTML table (the shape of TechEmpower's Fortunes). Pages are measured as a ratio of its requests/s.
/// </summary>
public static class BenchBaseline
{
    public static void MapBenchBaseline(this IEndpointRouteBuilder app)
    {
        app.MapGet("/bench/baseline", RenderAsync).AllowAnonymous();
    }

    private static async Task RenderAsync(HttpContext context, TillitDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(context.RequestAborted);
        var rows = new List<(string Id, string Name)>(12);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT \"Id\", \"Name\" FROM \"Units\" ORDER BY \"Id\" LIMIT 12";
            await using DbDataReader reader = await command.ExecuteReaderAsync(context.RequestAborted);
            while (await reader.ReadAsync(context.RequestAborted))
            {
                rows.Add((reader.GetValue(0).ToString() ?? string.Empty, reader.GetString(1)));
            }
        }

        var html = new StringBuilder("<!DOCTYPE html><html lang=\"sv\"><head><title>Baseline</title></head><body><table><tr><th>id</th><th>name</th></tr>");
        foreach (var (id, name) in rows.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            html.Append("<tr><td>").Append(WebUtility.HtmlEncode(id)).Append("</td><td>").Append(WebUtility.HtmlEncode(name)).Append("</td></tr>");
        }

        html.Append("</table></body></html>");
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html.ToString(), context.RequestAborted);
    }
}
