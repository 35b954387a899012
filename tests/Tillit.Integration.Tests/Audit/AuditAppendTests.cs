using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tillit.Data;
using Tillit.Data.Audit;
using Tillit.Domain.Organisations;
using Tillit.Web.Infrastructure.Audit;

namespace Tillit.Integration.Tests.Audit;

/// <summary>Appends stay one gapless chain under concurrency, and a change never exists without its event.</summary>
public sealed class AuditAppendTests : IAsyncLifetime
{
    private AuditHost _host = default!;
    private Guid _organisation;

    public async Task InitializeAsync()
    {
        _host = await AuditHost.StartAsync();
        (_organisation, _) = await AuditSeed.SeedAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Sixty_four_concurrent_writers_in_one_process_leave_one_valid_chain_without_gaps()
    {
        var before = await CountAsync();

        await Task.WhenAll(Enumerable.Range(0, 64).Select(async i =>
        {
            await using var scope = _host.Scope(_organisation);
            if (i % 2 == 0)
            {
                var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
                db.Units.Add(new Unit(_organisation, $"Enhet {i}", UnitKind.Section, null));
                await db.SaveChangesAsync();
            }
            else
            {
                await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordReadAsync(AuditTrail.Protected.Person, Guid.NewGuid());
            }
        }));

        var result = await _host.VerifyAsync();
        Assert.True(result.Intact, string.Join("; ", result.Problems.Select(p => p.What)));
        Assert.Equal(before + 64, await CountAsync());
        Assert.Equal(before + 64, await _host.WithDbAsync(db => db.AuditEvents.MaxAsync(e => e.Sequence)));
    }

    [Fact]
    public async Task Two_processes_appending_at_the_same_time_leave_one_valid_chain_without_gaps()
    {
        var before = await CountAsync();

        var runs = await Task.WhenAll(
            _host.RunCliAsync("audit", "stress", "--count", "200", "--tasks", "4"),
            _host.RunCliAsync("audit", "stress", "--count", "200", "--tasks", "4"));

        Assert.All(runs, r => Assert.True(r.Exit == 0, r.Output));
        var result = await _host.VerifyAsync();
        Assert.True(result.Intact, string.Join("; ", result.Problems.Select(p => p.What)));
        var after = await CountAsync();

        // 400 appended events, plus the stress organisation created by one of the two.
        Assert.InRange(after - before, 401, 402);
        Assert.Equal(after, await _host.WithDbAsync(db => db.AuditEvents.MaxAsync(e => e.Sequence)));
    }

    [Fact]
    public async Task A_rolled_back_transaction_leaves_neither_the_change_nor_its_event()
    {
        var before = await CountAsync();

        await using (var scope = _host.Scope(_organisation))
        {
            var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Units.Add(new Unit(_organisation, "Spökenhet", UnitKind.Section, null));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Equal(before, await CountAsync());
        Assert.False(await _host.WithDbAsync(db => db.Units.AnyAsync(u => u.Name == "Spökenhet"), _organisation));
    }

    [Fact]
    public async Task A_save_that_fails_writes_no_event()
    {
        var before = await CountAsync();
        var unit = await _host.WithDbAsync(db => db.Units.Select(u => u.Id).FirstAsync(), _organisation);

        await Assert.ThrowsAsync<DbUpdateException>(() => _host.WithDbAsync(
            async db =>
            {
                // Same e-mail as the seeded person: the unique index refuses it.
                db.People.Add(new Person(_organisation, "Dubblett", "anna@test.se", unit));
                return await db.SaveChangesAsync();
            },
            _organisation));

        Assert.Equal(before, await CountAsync());
        Assert.True((await _host.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task A_read_whose_event_cannot_be_stored_fails_instead_of_going_unrecorded()
    {
        await BlockAuditInsertsAsync();
        try
        {
            await using var scope = _host.Scope(_organisation);
            var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();

            await Assert.ThrowsAsync<AuditUnavailableException>(() => trail.RecordReadAsync(AuditTrail.Protected.Person, Guid.NewGuid()));
        }
        finally
        {
            await UnblockAuditInsertsAsync();
        }
    }

    [Fact]
    public async Task A_change_whose_event_cannot_be_stored_is_not_saved()
    {
        await BlockAuditInsertsAsync();
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => _host.WithDbAsync(
                async db =>
                {
                    db.Units.Add(new Unit(_organisation, "Ska inte finnas", UnitKind.Section, null));
                    return await db.SaveChangesAsync();
                },
                _organisation));
        }
        finally
        {
            await UnblockAuditInsertsAsync();
        }

        Assert.False(await _host.WithDbAsync(db => db.Units.AnyAsync(u => u.Name == "Ska inte finnas"), _organisation));
    }

    [Fact]
    public async Task Disposal_removes_old_events_and_the_rest_of_the_chain_still_verifies()
    {
        var before = await CountAsync();

        var run = await _host.RunCliAsync("audit", "dispose", "--years", "1");

        // Everything seeded is younger than a year: nothing to remove, and the trail is untouched.
        Assert.True(run.Exit == 0, run.Output);
        Assert.Contains("No events older than 1 years", run.Output, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    private Task<int> CountAsync() => _host.WithDbAsync(db => db.AuditEvents.CountAsync());

    private Task<int> BlockAuditInsertsAsync() => _host.Provider == "Postgres"
        ? _host.SqlAsync(
            "CREATE OR REPLACE FUNCTION tillit_block_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit blocked by test'; END; $$ LANGUAGE plpgsql; " +
            "CREATE TRIGGER block_audit BEFORE INSERT ON \"AuditEvents\" FOR EACH ROW EXECUTE FUNCTION tillit_block_audit();")
        : _host.SqlAsync("CREATE TRIGGER block_audit BEFORE INSERT ON \"AuditEvents\" BEGIN SELECT RAISE(ABORT, 'audit blocked by test'); END;");

    private Task<int> UnblockAuditInsertsAsync() => _host.SqlAsync(
        _host.Provider == "Postgres" ? "DROP TRIGGER block_audit ON \"AuditEvents\"" : "DROP TRIGGER block_audit");
}
