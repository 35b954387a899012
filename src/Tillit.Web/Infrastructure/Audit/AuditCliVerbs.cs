using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tillit.Data;
using Tillit.Data.Audit;
using Tillit.Web.Cli;

namespace Tillit.Web.Infrastructure.Audit;

/// <summary>The audit trail's verbs: verify, checkpoint, public-key, dispose.</summary>
public sealed class AuditCliVerbs : ICliVerbs
{
    public void Register()
    {
        CommandLine.Register("audit verify", VerifyAsync);
        CommandLine.Register("audit checkpoint", CheckpointAsync);
        CommandLine.Register("audit public-key", PublicKeyAsync);
        CommandLine.Register("audit dispose", DisposeAsync);
        CommandLine.Register("audit stress", StressAsync);
        CommandLine.Register("audit fill", FillAsync);
    }

    /// <summary>
    /// For the benchmark only: appends --events synthetic read events in large batches (one
    /// transaction per 20,000), to measure `audit verify` on a trail of millions of events.
    /// </summary>
    private static async Task<int> FillAsync(WebApplication app, Args args)
    {
        var total = args.Optional("events") is { } e && long.TryParse(e, out var n) ? n : 5_000_000;
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        const int batch = 20_000;
        for (long done = 0; done < total; done += batch)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var organisation = await db.Organisations.Select(o => (Guid?)o.Id).FirstOrDefaultAsync();
            var events = new List<AuditEvent>(batch);
            var now = clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < Math.Min(batch, total - done); i++)
            {
                events.Add(new AuditEvent
                {
                    TimeUtc = now,
                    OrganisationId = organisation,
                    ActorKind = AuditActorKind.Person,
                    ActorPersonId = Guid.CreateVersion7(),
                    ActorName = "Bänk Testsson",
                    ClientAddress = "127.0.0.1",
                    Action = AuditActions.Read,
                    RecordType = AuditTrail.Protected.Person,
                    RecordId = Guid.CreateVersion7().ToString("D"),
                });
            }

            await using var transaction = await db.Database.BeginTransactionAsync();
            await AuditChain.LockAsync(db, CancellationToken.None);
            if (db.Database.GetDbConnection() is Npgsql.NpgsqlConnection postgres)
            {
                // Millions of rows through EF on PostgreSQL take most of an hour; binary COPY takes a minute.
                await AuditChain.ChainLockedAsync(db, events, CancellationToken.None);
                await CopyAsync(postgres, events);
            }
            else
            {
                await AuditChain.AppendLockedAsync(db, events, (c, ct) => ((TillitDbContext)c).SaveAuditOnlyAsync(ct), CancellationToken.None);
            }

