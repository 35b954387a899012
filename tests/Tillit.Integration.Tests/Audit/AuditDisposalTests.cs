using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tillit.Data;
using Tillit.Data.Audit;
using Tillit.Domain.Organisations;

namespace Tillit.Integration.Tests.Audit;

/// <summary>Gallring removes old events through a signed cut; the remaining chain verifies and new events link on.</summary>
public sealed class AuditDisposalTests
{
    [Fact]
    public async Task Disposing_events_older_than_the_retention_keeps_the_chain_verifiable()
    {
        var clock = new TestClock();
        await using var old = await AuditHostWithClock(clock);
        clock.Set(TimeProvider.System.GetUtcNow().AddYears(-3));
        var (organisation, _) = await AuditSeed.SeedAsync(old);
        clock.Reset();
        await old.WithDbAsync(
            async db =>
            {
                db.Units.Add(new Unit(organisation, "Ny enhet", UnitKind.Section, null));
                return await db.SaveChangesAsync();
            },
            organisation);
        var before = await old.WithDbAsync(db => db.AuditEvents.CountAsync());

        var run = await old.RunCliAsync("audit", "dispose", "--years", "2");

        Assert.True(run.Exit == 0, run.Output);
        var remaining = await old.WithDbAsync(db => db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());
        Assert.True(remaining.Count < before);
        Assert.Equal(AuditActions.Disposal, remaining[^1].Action);
        Assert.True(await old.WithDbAsync(db => db.AuditCheckpoints.AnyAsync(c => c.Kind == AuditCheckpointKinds.Disposal)));
        var verify = await old.VerifyAsync();
        Assert.True(verify.Intact, string.Join("; ", verify.Problems.Select(p => p.What)));

        // Removing the cut's first remaining event is still detected.
        await old.SqlAsync($"DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = {remaining[0].Sequence}");
        Assert.False((await old.VerifyAsync()).Intact);
    }

    private static Task<AuditHost> AuditHostWithClock(TestClock clock) => AuditHost.StartAsync(clock);
}
