using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Web.Cli;
using Tillit.Web.Features.Shared.Export;

namespace Tillit.Web.Infrastructure.Bench;

/// <summary>
/// <c>tillit bench import-file --out register.xlsx [--rows 25000] [--organisation bench]</c>: writes an .xlsx
/// of valid information systems (names not in the register, units of the organisation) for
/// bench/import.sh, which times importing it through the API.
/// </summary>
public sealed class BenchImportFileVerb : ICliVerbs
{
    public void Register() => CommandLine.Register("bench import-file", WriteAsync);

    private static async Task<int> WriteAsync(WebApplication app, Args args)
    {
        var output = args.Optional("out") ?? throw new CliException("--out is required");
        var rows = int.TryParse(args.Optional("rows") ?? "25000", NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 50_000
            ? n
            : throw new CliException("--rows must be a whole number from 1 to 50000");
        var code = args.Optional("organisation") ?? "bench";
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Code == code || o.Name == code).Select(o => o.Id).FirstOrDefaultAsync();
        var units = await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => u.OrganisationId == organisation).Select(u => u.Name).Distinct().OrderBy(n => n).Take(200).ToListAsync();
        if (units.Count == 0)
        {
            throw new CliException($"no units in organisation '{code}': run tillit bench generate first");
        }

        string[] hostings = ["Egen drift", "Molntjänst", "Leverantörens drift", "Gemensam driftorganisation"];
        var run = Guid.NewGuid().ToString("N")[..6];
        List<ExportColumn<int>> columns =
        [
            new("Namn", i => $"Importerat system {run}-{i:D5}"),
            new("Syfte", i => $"Stöd för verksamhetsprocess {i % 97}"),
            new("Verksamhet", i => units[i % units.Count]),
            new("Form", i => i % 10 == 0 ? "Manuellt" : "Automatiserat"),
            new("Viktigt för verksamheten", i => i % 3 == 0 ? "Ja" : "Nej"),
            new("Drift", i => i % 10 == 0 ? "Ej tillämpligt (manuellt)" : hostings[i % hostings.Length]),
            new("Livscykel", i => "I drift"),
            new("Leverantör", i => $"Leverantör {i % 150} AB"),
        ];
        var file = await TableExport.WriteAsync(ExportFormat.Xlsx, "bench", columns, Enumerable.Range(1, rows).ToAsyncEnumerable(), CancellationToken.None);
        await using (file.Content)
        {
            await using var target = File.Create(output);
            await file.Content.CopyToAsync(target);
        }

        Console.WriteLine($"Wrote {rows} rows to {output}.");
        return 0;
    }
}
