using System.Buffers.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Tillit.Data.Audit;

namespace Tillit.Web.Infrastructure.Audit;

/// <summary>
/// The trail on SQLite, read through SQLite's own API on the open connection: each column's bytes
/// are a span into SQLite's row, so texts are never decoded into strings. Times are stored as text
/// (yyyy-MM-dd HH:mm:ss.FFFFFFF) and Guids as text; both are parsed from the bytes.
/// </summary>
internal sealed class SqliteAuditRowSource : IAuditRowSource
{
    private const long MapBytes = 1L << 40;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private bool _done;

    public SqliteAuditRowSource(SqliteConnection connection)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");

        // Read the file through a memory map rather than a read() per page: the trail is gigabytes.
        // Set back in Dispose, as the connection returns to the pool.
        Execute(_db, "PRAGMA mmap_size=" + MapBytes);
        var rc = raw.sqlite3_prepare_v2(_db, AuditRowSources.Select, out _statement);
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
        }
    }

    public bool Fill(AuditBatch batch)
    {
        var s = _statement;
        var w = batch.Canonical;
        while (!_done && !batch.Full)
        {
            var rc = raw.sqlite3_step(s);
            if (rc == raw.SQLITE_DONE)
            {
                _done = true;
                break;
            }

            if (rc != raw.SQLITE_ROW)
            {
                throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
            }

            var sequence = raw.sqlite3_column_int64(s, 0);
            w.Number(sequence);
            var ok = TryParseTime(raw.sqlite3_column_blob(s, 1), out var ticks);
            w.Time(ticks);
            ok &= Id(w, s, 2);
            ok &= raw.sqlite3_column_type(s, 3) == raw.SQLITE_INTEGER;
            w.Number(raw.sqlite3_column_int64(s, 3));
            ok &= Id(w, s, 4);
            ok &= Id(w, s, 5);
            for (var column = 6; column <= 12; column++)
            {
                if (raw.sqlite3_column_type(s, column) == raw.SQLITE_NULL)
                {
                    w.Null();
                }
                else
                {
                    w.Text(raw.sqlite3_column_blob(s, column));
                }
            }

            batch.Add(sequence, raw.sqlite3_column_blob(s, 12), raw.sqlite3_column_blob(s, 13), !ok);
        }

        return !_done;
    }

    public void Dispose()
    {
        _statement.Dispose();
        Execute(_db, "PRAGMA mmap_size=0");
    }

    private static void Execute(sqlite3 db, string sql)
    {
        var rc = raw.sqlite3_exec(db, sql);
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
        }
    }

    private static bool Id(AuditCanonicalWriter w, sqlite3_stmt s, int column)
    {
        if (raw.sqlite3_column_type(s, column) == raw.SQLITE_NULL)
        {
            w.Id(null);
            return true;
        }

        var text = raw.sqlite3_column_blob(s, column);
        var ok = Utf8Parser.TryParse(text, out Guid id, out var consumed, 'D') && consumed == text.Length;
        w.Id(id);
        return ok;
    }

    /// <summary>EF Core's SQLite form of a DateTime, "yyyy-MM-dd HH:mm:ss" and an optional fraction of 1–7 digits.</summary>
    internal static bool TryParseTime(ReadOnlySpan<byte> text, out long ticks)
    {
        ticks = 0;
        if (text.Length < 19 || text[4] != '-' || text[7] != '-' || (text[10] != ' ' && text[10] != 'T') || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        if (!Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)
            || !Digits(text.Slice(11, 2), out var hour) || !Digits(text.Slice(14, 2), out var minute) || !Digits(text.Slice(17, 2), out var second)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var fraction = 0;
        if (text.Length > 19)
        {
            var digits = text[20..];
            if (text[19] != '.' || digits.Length is < 1 or > 7 || !Digits(digits, out fraction))
            {
                return false;
            }

            for (var i = digits.Length; i < 7; i++)
            {
                fraction *= 10;
            }
        }

        ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fraction;

        // Tillit stores whole microseconds; a finer time was written by someone else.
        return fraction % TimeSpan.TicksPerMicrosecond == 0;
    }

    private static bool Digits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
