using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tillit.Data.Audit;

/// <summary>
/// The canonical form of an event and its hash. Fields are written in a fixed order, each followed
/// by a unit separator (0x1F), so no field can bleed into the next; the previous hash is part of it.
/// </summary>
public static class AuditHasher
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);

    public static string Canonical(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var sb = new StringBuilder(256);
        Append(sb, e.Sequence.ToString(CultureInfo.InvariantCulture));
        Append(sb, e.TimeUtc.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture));
        Append(sb, e.OrganisationId?.ToString("N"));
        Append(sb, ((int)e.ActorKind).ToString(CultureInfo.InvariantCulture));
        Append(sb, e.ActorPersonId?.ToString("N"));
        Append(sb, e.ActorTokenId?.ToString("N"));
        Append(sb, e.ActorName);
        Append(sb, e.ClientAddress);
        Append(sb, e.Action);
        Append(sb, e.RecordType);
        Append(sb, e.RecordId);
        Append(sb, e.Data);
        Append(sb, e.PreviousHash);
        return sb.ToString();
    }

    public static string Compute(AuditEvent e)
    {
        var text = Canonical(e);
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            var length = Encoding.UTF8.GetBytes(text, rented);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(rented.AsSpan(0, length), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
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

    private static void Append(StringBuilder sb, string? value)
    {
        // Null and empty differ: null is written as a lone 0x1E.
        if (value is null)
        {
            sb.Append('\u001e');
        }
        else
        {
            sb.Append(value);
        }

        sb.Append('\u001f');
    }
}
