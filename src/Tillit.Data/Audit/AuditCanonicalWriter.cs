using System.Text;

namespace Tillit.Data.Audit;

/// <summary>
/// Writes the canonical content of events as UTF-8, back to back, into one growing buffer: from an
/// <see cref="AuditEvent"/> when appending, and field by field from the stored column bytes when
/// verifying (no strings, no allocation per event). Field order and format are the contract of the
/// hash chain (docs/audit-trail.md): sequence, time (yyyy-MM-ddTHH:mm:ss.ffffffZ), organisation,
/// actor kind, actor person, actor token (Guids as 32 lower-case hex digits), actor name, client
/// address, action, record type, record id, data, previous hash; each field followed by 0x1F, a null
/// field written as a lone 0x1E.
/// </summary>
public sealed class AuditCanonicalWriter(int capacity)
{
    private const byte FieldEnd = 0x1F;
    private const byte NullMark = 0x1E;

    private byte[] _buffer = new byte[Math.Max(capacity, 64)];

    /// <summary>Bytes written so far.</summary>
    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    /// <summary>The whole buffer, for slicing the events written into it (valid until the next write).</summary>
    public byte[] Buffer => _buffer;

    public void Clear() => Length = 0;

    public void Event(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Number(e.Sequence);
        Time(e.TimeUtc.Ticks);
        Id(e.OrganisationId);
        Number((int)e.ActorKind);
        Id(e.ActorPersonId);
        Id(e.ActorTokenId);
        Text(e.ActorName);
        Text(e.ClientAddress);
        Text(e.Action);
        Text(e.RecordType);
        Text(e.RecordId);
        Text(e.Data);
        Text(e.PreviousHash);
    }

    public void Number(long value)
    {
        var span = Reserve(21);
        value.TryFormat(span, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        Length += written;
        End();
    }

    /// <summary>A UTC time given in ticks, to whole microseconds (finer ticks are cut, as at append).</summary>
    public void Time(long ticks)
    {
        var span = Reserve(28);
        var time = new DateTime(ticks, DateTimeKind.Utc);
        time.Deconstruct(out int year, out int month, out int day);
        var ofDay = ticks % TimeSpan.TicksPerDay;
        var seconds = ofDay / TimeSpan.TicksPerSecond;
        var micro = (int)(ofDay % TimeSpan.TicksPerSecond / TimeSpan.TicksPerMicrosecond);
        Digits(span[..4], year);
        span[4] = (byte)'-';
        Digits(span.Slice(5, 2), month);
        span[7] = (byte)'-';
        Digits(span.Slice(8, 2), day);
        span[10] = (byte)'T';
        Digits(span.Slice(11, 2), (int)(seconds / 3600));
        span[13] = (byte)':';
        Digits(span.Slice(14, 2), (int)(seconds / 60 % 60));
        span[16] = (byte)':';
        Digits(span.Slice(17, 2), (int)(seconds % 60));
        span[19] = (byte)'.';
        Digits(span.Slice(20, 6), micro);
        span[26] = (byte)'Z';
        Length += 27;
        End();
    }

    public void Id(Guid? value)
    {
        if (value is not { } id)
        {
            Null();
            return;
        }

        var span = Reserve(33);
        id.TryFormat(span, out var written, "N");
        Length += written;
        End();
    }

    public void Text(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }

        var span = Reserve(Encoding.UTF8.GetMaxByteCount(value.Length) + 1);
        Length += Encoding.UTF8.GetBytes(value, span);
        End();
    }

    /// <summary>A text field from its stored UTF-8 bytes.</summary>
    public void Text(ReadOnlySpan<byte> utf8)
    {
        var span = Reserve(utf8.Length + 1);
        utf8.CopyTo(span);
        Length += utf8.Length;
        End();
    }

    public void Null()
    {
        Reserve(2)[0] = NullMark;
        Length++;
        End();
    }

    private void End() => _buffer[Length++] = FieldEnd;

    private Span<byte> Reserve(int bytes)
    {
        if (Length + bytes > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + bytes));
        }

        return _buffer.AsSpan(Length);
    }

    private static void Digits(Span<byte> span, int value)
    {
        for (var i = span.Length - 1; i >= 0; i--)
        {
            span[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
