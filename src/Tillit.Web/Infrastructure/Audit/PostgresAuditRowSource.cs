using System.Buffers.Binary;
using Npgsql;
using Tillit.Data.Audit;

namespace Tillit.Web.Infrastructure.Audit;

/// <summary>
/// The trail on PostgreSQL, streamed with COPY … TO STDOUT (FORMAT BINARY) and parsed here: each
/// field arrives as its binary value (bigint, microseconds since 2000, 16-byte uuid, UTF-8 text), so
/// nothing is converted into .NET objects on the way to the hash.
/// </summary>
internal sealed class PostgresAuditRowSource : IAuditRowSource
{
    private const int Columns = 14;
    private static readonly long Epoch2000 = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];

    private readonly NpgsqlRawCopyStream _stream;
    private byte[] _buffer = new byte[1 << 20];
    private int _start;
    private int _end;
    private bool _headerRead;
    private bool _done;

    public PostgresAuditRowSource(NpgsqlConnection connection)
    {
        _stream = connection.BeginRawBinaryCopy($"COPY ({AuditRowSources.Select}) TO STDOUT (FORMAT BINARY)");
    }

    public bool Fill(AuditBatch batch)
    {
        if (!_headerRead)
        {
            ReadHeader();
        }

        var w = batch.Canonical;
        Span<int> offsets = stackalloc int[Columns];
        Span<int> lengths = stackalloc int[Columns];
        while (!_done && !batch.Full)
        {
            var size = TupleSize(offsets, lengths);
            if (size == 0)
            {
                if (!More())
                {
                    throw new InvalidDataException("The COPY stream of the audit trail ended in the middle of an event.");
                }

                continue;
            }

            if (size < 0)
            {
                _done = true;
                break;
            }

            var row = _buffer.AsSpan(_start, size);
            var ok = lengths[0] == 8 && lengths[1] == 8 && lengths[3] == 4;
            var sequence = ok ? BinaryPrimitives.ReadInt64BigEndian(row[offsets[0]..]) : 0;
            w.Number(sequence);
            var micros = lengths[1] == 8 ? BinaryPrimitives.ReadInt64BigEndian(row[offsets[1]..]) : 0;
            var ticks = Epoch2000 + (micros * TimeSpan.TicksPerMicrosecond);
            ok &= micros > (DateTime.MinValue.Ticks - Epoch2000) / TimeSpan.TicksPerMicrosecond && micros < (DateTime.MaxValue.Ticks - Epoch2000) / TimeSpan.TicksPerMicrosecond;
            w.Time(ok ? ticks : 0);
            ok &= Id(w, row, offsets[2], lengths[2]);
            w.Number(lengths[3] == 4 ? BinaryPrimitives.ReadInt32BigEndian(row[offsets[3]..]) : 0);
            ok &= Id(w, row, offsets[4], lengths[4]);
            ok &= Id(w, row, offsets[5], lengths[5]);
            for (var column = 6; column <= 12; column++)
            {
                if (lengths[column] < 0)
                {
                    w.Null();
                }
                else
                {
                    w.Text(row.Slice(offsets[column], lengths[column]));
                }
            }

            batch.Add(sequence, Field(row, offsets[12], lengths[12]), Field(row, offsets[13], lengths[13]), !ok);
            _start += size;
        }

        return !_done;
    }

    public void Dispose()
    {
        if (!_done)
        {
            try
            {
                _stream.Cancel();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.QueryCanceled)
            {
                // Stopped at the first problem; the rest of the trail is not needed.
            }
        }

        _stream.Dispose();
    }

    private static ReadOnlySpan<byte> Field(ReadOnlySpan<byte> row, int offset, int length) => length < 0 ? default : row.Slice(offset, length);

    private static bool Id(AuditCanonicalWriter w, ReadOnlySpan<byte> row, int offset, int length)
    {
        if (length < 0)
        {
            w.Id(null);
            return true;
        }

        if (length != 16)
        {
            w.Id(Guid.Empty);
            return false;
        }

        w.Id(new Guid(row.Slice(offset, 16), bigEndian: true));
        return true;
    }

    /// <summary>
    /// The size of the tuple at the buffer's start, with each field's offset and length (-1 for
    /// null) relative to it; 0 when the buffer does not hold all of it yet; -1 at the trailer.
    /// </summary>
    private int TupleSize(Span<int> offsets, Span<int> lengths)
    {
        var available = _buffer.AsSpan(_start, _end - _start);
        if (available.Length < 2)
        {
            return 0;
        }

        var fields = BinaryPrimitives.ReadInt16BigEndian(available);
        if (fields == -1)
        {
            return -1;
        }

        if (fields != Columns)
        {
            throw new InvalidDataException($"The COPY stream of the audit trail has {fields} fields in a row, not {Columns}.");
        }

        var position = 2;
        for (var i = 0; i < Columns; i++)
        {
            if (available.Length < position + 4)
            {
                return 0;
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(available[position..]);
            position += 4;
            offsets[i] = position;
            lengths[i] = length;
            if (length > 0)
            {
                position += length;
            }
        }

        return available.Length < position ? 0 : position;
    }

    private void ReadHeader()
    {
        while (_end - _start < 19)
        {
            if (!More())
            {
                throw new InvalidDataException("The COPY stream of the audit trail has no header.");
            }
        }

        var header = _buffer.AsSpan(_start);
        if (!header[..11].SequenceEqual(Signature))
        {
            throw new InvalidDataException("The COPY stream of the audit trail does not start with PGCOPY.");
        }

        var extension = BinaryPrimitives.ReadInt32BigEndian(header[15..]);
        _start += 19 + extension;
        _headerRead = true;
    }

    /// <summary>Reads more of the stream behind what is buffered, growing the buffer for a very large event.</summary>
    private bool More()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        return read > 0;
    }
}

internal static class AuditRowSources
{
    /// <summary>The columns in canonical order, then the stored hash.</summary>
    public const string Select =
        "SELECT \"Sequence\", \"TimeUtc\", \"OrganisationId\", \"ActorKind\", \"ActorPersonId\", \"ActorTokenId\", \"ActorName\", " +
        "\"ClientAddress\", \"Action\", \"RecordType\", \"RecordId\", \"Data\", \"PreviousHash\", \"Hash\" FROM \"AuditEvents\" ORDER BY \"Sequence\"";
}
