using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tillit.Data;
using Tillit.Data.Audit;

namespace Tillit.Web.Infrastructure.Audit;

public sealed record AuditProblem(long? Sequence, string What);

public sealed record AuditVerification(long Events, TimeSpan Elapsed, long CanonicalBytes, IReadOnlyList<AuditProblem> Problems)
{
    public bool Intact => Problems.Count == 0;

    public double EventsPerSecond => Events / Math.Max(Elapsed.TotalSeconds, 1e-9);

    /// <summary>The canonical content of the first events read, for <see cref="AuditVerifier.RawSha256EventsPerSecond"/>.</summary>
    internal (byte[] Bytes, int[] Ends) Sample { get; init; } = ([], []);
}

/// <summary>
/// Checks the chain: every event's hash matches its content, sequences run without gaps, every
/// event names its predecessor's hash, every checkpoint is signed by the key and matches the chain,
/// and the chain reaches the last checkpoint (no missing tail).
/// <para>
/// Built for millions of events: one reader streams the rows in sequence order straight from the
/// database's bytes into reusable batches (<see cref="IAuditRowSource"/>), rebuilds each event's
/// canonical content and checks the links, sequences and checkpoints as it goes; hashers on the other
/// cores take the batches from a bounded channel and compare each event's SHA-256 with its stored
/// hash. Nothing is allocated per event. The first problem in sequence order is reported.
/// </para>
/// </summary>
public sealed class AuditVerifier(TillitDbContext db)
{
    private const int BatchSize = 8192;
    private const int SampleEvents = 65_536;

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
        var signed = checkpoints.Where(c => c.Kind == AuditCheckpointKinds.Checkpoint).ToDictionary(c => c.Sequence, c => System.Text.Encoding.UTF8.GetBytes(c.Hash));
        var chain = new ChainCheck((cut?.Sequence ?? 0) + 1, cut?.Hash ?? AuditHasher.GenesisHash, signed);

        await db.Database.OpenConnectionAsync(cancellationToken);
        VerificationRun run;
        try
        {
            using var source = CreateSource();
            run = new VerificationRun(source, chain);
            await run.ExecuteAsync(Math.Max(1, Environment.ProcessorCount), cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        if (problems.Count == 0 && run.FirstProblem is { } first)
        {
            problems.Add(first);
        }

        var lastCheckpoint = checkpoints.LastOrDefault();
        if (problems.Count == 0 && lastCheckpoint is not null && lastCheckpoint.Sequence > chain.LastSequence)
        {
            problems.Add(new AuditProblem(chain.LastSequence + 1, $"the trail ends at event {chain.LastSequence} but a checkpoint was signed at event {lastCheckpoint.Sequence} (the tail is missing)"));
        }

        return new AuditVerification(run.Events, watch.Elapsed, run.Bytes, problems) { Sample = run.Sample() };
    }

    /// <summary>
    /// The raw SHA-256 rate over the same canonical bytes (the events first read, hashed over and
    /// over until as many events were hashed as were verified), one core, same hash function.
    /// </summary>
    public static double RawSha256EventsPerSecond(AuditVerification verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        var (bytes, ends) = verification.Sample;
        if (ends.Length == 0)
        {
            return 0;
        }

        Span<byte> hash = stackalloc byte[AuditSha256.HashSize];
        var watch = Stopwatch.StartNew();
        long hashed = 0;
        do
        {
            var start = 0;
            foreach (var end in ends)
            {
                AuditSha256.Hash(bytes.AsSpan(start, end - start), hash);
                start = end;
            }

            hashed += ends.Length;
        }
        while (hashed < verification.Events);

        return hashed / Math.Max(watch.Elapsed.TotalSeconds, 1e-9);
    }

    private IAuditRowSource CreateSource() => db.Database.GetDbConnection() switch
    {
        SqliteConnection sqlite => new SqliteAuditRowSource(sqlite),
        NpgsqlConnection postgres => new PostgresAuditRowSource(postgres),
        var other => throw new NotSupportedException($"No audit row source for {other.GetType().Name}."),
    };

    /// <summary>The checks made in sequence order on the stored values: sequence, link, signed checkpoint.</summary>
    private sealed class ChainCheck(long firstSequence, string firstPrevious, Dictionary<long, byte[]> signed)
    {
        private readonly byte[] _previous = System.Text.Encoding.UTF8.GetBytes(firstPrevious);
        private readonly byte[] _last = new byte[AuditBatch.HashSlot];
        private int _lastLength = -1;
        private bool _lastTooLong;
        private long _expected = firstSequence;

        public long LastSequence { get; private set; } = firstSequence - 1;

        /// <summary>Checks the batch's events; at the first problem, returns it with the event's position in the batch.</summary>
        public (int Row, int Rank, AuditProblem Problem)? Check(AuditBatch batch)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var sequence = batch.Sequence(i);
                AuditProblem? problem = null;
                var rank = 0;
                if (sequence != _expected)
                {
                    problem = new AuditProblem(sequence, sequence > _expected
                        ? $"events {_expected}–{sequence - 1} are missing (deleted)"
                        : $"event {sequence} is out of order or inserted (expected {_expected})");
                }
                else if (batch.PreviousHashTooLong(i) || !Links(batch.PreviousHash(i)))
                {
                    (rank, problem) = (1, new AuditProblem(sequence, $"event {sequence} does not link to the event before it (inserted, deleted or reordered)"));
                }
                else if (signed.TryGetValue(sequence, out var signedHash) && (batch.HashTooLong(i) || !batch.Hash(i).SequenceEqual(signedHash)))
                {
                    (rank, problem) = (3, new AuditProblem(sequence, $"event {sequence} differs from the signed checkpoint (the chain was rewritten after it)"));
                }

                LastSequence = sequence;
                _expected = sequence + 1;
                var hash = batch.Hash(i);
                hash.CopyTo(_last);
                _lastLength = hash.Length;
                _lastTooLong = batch.HashTooLong(i);
                if (problem is not null)
                {
                    return (i, rank, problem);
                }
            }

            return null;
        }

