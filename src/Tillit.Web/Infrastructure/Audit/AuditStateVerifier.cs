using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Tillit.Data;
using Tillit.Data.Audit;

namespace Tillit.Web.Infrastructure.Audit;

/// <summary>
/// `tillit audit verify --state`: replays the trail's changes and compares the result with every
/// audited table, so a row inserted, changed or deleted directly in the database, behind Tillit's
/// back, is reported by record type, id and field.
/// </summary>
public sealed class AuditStateVerifier(TillitDbContext db)
{
    private sealed class Replayed
    {
        public Dictionary<string, string?> Fields { get; } = new(StringComparer.Ordinal);

        public bool Deleted { get; set; }
    }

    public async Task<IReadOnlyList<AuditProblem>> VerifyAsync(int maxProblems, CancellationToken cancellationToken)
    {
        var state = new Dictionary<(string Type, string Id), Replayed>();
        var changes = db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditActions.Create || e.Action == AuditActions.Update || e.Action == AuditActions.Delete)
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.Action, e.RecordType, e.RecordId, e.Data })
            .AsAsyncEnumerable();
        await foreach (var e in changes.WithCancellation(cancellationToken))
        {
            if (e.RecordType is null || e.RecordId is null || e.Data is null)
            {
                continue;
            }

            var key = (e.RecordType, e.RecordId);
            if (!state.TryGetValue(key, out var record) || e.Action == AuditActions.Create)
            {
                record = new Replayed();
                state[key] = record;
            }

            if (e.Action == AuditActions.Delete)
            {
                record.Deleted = true;
                continue;
            }

            record.Deleted = false;
            foreach (var (field, pair) in JsonSerializer.Deserialize<Dictionary<string, string?[]>>(e.Data) ?? [])
            {
                record.Fields[field] = pair.Length == 2 ? pair[1] : null;
            }
        }

        var problems = new List<AuditProblem>();
        var seen = new HashSet<(string, string)>();
        foreach (var type in db.Model.GetEntityTypes().Where(t => !t.IsOwned() && AuditCapture.IsAudited(t.ClrType)))
        {
            var recordType = AuditCapture.RecordType(type);
            var key = type.FindPrimaryKey()!;
            var properties = type.GetProperties().Where(p => !AuditCapture.IsSecret(type.ClrType, p.Name) && !AuditCapture.IsUntracked(type.ClrType, p.Name)).ToList();
            await foreach (var row in RowsAsync(type, cancellationToken))
            {
                var entry = db.Entry(row);
                var id = AuditCapture.RecordId(key.Properties.Select(p => entry.Property(p.Name).CurrentValue).ToList());
                seen.Add((recordType, id));
                if (!state.TryGetValue((recordType, id), out var replayed) || replayed.Deleted)
                {
                    problems.Add(new AuditProblem(null, $"{recordType} {id}: the row is not in the trail (created behind Tillit's back)"));
                }
                else
                {
                    foreach (var p in properties)
                    {
                        var current = AuditCapture.Format(entry.Property(p.Name).CurrentValue);
                        if (replayed.Fields.TryGetValue(p.Name, out var expected) && expected != AuditCapture.Masked && expected != current)
                        {
                            problems.Add(new AuditProblem(null, $"{recordType} {id} field {p.Name}: the trail says '{expected}', the database has '{current}'"));
                        }
                    }
                }

                entry.State = EntityState.Detached;
                if (problems.Count >= maxProblems)
                {
                    return problems;
                }
            }
        }

        foreach (var ((type, id), replayed) in state)
        {
            if (!replayed.Deleted && !seen.Contains((type, id)))
            {
                problems.Add(new AuditProblem(null, $"{type} {id}: the row is gone but the trail has no delete (deleted behind Tillit's back)"));
                if (problems.Count >= maxProblems)
                {
                    break;
                }
            }
        }

        return problems;
    }

    private IAsyncEnumerable<object> RowsAsync(IEntityType type, CancellationToken cancellationToken)
    {
        var method = typeof(AuditStateVerifier).GetMethod(nameof(Typed), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .MakeGenericMethod(type.ClrType);
        return (IAsyncEnumerable<object>)method.Invoke(this, [cancellationToken])!;
    }

    private async IAsyncEnumerable<object> Typed<T>([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        await foreach (var row in db.Set<T>().IgnoreQueryFilters().AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }
}
