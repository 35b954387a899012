using Tillit.Data;
using Tillit.Data.Audit;
using Tillit.Domain.Common;

namespace Tillit.Web.Infrastructure.Audit;

/// <summary>New records of one entity type for <see cref="AuditedBulkInsert"/>, written in the order given.</summary>
public sealed class BulkRows
{
    private BulkRows(Type type, IReadOnlyList<object> rows, Func<TillitDbContext, CancellationToken, Task> write)
    {
        Type = type;
        Rows = rows;
        Write = write;
    }

    public Type Type { get; }

    public IReadOnlyList<object> Rows { get; }

    internal Func<TillitDbContext, CancellationToken, Task> Write { get; }

    public static BulkRows Of<T>(IReadOnlyList<T> rows)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new(typeof(T), rows, (db, ct) => BulkWriter.WriteAsync(db, rows, growCache: false, ct));
    }
}

/// <summary>
/// Inserts many new records with their create events, the way <see cref="TillitDbContext.SaveChangesAsync(bool, CancellationToken)"/>
/// would but without a command per row: the records by <see cref="BulkWriter"/> (binary COPY on PostgreSQL, one
/// prepared INSERT reused on SQLite), then one create event per record, captured by <see cref="AuditCapture.CaptureCreated"/>
/// (the same fields, values and JSON as the change tracker's capture), numbered and hashed by
/// <see cref="AuditChain.ChainLockedAsync"/> and written the same way. All of it in one transaction under the
/// audit append lock (PostgreSQL's advisory lock, SQLite's write lock), so concurrent saves, the audit writer
/// and other Tillit processes on the same database still append one gapless chain. Nothing is written unless
/// everything is: records and events commit together or not at all.
/// </summary>
public sealed class AuditedBulkInsert(TillitDbContext db, IAuditActor actor, TimeProvider clock, OrganisationCache cache)
{
    /// <summary>Writes the rows (in the order given, so a referenced record comes first) and an event per row.</summary>
    public async Task InsertAsync(IReadOnlyList<BulkRows> groups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (db.ChangeTracker.HasChanges())
        {
            // A pending tracked change would be saved later without being part of this chain position.
            throw new InvalidOperationException("A bulk insert does not run with unsaved tracked changes.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var events = new List<AuditEvent>();
        foreach (var group in groups)
        {
            var type = db.Model.FindEntityType(group.Type) ?? throw new InvalidOperationException($"{group.Type.Name} is not in the model");
            if (db.CurrentOrganisationId is { } current && group.Rows.Any(r => r is IOrganisationOwned owned && owned.OrganisationId != current))
            {
                throw new InvalidOperationException("A change to another organisation's data was refused.");
            }

            events.AddRange(AuditCapture.CaptureCreated(type, group.Rows, actor, now, db.CurrentOrganisationId));
        }

        if (events.Count == 0)
        {
            return;
        }

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await AuditChain.LockAsync(db, cancellationToken);
            foreach (var group in groups)
            {
                await group.Write(db, cancellationToken);
            }

            await AuditChain.ChainLockedAsync(db, events, cancellationToken);
            await BulkWriter.WriteAsync(db, events, growCache: false, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            // The writes bypass SaveChanges and its cache invalidator: the organisation's cached figures computed
            // from these record types (gaps, indicators, totals) are made stale here instead.
            if (db.CurrentOrganisationId is { } organisationId)
            {
                foreach (var group in groups)
                {
                    cache.Invalidate(group.Type, organisationId);
                }
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }
}