            await transaction.CommitAsync();
            if ((done / batch) % 25 == 0)
            {
                Console.WriteLine($"{done + events.Count} events, {watch.Elapsed.TotalSeconds:F0} s");
            }
        }

        Console.WriteLine($"Appended {total} events in {watch.Elapsed.TotalSeconds:F0} s.");
        return 0;
    }

    private static async Task CopyAsync(Npgsql.NpgsqlConnection connection, List<AuditEvent> events)
    {
        await using var import = await connection.BeginBinaryImportAsync(
            "COPY \"AuditEvents\" (\"Sequence\", \"TimeUtc\", \"OrganisationId\", \"ActorKind\", \"ActorPersonId\", \"ActorTokenId\", \"ActorName\", " +
            "\"ClientAddress\", \"Action\", \"RecordType\", \"RecordId\", \"Data\", \"PreviousHash\", \"Hash\") FROM STDIN (FORMAT BINARY)");
        foreach (var e in events)
        {
            await import.StartRowAsync();
            await import.WriteAsync(e.Sequence, NpgsqlTypes.NpgsqlDbType.Bigint);
            await import.WriteAsync(e.TimeUtc, NpgsqlTypes.NpgsqlDbType.TimestampTz);
            await WriteAsync(import, e.OrganisationId);
            await import.WriteAsync((int)e.ActorKind, NpgsqlTypes.NpgsqlDbType.Integer);
            await WriteAsync(import, e.ActorPersonId);
            await WriteAsync(import, e.ActorTokenId);
            foreach (var text in new[] { e.ActorName, e.ClientAddress, e.Action, e.RecordType, e.RecordId, e.Data, e.PreviousHash, e.Hash })
            {
                if (text is null)
                {
                    await import.WriteNullAsync();
                }
                else
                {
                    await import.WriteAsync(text, NpgsqlTypes.NpgsqlDbType.Varchar);
                }
            }
        }

        await import.CompleteAsync();
    }

    private static async Task WriteAsync(Npgsql.NpgsqlBinaryImporter import, Guid? id)
    {
        if (id is { } value)
        {
            await import.WriteAsync(value, NpgsqlTypes.NpgsqlDbType.Uuid);
        }
        else
        {
            await import.WriteNullAsync();
        }
    }

    /// <summary>
    /// Appends --count events from --tasks concurrent writers, half as record changes (through
    /// SaveChanges) and half as durable reads (through the batching writer). Used by the tests that
    /// run two processes against one database, and to fill a trail for the benchmark.
    /// </summary>
    private static async Task<int> StressAsync(WebApplication app, Args args)
    {
        var count = args.Optional("count") is { } c && int.TryParse(c, out var n) ? n : 1000;
        var tasks = args.Optional("tasks") is { } t && int.TryParse(t, out var m) ? m : 8;
        {
            var services = app.Services;
            var organisation = await OrganisationForStressAsync(services);
            var per = Math.Max(1, count / tasks);
            await Parallel.ForEachAsync(Enumerable.Range(0, tasks), async (worker, ct) =>
            {
                for (var i = 0; i < per; i++)
                {
                    await using var scope = services.CreateAsyncScope();
                    scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organisation);
                    if (i % 2 == 0)
                    {
                        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
                        db.Units.Add(new Domain.Organisations.Unit(organisation, $"Stress {Environment.ProcessId}-{worker}-{i}", Domain.Organisations.UnitKind.Section, null));
                        await db.SaveChangesAsync(ct);
                    }
                    else
                    {
                        await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordReadAsync(AuditTrail.Protected.Person, Guid.NewGuid());
                    }
                }
            });
            Console.WriteLine($"Appended {per * tasks} events from {tasks} writers.");
            return 0;
        }
    }

    private static async Task<Guid> OrganisationForStressAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
        var existing = await db.Organisations.Where(o => o.Code == "stress").Select(o => (Guid?)o.Id).FirstOrDefaultAsync();
        if (existing is { } id)
        {
            return id;
        }

        var organisation = new Domain.Organisations.Organisation("Stress", "stress");
        db.Organisations.Add(organisation);
        try
        {
            await db.SaveChangesAsync();
            return organisation.Id;
        }
        catch (DbUpdateException)
        {
            // The other process made it first.
            await using var again = services.CreateAsyncScope();
            var db2 = again.ServiceProvider.GetRequiredService<TillitDbContext>();
            return await db2.Organisations.Where(o => o.Code == "stress").Select(o => o.Id).FirstAsync();
        }
    }

    /// <summary>
    /// Exit 0 when the chain is intact, 1 naming the first bad event otherwise. --public-key FILE checks
    /// the signatures with an auditor's copy of the key; --state also compares the tables with the trail.
    /// </summary>
    private static async Task<int> VerifyAsync(WebApplication app, Args args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        using var key = ECDsa.Create();
        if (args.Optional("public-key") is { } file)
        {
            key.ImportFromPem(await File.ReadAllTextAsync(file));
        }
        else
        {
            key.ImportFromPem(services.GetRequiredService<AuditSigner>().PublicKeyPem);
        }

        var result = await services.GetRequiredService<AuditVerifier>().VerifyAsync(key, CancellationToken.None);
        var raw = AuditVerifier.RawSha256EventsPerSecond(result);
        var hashing = AuditSha256.Direct ? "OpenSSL SHA256()" : "SHA256.HashData";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Events} events in {result.Elapsed.TotalSeconds:F2} s: {result.EventsPerSecond:F0} events/s; raw SHA-256 of the same bytes ({hashing}, one core): {raw:F0} events/s; ratio {result.EventsPerSecond / Math.Max(raw, 1):F2}; {result.CanonicalBytes / (double)Math.Max(1, result.Events):F0} bytes per event, {Environment.ProcessorCount} cores"));
        if (!result.Intact)
        {
            foreach (var p in result.Problems)
            {
                await Console.Error.WriteLineAsync("TAMPERED: " + p.What);
            }

            return 1;
        }

        if (args.Flag("state"))
        {
            var problems = await services.GetRequiredService<AuditStateVerifier>().VerifyAsync(100, CancellationToken.None);
            if (problems.Count > 0)
            {
                foreach (var p in problems)
                {
                    await Console.Error.WriteLineAsync("CHANGED OUTSIDE TILLIT: " + p.What);
                }

                return 1;
            }

            Console.WriteLine("Every audited row matches the trail.");
        }

        Console.WriteLine("The audit trail is intact.");
        return 0;
    }

    private static async Task<int> CheckpointAsync(WebApplication app, Args args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
        var head = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync();
        if (head is null)
        {
            throw new CliException("the trail is empty");
        }

        var checkpoint = await app.Services.GetRequiredService<AuditCheckpointer>().CreateAsync(db, head.Sequence, head.Hash, AuditCheckpointKinds.Checkpoint, CancellationToken.None);
        Console.WriteLine(checkpoint is null ? $"A checkpoint at event {head.Sequence} already exists." : $"Signed checkpoint at event {head.Sequence}.");
        return 0;
    }

    private static Task<int> PublicKeyAsync(WebApplication app, Args args)
    {
        Console.WriteLine(app.Services.GetRequiredService<AuditSigner>().PublicKeyPem);
        return Task.FromResult(0);
    }

    /// <summary>
    /// Gallring: removes events older than the retention (--years N, default Audit:RetentionYears).
    /// First signs a disposal checkpoint at the last removed event, so the chain that remains starts
    /// from a signed hash and still verifies; the disposal itself is an event in the trail.
    /// </summary>
    private static async Task<int> DisposeAsync(WebApplication app, Args args)
    {
        var options = app.Services.GetRequiredService<IOptions<AuditOptions>>().Value;
        var years = args.Optional("years") is { } y && int.TryParse(y, out var n) ? n : options.RetentionYears;
        if (years < 1)
        {
            throw new CliException("--years must be at least 1");
        }

        var clock = app.Services.GetRequiredService<TimeProvider>();
        var before = clock.GetUtcNow().UtcDateTime.AddYears(-years);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
        var cut = await db.AuditEvents.AsNoTracking().Where(e => e.TimeUtc < before).OrderByDescending(e => e.Sequence).FirstOrDefaultAsync();
        if (cut is null)
        {
            Console.WriteLine($"No events older than {years} years.");
            return 0;
        }

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await AuditChain.LockAsync(db, CancellationToken.None);
            await app.Services.GetRequiredService<AuditCheckpointer>().CreateAsync(db, cut.Sequence, cut.Hash, AuditCheckpointKinds.Disposal, CancellationToken.None);
            var removed = await db.AuditEvents.Where(e => e.Sequence <= cut.Sequence).ExecuteDeleteAsync();
            await AuditChain.AppendLockedAsync(
                db,
                [new AuditEvent
                {
                    TimeUtc = clock.GetUtcNow().UtcDateTime,
                    ActorKind = AuditActorKind.System,
                    ActorName = "tillit audit dispose",
                    Action = AuditActions.Disposal,
                    Data = System.Text.Json.JsonSerializer.Serialize(new { throughSequence = cut.Sequence, removed, olderThanYears = years }),
                }],
                (c, ct) => ((TillitDbContext)c).SaveAuditOnlyAsync(ct),
                CancellationToken.None);
            await transaction.CommitAsync();
            Console.WriteLine($"Removed {removed} events up to event {cut.Sequence}; a signed disposal checkpoint keeps the chain verifiable.");
        }

        return 0;
    }
}
