using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Tillit.Data;
using Tillit.Data.Audit;

namespace Tillit.Web.Infrastructure.Audit;

/// <summary>
/// Writes events that stand alone (reads, lists, sign-ins) durably, in groups: requests that arrive
/// while a batch is being committed wait together for the next one, so a busy page costs one
/// transaction per batch instead of one per request. A caller awaiting <see cref="WriteAsync"/>
/// knows its event is committed.
/// </summary>
public sealed class AuditWriter(IServiceScopeFactory scopes, IOptions<AuditOptions> options, ILogger<AuditWriter> logger) : BackgroundService
{
    private readonly Channel<(AuditEvent Event, TaskCompletionSource? Done)> _queue =
        Channel.CreateUnbounded<(AuditEvent, TaskCompletionSource?)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Appends the event and returns when it is committed; throws when it could not be stored.</summary>
    public Task WriteAsync(AuditEvent e)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((e, done)))
        {
            throw new InvalidOperationException("The audit writer has stopped.");
        }

        return done.Task;
    }

    /// <summary>Appends the event without waiting (token use, permission denials): lost only if the process dies first.</summary>
    public void Enqueue(AuditEvent e) => _queue.Writer.TryWrite((e, null));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(AuditEvent Event, TaskCompletionSource? Done)>();
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < options.Value.MaxBatch && reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                await WriteBatchAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: write what is left without the stopping token.
            while (reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            if (batch.Count > 0)
            {
                await WriteBatchAsync(batch, CancellationToken.None);
            }
        }
    }

    private async Task WriteBatchAsync(List<(AuditEvent Event, TaskCompletionSource? Done)> batch, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await AuditChain.LockAsync(db, cancellationToken);
            await AuditChain.AppendLockedAsync(db, batch.Select(b => b.Event).ToList(), (c, ct) => ((TillitDbContext)c).SaveAuditOnlyAsync(ct), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            foreach (var (_, done) in batch)
            {
                done?.TrySetResult();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not write {Count} audit events", batch.Count);
            foreach (var (_, done) in batch)
            {
                done?.TrySetException(new AuditUnavailableException(ex));
            }
        }
    }
}

/// <summary>The trail could not store an event; whatever depended on it must not go ahead.</summary>
public sealed class AuditUnavailableException : Exception
{
    public AuditUnavailableException()
        : base("The audit trail could not store the event.")
    {
    }

    public AuditUnavailableException(Exception inner)
        : base("The audit trail could not store the event.", inner)
    {
    }

    public AuditUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
