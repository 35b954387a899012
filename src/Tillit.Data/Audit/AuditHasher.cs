using System.Globalization;
using System.Text;

namespace Tillit.Data.Audit;

/// <summary>
/// The canonical form of an event and its hash. Fields are written in a fixed order as UTF-8, each
/// followed by a unit separator (0x1F), so no field can bleed into the next; null is a lone 0x1E;
/// the previous hash is part of it. <see cref="AuditCanonicalWriter"/> writes it, both when an event
/// is appended and when `tillit audit verify` rebuilds it from the stored column bytes.
/// </summary>
public static class AuditHasher
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);

    /// <summary>The canonical content as text (for reading and for tests; the hash is over its UTF-8 bytes).</summary>
    public static string Canonical(AuditEvent e)
    {
        var writer = new AuditCanonicalWriter(256);
        writer.Event(e);
        return Encoding.UTF8.GetString(writer.Written);
    }

    public static string Compute(AuditEvent e)
    {
        var writer = new AuditCanonicalWriter(256);
        writer.Event(e);
        Span<byte> hash = stackalloc byte[AuditSha256.HashSize];
        AuditSha256.Hash(writer.Written, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The bytes a checkpoint signs.</summary>
    public static byte[] CheckpointPayload(AuditCheckpoint c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Encoding.UTF8.GetBytes(string.Join(
            '\u001f',
            "tillit-audit-checkpoint-v1",
            c.Kind,
            c.Sequence.ToString(CultureInfo.InvariantCulture),
            c.Hash,
            c.TimeUtc.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture)));
    }
}
