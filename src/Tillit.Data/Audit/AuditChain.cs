using Microsoft.EntityFrameworkCore;

namespace Tillit.Data.Audit;

/// <summary>
/// Appends events to the chain inside the caller's transaction. The append lock makes head-read,
/// insert and commit one step across threads and processes: on PostgreSQL a transaction-scoped
/// advisory lock; on SQLite the write lock that EF's transactions take at BEGIN (IMMEDIATE).
/// </summary>
public static class AuditChain
{
    /// <summary>An arbitrary constant naming Tillit's audit append lock.</summary>
    public const long AdvisoryLockKey = 0x7117_A0D1;

    public static async Task LockAsync(TillitDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit events are appended inside a transaction.");
        }

        if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        }
    }

    /// <summary>Numbers and hashes the events after the current head and inserts them. Call with the lock held.</summary>
    public static async Task AppendLockedAsync(TillitDbContext db, IReadOnlyList<AuditEvent> events, Func<DbContext, CancellationToken, Task<int>> save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(save);
        if (events.Count == 0)
        {
            return;
        }

        await ChainLockedAsync(db, events, cancellationToken);
        db.AuditEvents.AddRange(events);
        try
        {
            await save(db, cancellationToken);
        }
        finally
        {
            foreach (var e in events)
            {
                db.Entry(e).State = EntityState.Detached;
            }
        }
    }

    /// <summary>Numbers and hashes the events after the current head, without inserting them. Call with the lock held.</summary>
    public static async Task ChainLockedAsync(TillitDbContext db, IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        var head = await db.AuditEvents.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var (sequence, previous) = head is not null ? (head.Sequence, head.Hash) : await GenesisAsync(db, cancellationToken);
        foreach (var e in events)
        {
            e.Sequence = ++sequence;
            e.TimeUtc = AuditHasher.Truncate(e.TimeUtc);
            e.PreviousHash = previous;
            e.Hash = AuditHasher.Compute(e);
            previous = e.Hash;
        }
    }

    /// <summary>After a disposal the chain starts at the disposal checkpoint's hash instead of the genesis hash.</summary>
    private static async Task<(long Sequence, string Hash)> GenesisAsync(TillitDbContext db, CancellationToken cancellationToken)
    {
        var cut = await db.AuditCheckpoints.AsNoTracking()
            .Where(c => c.Kind == AuditCheckpointKinds.Disposal)
            .OrderByDescending(c => c.Sequence)
            .Select(c => new { c.Sequence, c.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        return cut is null ? (0, AuditHasher.GenesisHash) : (cut.Sequence, cut.Hash);
    }
}
