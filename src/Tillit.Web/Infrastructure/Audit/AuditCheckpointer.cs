using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tillit.Data;
using Tillit.Data.Audit;

namespace Tillit.Web.Infrastructure.Audit;

/// <summary>Signs a checkpoint of the chain head every N events or M minutes (whichever comes first).</summary>
public sealed class AuditCheckpointer(IServiceScopeFactory scopes, AuditSigner signer, TimeProvider clock, IOptions<AuditOptions> options, ILogger<AuditCheckpointer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CheckpointIfDueAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Audit checkpoint failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task<AuditCheckpoint?> CheckpointIfDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
        var head = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }

        var last = await db.AuditCheckpoints.AsNoTracking().OrderByDescending(c => c.Sequence).Select(c => new { c.Sequence, c.TimeUtc }).FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var due = last is null
            || head.Sequence - last.Sequence >= options.Value.CheckpointEveryEvents
            || (head.Sequence > last.Sequence && now - last.TimeUtc >= TimeSpan.FromMinutes(options.Value.CheckpointEveryMinutes));
        return due ? await CreateAsync(db, head.Sequence, head.Hash, AuditCheckpointKinds.Checkpoint, cancellationToken) : null;
    }

    /// <summary>Signs and stores a checkpoint at the given event. Several instances may race: the first wins.</summary>
    public async Task<AuditCheckpoint?> CreateAsync(TillitDbContext db, long sequence, string hash, string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var checkpoint = new AuditCheckpoint { Sequence = sequence, Hash = hash, Kind = kind, TimeUtc = AuditHasher.Truncate(clock.GetUtcNow().UtcDateTime) };
        signer.Sign(checkpoint);
        if (await db.AuditCheckpoints.AnyAsync(c => c.Sequence == sequence && c.Kind == kind, cancellationToken))
        {
            return null;
        }

        db.AuditCheckpoints.Add(checkpoint);
        try
        {
            await db.SaveAuditOnlyAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return null; // another instance signed the same head
        }

        return checkpoint;
    }
}