        private bool Links(ReadOnlySpan<byte> previousHash) => _lastLength < 0
            ? previousHash.SequenceEqual(_previous)
            : !_lastTooLong && previousHash.SequenceEqual(_last.AsSpan(0, _lastLength));
    }

    /// <summary>One reader, several hashers, batches passed through bounded channels and reused.</summary>
    private sealed class VerificationRun(IAuditRowSource source, ChainCheck chain)
    {
        private const int ContentRank = 2;
        private static readonly byte[] HexDigits = "0123456789abcdef"u8.ToArray();

        private readonly Lock _lock = new();
        private readonly List<(byte[] Bytes, int[] Ends, int Count)> _sample = [];
        private long _contentProblemIndex = long.MaxValue;
        private AuditProblem? _contentProblem;
        private (long Index, int Rank, AuditProblem Problem)? _chainProblem;
        private long _bytes;
        private long _read;

        public long Events => FirstProblemIndex is { } index ? index + 1 : _read;

        public long Bytes => Interlocked.Read(ref _bytes);

        public AuditProblem? FirstProblem => FirstProblemAndIndex()?.Problem;

        private long? FirstProblemIndex => FirstProblemAndIndex()?.Index;

        public async Task ExecuteAsync(int hashers, CancellationToken cancellationToken)
        {
            var batches = hashers + 4;
            var free = Channel.CreateBounded<AuditBatch>(batches);
            var full = Channel.CreateBounded<AuditBatch>(new BoundedChannelOptions(batches) { SingleWriter = true });
            for (var i = 0; i < batches; i++)
            {
                free.Writer.TryWrite(new AuditBatch(BatchSize));
            }

            var reader = Task.Run(() => ReadAsync(free.Reader, full.Writer, cancellationToken), cancellationToken);
            var workers = Enumerable.Range(0, hashers).Select(_ => Task.Run(() => HashAsync(full.Reader, free.Writer, cancellationToken), cancellationToken)).ToList();
            try
            {
                await reader;
            }
            finally
            {
                full.Writer.TryComplete();
                await Task.WhenAll(workers);
            }
        }

        public (byte[] Bytes, int[] Ends) Sample()
        {
            var bytes = new List<byte>();
            var ends = new List<int>();
            foreach (var (b, e, count) in _sample)
            {
                var offset = bytes.Count;
                bytes.AddRange(b);
                ends.AddRange(e.Take(count).Select(end => offset + end));
            }

            return ([.. bytes], [.. ends]);
        }

        private (long Index, AuditProblem Problem)? FirstProblemAndIndex()
        {
            var content = _contentProblem is null ? ((long Index, int Rank, AuditProblem Problem)?)null : (_contentProblemIndex, ContentRank, _contentProblem);
            var first = _chainProblem;
            if (content is { } h && (first is not { } c || (h.Index, h.Rank).CompareTo((c.Index, c.Rank)) < 0))
            {
                first = h;
            }

            return first is { } f ? (f.Index, f.Problem) : null;
        }

        private async Task ReadAsync(ChannelReader<AuditBatch> free, ChannelWriter<AuditBatch> full, CancellationToken cancellationToken)
        {
            try
            {
                long index = 0;
                var more = true;
                while (more && index <= Interlocked.Read(ref _contentProblemIndex))
                {
                    var batch = await free.ReadAsync(cancellationToken);
                    batch.Clear();
                    batch.FirstIndex = index;
                    more = source.Fill(batch);
                    if (chain.Check(batch) is { } problem)
                    {
                        batch.Truncate(problem.Row + 1);
                        _chainProblem = (index + problem.Row, problem.Rank, problem.Problem);
                        more = false;
                    }

                    if (_sample.Sum(s => s.Count) < SampleEvents && batch.Count > 0)
                    {
                        _sample.Add((batch.Canonical.Written.ToArray(), Enumerable.Range(0, batch.Count).Select(batch.End).ToArray(), batch.Count));
                    }

                    index += batch.Count;
                    _read = index;
                    await full.WriteAsync(batch, cancellationToken);
                }
            }
            finally
            {
                full.TryComplete();
            }
        }

        private async Task HashAsync(ChannelReader<AuditBatch> full, ChannelWriter<AuditBatch> free, CancellationToken cancellationToken)
        {
            await foreach (var batch in full.ReadAllAsync(cancellationToken))
            {
                var (bytes, mismatch) = HashBatch(batch, Interlocked.Read(ref _contentProblemIndex));
                Interlocked.Add(ref _bytes, bytes);
                if (mismatch >= 0)
                {
                    lock (_lock)
                    {
                        if (batch.FirstIndex + mismatch < _contentProblemIndex)
                        {
                            _contentProblem = new AuditProblem(batch.Sequence(mismatch), $"event {batch.Sequence(mismatch)} does not match its hash (its content was edited)");
                            Interlocked.Exchange(ref _contentProblemIndex, batch.FirstIndex + mismatch);
                        }
                    }
                }

                await free.WriteAsync(batch, cancellationToken);
            }
        }

        /// <summary>Hashes each event's content and compares it with the stored hash; the first row that differs, or -1.</summary>
        private static (long Bytes, int Mismatch) HashBatch(AuditBatch batch, long stopAt)
        {
            Span<byte> hash = stackalloc byte[AuditSha256.HashSize];
            Span<byte> hex = stackalloc byte[AuditSha256.HashSize * 2];
            long bytes = 0;
            for (var i = 0; i < batch.Count && batch.FirstIndex + i < stopAt; i++)
            {
                var content = batch.Content(i);
                bytes += content.Length;
                if (batch.Malformed(i) || batch.HashTooLong(i))
                {
                    return (bytes, i);
                }

                AuditSha256.Hash(content, hash);
                for (var b = 0; b < hash.Length; b++)
                {
                    hex[2 * b] = HexDigits[hash[b] >> 4];
                    hex[(2 * b) + 1] = HexDigits[hash[b] & 0xF];
                }

                if (!hex.SequenceEqual(batch.Hash(i)))
                {
                    return (bytes, i);
                }
            }

            return (bytes, -1);
        }
    }
}
