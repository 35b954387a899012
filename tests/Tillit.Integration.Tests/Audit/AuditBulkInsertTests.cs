using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tillit.Data;
using Tillit.Data.Audit;
using Tillit.Domain.Organisations;
using Tillit.Domain.Register;
using Tillit.Web.Infrastructure.Audit;

namespace Tillit.Integration.Tests.Audit;

/// <summary>
/// The imports' bulk write (<see cref="AuditedBulkInsert"/>, decision 33) leaves the trail as ordinary saves would:
/// one create event per record, the same event the change tracker's capture makes, in one chain that verifies,
/// also while other writers in this and another process append.
/// </summary>
public sealed class AuditBulkInsertTests : IAsyncLifetime
{
    private AuditHost _host = default!;
    private Guid _organisation;
    private Guid _unit;

    public async Task InitializeAsync()
    {
        _host = await AuditHost.StartAsync();
        (_organisation, _) = await AuditSeed.SeedAsync(_host);
        _unit = await _host.WithDbAsync(db => db.Units.Select(u => u.Id).FirstAsync(), _organisation);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_bulk_insert_of_n_records_writes_n_create_events_equal_to_an_ordinary_saves_in_a_chain_that_verifies()
    {
        const int n = 500;
        var before = await CountEventsAsync();
        var systems = Enumerable.Range(1, n).Select(i => NewSystem($"Bulk {i:D3}", i)).ToList();
        var sets = systems.Select(s => new InformationSet(_organisation, "Mängd i " + s.Name, _unit) { Description = "Ärenden \"citerade\" ; med\ttab", PersonalData = PersonalData.Sensitive }).ToList();
        var holdings = sets.Zip(systems, (set, system) => new InformationSetSystem(_organisation, set.Id, system.Id)).ToList();

        await InsertAsync([BulkRows.Of(systems), BulkRows.Of(sets), BulkRows.Of(holdings)]);

        Assert.Equal(n, await _host.WithDbAsync(db => db.InformationSystems.CountAsync(s => s.Name.StartsWith("Bulk ")), _organisation));
        Assert.Equal(n, await _host.WithDbAsync(db => db.InformationSetSystems.CountAsync(), _organisation));
        Assert.Equal(before + (3 * n), await CountEventsAsync());
        var verification = await _host.VerifyAsync();
        Assert.True(verification.Intact, string.Join("; ", verification.Problems.Select(p => p.What)));
        var state = await _host.WithDbAsync(db => new AuditStateVerifier(db).VerifyAsync(10, CancellationToken.None));
        Assert.True(state.Count == 0, string.Join("; ", state.Select(p => p.What)));

        // Each event is exactly the one the change tracker would have captured for the same new record.
        var stored = await _host.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Sequence > before).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(
            systems.Select(s => s.Id.ToString("D")).Concat(sets.Select(s => s.Id.ToString("D"))).Concat(holdings.Select(h => h.Id.ToString("D"))),
            stored.Select(e => e.RecordId!));
        Assert.All(stored, e => Assert.Equal(AuditActions.Create, e.Action));
        await using var scope = _host.Scope(_organisation);
        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
        db.AddRange(systems[41], sets[41], holdings[41]);
        var captured = AuditCapture.Capture(db.ChangeTracker, scope.ServiceProvider.GetRequiredService<IAuditActor>(), TimeProvider.System.GetUtcNow().UtcDateTime, _organisation);
        Assert.Equal(3, captured.Count);
        foreach (var expected in captured)
        {
            var actual = stored.Single(e => e.RecordId == expected.RecordId);
            Assert.Equal((expected.RecordType, expected.Data, expected.OrganisationId, expected.ActorKind, expected.ActorName), (actual.RecordType, actual.Data, actual.OrganisationId, actual.ActorKind, actual.ActorName));
        }

        Assert.Contains("\"Supplier\":[null,\"Leverantör 42 AB\"]", stored.Single(e => e.RecordId == systems[41].Id.ToString("D")).Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_inserts_ordinary_saves_and_reads_at_the_same_time_leave_one_valid_chain_without_gaps()
    {
        var before = await CountEventsAsync();

        await Task.WhenAll(Enumerable.Range(0, 24).Select(async i =>
        {
            await using var scope = _host.Scope(_organisation);
            switch (i % 3)
            {
                case 0:
                    var rows = Enumerable.Range(1, 50).Select(j => NewSystem($"Samtidig {i}-{j}", j)).ToList();
                    await scope.ServiceProvider.GetRequiredService<AuditedBulkInsert>().InsertAsync([BulkRows.Of(rows)], CancellationToken.None);
                    break;
                case 1:
                    var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
                    db.Units.Add(new Unit(_organisation, $"Enhet {i}", UnitKind.Section, null));
                    await db.SaveChangesAsync();
                    break;
                default:
                    await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordReadAsync(AuditTrail.Protected.Person, Guid.NewGuid());
                    break;
            }
        }));

        var result = await _host.VerifyAsync();
        Assert.True(result.Intact, string.Join("; ", result.Problems.Select(p => p.What)));
        Assert.Equal(before + (8 * 50) + 8 + 8, await CountEventsAsync());
        Assert.Equal(before + (8 * 50) + 8 + 8, await _host.WithDbAsync(db => db.AuditEvents.MaxAsync(e => e.Sequence)));
    }

    [Fact]
    public async Task A_bulk_insert_while_another_process_appends_leaves_one_valid_chain()
    {
        var before = await CountEventsAsync();

        // Bulk inserts one after the other for as long as the other process runs (at least one, at most 100).
        var other = _host.RunCliAsync("audit", "stress", "--count", "200", "--tasks", "4");
        var rounds = 0;
        do
        {
            var round = rounds++;
            await InsertAsync([BulkRows.Of(Enumerable.Range(1, 100).Select(j => NewSystem($"Parallell {round}-{j}", j)).ToList())]);
        }
        while (!other.IsCompleted && rounds < 100);

        var run = await other;
        Assert.True(run.Exit == 0, run.Output);
        var result = await _host.VerifyAsync();
        Assert.True(result.Intact, string.Join("; ", result.Problems.Select(p => p.What)));
        var after = await CountEventsAsync();

        // 100 events per round and 200 stress events, plus the stress organisation.
        Assert.InRange(after - before, (rounds * 100) + 200, (rounds * 100) + 201);
        Assert.Equal(after, await _host.WithDbAsync(db => db.AuditEvents.MaxAsync(e => e.Sequence)));
    }

    [Fact]
    public async Task A_bulk_insert_that_fails_writes_neither_records_nor_events_and_another_organisations_rows_are_refused()
    {
        var before = await CountEventsAsync();
        var first = NewSystem("Dubblett", 1);
        var again = NewSystem("Dubblett igen", 2);
        typeof(Tillit.Domain.Common.Entity).GetProperty(nameof(InformationSystem.Id))!.SetValue(again, first.Id);

        await Assert.ThrowsAnyAsync<Exception>(() => InsertAsync([BulkRows.Of(new[] { first, again })]));
        var stranger = new InformationSystem(Guid.NewGuid(), "Främmande", "Syfte", _unit, SystemForm.Automated);
        await Assert.ThrowsAsync<InvalidOperationException>(() => InsertAsync([BulkRows.Of(new[] { stranger })]));

        Assert.Equal(before, await CountEventsAsync());
        Assert.False(await _host.WithDbAsync(db => db.InformationSystems.IgnoreQueryFilters().AnyAsync(s => s.Name.StartsWith("Dubblett") || s.Name == "Främmande")));
        Assert.True((await _host.VerifyAsync()).Intact);
    }

    private InformationSystem NewSystem(string name, int i) =>
        new(_organisation, name, $"Syfte {i}", _unit, i % 5 == 0 ? SystemForm.Manual : SystemForm.Automated)
        {
            ImportantToOperations = i % 2 == 0,
            Supplier = $"Leverantör {i} AB",
            Lifecycle = Lifecycle.Planned,
        };

    private async Task InsertAsync(IReadOnlyList<BulkRows> groups)
    {
        await using var scope = _host.Scope(_organisation);
        await scope.ServiceProvider.GetRequiredService<AuditedBulkInsert>().InsertAsync(groups, CancellationToken.None);
    }

    private Task<int> CountEventsAsync() => _host.WithDbAsync(db => db.AuditEvents.CountAsync());
}
