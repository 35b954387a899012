using System.Data.Common;
using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Data.Audit;

namespace Tillit.Web.Infrastructure.Audit;

public sealed record AuditProblem(long? Sequence, string What);

public sealed record AuditVerification(long Events, TimeSpan Elapsed, long CanonicalBytes, IReadOnlyList<AuditProblem> Problems)
{
    public bool Intact => Problems.Count == 0;

    public double EventsPerSecond => Events / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>
/// Checks the chain: every event's hash matches its content, sequences run without gaps, every
/// event names its predecessor's hash, every checkpoint is signed by the key and matches the chain,
/// and the chain reaches the last checkpoint (no missing tail). Reads in batches and hashes them
/// on all cores; the links are checked in order.
/// </summary>
public sealed class AuditVerifier(TillitDbContext db)
{
    private const int BatchSize = 20_000;

    public async Task<AuditVerification> VerifyAsync(ECDsa publicKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        var watch = Stopwatch.StartNew();
        var problems = new List<AuditProblem>();
        var checkpoints = await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.Sequence).ToListAsync(cancellationToken);
        foreach (var c in checkpoints.Where(c => !AuditSigner.Verify(c, publicKey)))
        {
            problems.Add(new AuditProblem(c.Sequence, $"the {c.Kind} at event {c.Sequence} is not signed by this key (forged or altered)"));
        }

        var cut = checkpoints.Where(c => c.Kind == AuditCheckpointKinds.Disposal).OrderByDescending(c => c.Sequence).FirstOrDefault();
        var expectedSequence = (cut?.Sequence ?? 0) + 1;
        var expectedPrevious = cut?.Hash ?? AuditHasher.GenesisHash;
        var signed = checkpoints.Where(c => c.Kind == AuditCheckpointKinds.Checkpoint).ToDictionary(c => c.Sequence, c => c.Hash);

        long count = 0;
        long bytes = 0;
        long last = cut?.Sequence ?? 0;
        await foreach (var batch in ReadBatchesAsync(cancellationToken))
        {
            var computed = new string[batch.Count];
            var sizes = new long[batch.Count];
            Parallel.For(0, batch.Count, i =>
            {
                var text = AuditHasher.Canonical(batch[i]);
                sizes[i] = System.Text.Encoding.UTF8.GetByteCount(text);
                computed[i] = AuditHasher.Compute(batch[i]);
            });

            for (var i = 0; i < batch.Count && problems.Count == 0; i++)
            {
                var e = batch[i];
                bytes += sizes[i];
                if (e.Sequence != expectedSequence)
                {
                    problems.Add(new AuditProblem(e.Sequence, e.Sequence > expectedSequence
                        ? $"events {expectedSequence}–{e.Sequence - 1} are missing (deleted)"
                        : $"event {e.Sequence} is out of order or inserted (expected {expectedSequence})"));
                }
                else if (e.PreviousHash != expectedPrevious)
                {
                    problems.Add(new AuditProblem(e.Sequence, $"event {e.Sequence} does not link to the event before it (inserted, deleted or reordered)"));
                }
                else if (computed[i] != e.Hash)
                {
                    problems.Add(new AuditProblem(e.Sequence, $"event {e.Sequence} does not match its hash (its content was edited)"));
                }
                else if (signed.TryGetValue(e.Sequence, out var signedHash) && signedHash != e.Hash)
                {
                    problems.Add(new AuditProblem(e.Sequence, $"event {e.Sequence} differs from the signed checkpoint (the chain was rewritten after it)"));
                }

                expectedSequence = e.Sequence + 1;
                expectedPrevious = e.Hash;
                last = e.Sequence;
                count++;
            }

            if (problems.Count > 0)
            {
                break;
            }
        }

        var lastCheckpoint = checkpoints.LastOrDefault();
        if (problems.Count == 0 && lastCheckpoint is not null && lastCheckpoint.Sequence > last)
        {
            problems.Add(new AuditProblem(last + 1, $"the trail ends at event {last} but a checkpoint was signed at event {lastCheckpoint.Sequence} (the tail is missing)"));
        }

        return new AuditVerification(count, watch.Elapsed, bytes, problems);
    }

    /// <summary>The raw SHA-256 rate over the same canonical bytes, single core, for comparison.</summary>
    public static double RawSha256BytesPerSecond(long bytes)
    {
        var buffer = new byte[300];
        Random.Shared.NextBytes(buffer);
        Span<byte> hash = stackalloc byte[32];
        var watch = Stopwatch.StartNew();
        var n = Math.Max(1, bytes / buffer.Length);
        for (long i = 0; i < n; i++)
        {
            SHA256.HashData(buffer, hash);
        }

        return n * buffer.Length / Math.Max(watch.Elapsed.TotalSeconds, 1e-9);
    }

    private async IAsyncEnumerable<List<AuditEvent>> ReadBatchesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"Sequence\", \"TimeUtc\", \"OrganisationId\", \"ActorKind\", \"ActorPersonId\", \"ActorTokenId\", \"ActorName\", \"ClientAddress\", \"Action\", \"RecordType\", \"RecordId\", \"Data\", \"PreviousHash\", \"Hash\" FROM \"AuditEvents\" ORDER BY \"Sequence\"";
            command.CommandTimeout = 0;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var batch = new List<AuditEvent>(BatchSize);
            while (await reader.ReadAsync(cancellationToken))
            {
                batch.Add(Read(reader));
                if (batch.Count == BatchSize)
                {
                    yield return batch;
                    batch = new List<AuditEvent>(BatchSize);
                }
            }

            if (batch.Count > 0)
            {
                yield return batch;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static AuditEvent Read(DbDataReader r) => new()
    {
        Sequence = r.GetInt64(0),
        TimeUtc = DateTime.SpecifyKind(r.GetDateTime(1), DateTimeKind.Utc),
        OrganisationId = r.IsDBNull(2) ? null : GuidOf(r, 2),
        ActorKind = (AuditActorKind)r.GetInt32(3),
        ActorPersonId = r.IsDBNull(4) ? null : GuidOf(r, 4),
        ActorTokenId = r.IsDBNull(5) ? null : GuidOf(r, 5),
        ActorName = r.IsDBNull(6) ? null : r.GetString(6),
        ClientAddress = r.IsDBNull(7) ? null : r.GetString(7),
        Action = r.GetString(8),
        RecordType = r.IsDBNull(9) ? null : r.GetString(9),
        RecordId = r.IsDBNull(10) ? null : r.GetString(10),
        Data = r.IsDBNull(11) ? null : r.GetString(11),
        PreviousHash = r.GetString(12),
        Hash = r.GetString(13),
    };

    private static Guid GuidOf(DbDataReader r, int i) => r.GetFieldType(i) == typeof(Guid) ? r.GetGuid(i) : Guid.Parse(r.GetString(i));
}
