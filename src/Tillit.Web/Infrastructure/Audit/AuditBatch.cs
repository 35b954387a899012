using Tillit.Data.Audit;

namespace Tillit.Web.Infrastructure.Audit;

/// <summary>
/// A run of consecutive events as the verifier needs them, rebuilt from the stored column bytes:
/// each event's canonical content (back to back in one buffer), its sequence, its stored previous
/// hash and hash (the hex text as stored). Reused from batch to batch; nothing is allocated per event.
/// </summary>
internal sealed class AuditBatch(int capacity)
{
    /// <summary>Room for a stored hash; a longer value is cut to this and marked as too long.</summary>
    public const int HashSlot = 64;

    public int Capacity { get; } = capacity;

    public AuditCanonicalWriter Canonical { get; } = new(capacity * 256);

    public int Count { get; private set; }

    /// <summary>Position in the trail (0-based) of the batch's first event.</summary>
    public long FirstIndex { get; set; }

    private readonly int[] _ends = new int[capacity];
    private readonly long[] _sequences = new long[capacity];
    private readonly byte[] _previous = new byte[capacity * HashSlot];
    private readonly byte[] _hashes = new byte[capacity * HashSlot];
    private readonly int[] _previousLengths = new int[capacity];
    private readonly int[] _hashLengths = new int[capacity];
    private readonly bool[] _malformed = new bool[capacity];

    public bool Full => Count == Capacity;

    public void Clear()
    {
        Count = 0;
        Canonical.Clear();
    }

    /// <summary>Ends the event whose fields were just written to <see cref="Canonical"/>.</summary>
    public void Add(long sequence, ReadOnlySpan<byte> previousHash, ReadOnlySpan<byte> hash, bool malformed)
    {
        _ends[Count] = Canonical.Length;
        _sequences[Count] = sequence;
        _previousLengths[Count] = Store(previousHash, _previous.AsSpan(Count * HashSlot, HashSlot));
        _hashLengths[Count] = Store(hash, _hashes.AsSpan(Count * HashSlot, HashSlot));
        _malformed[Count] = malformed;
        Count++;
    }

    /// <summary>Drops the events after the first <paramref name="count"/> (the verifier stops at the first problem).</summary>
    public void Truncate(int count) => Count = Math.Min(Count, count);

    public long Sequence(int i) => _sequences[i];

    public ReadOnlySpan<byte> Content(int i) => Canonical.Buffer.AsSpan(i == 0 ? 0 : _ends[i - 1], _ends[i] - (i == 0 ? 0 : _ends[i - 1]));

    /// <summary>Where the event's canonical content ends in <see cref="Canonical"/>.</summary>
    public int End(int i) => _ends[i];

    public int ContentLength(int i) => _ends[i] - (i == 0 ? 0 : _ends[i - 1]);

    /// <summary>The stored previous hash; null when longer than any hash (so it matches nothing).</summary>
    public ReadOnlySpan<byte> PreviousHash(int i) => _previous.AsSpan(i * HashSlot, Math.Min(_previousLengths[i], HashSlot));

    public bool PreviousHashTooLong(int i) => _previousLengths[i] > HashSlot;

    public ReadOnlySpan<byte> Hash(int i) => _hashes.AsSpan(i * HashSlot, Math.Min(_hashLengths[i], HashSlot));

    public bool HashTooLong(int i) => _hashLengths[i] > HashSlot;

    /// <summary>A stored field could not be read as its type (a text time that is no time, say): the event was edited.</summary>
    public bool Malformed(int i) => _malformed[i];

    private static int Store(ReadOnlySpan<byte> value, Span<byte> slot)
    {
        value[..Math.Min(value.Length, HashSlot)].CopyTo(slot);
        return value.Length;
    }
}

/// <summary>Reads the trail in sequence order, filling batches straight from the database's bytes.</summary>
internal interface IAuditRowSource : IDisposable
{
    /// <summary>Fills the batch until it is full or the trail ends; false when the trail has ended.</summary>
    bool Fill(AuditBatch batch);
}
