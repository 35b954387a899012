using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tillit.Data;
using Tillit.Data.Audit;
using Tillit.Domain.Organisations;
using Tillit.Web.Infrastructure.Audit;

namespace Tillit.Integration.Tests.Audit;

/// <summary>The hash chain detects every kind of tampering, and an intact trail passes.</summary>
public sealed class AuditChainTests : IAsyncLifetime
{
    private AuditHost _host = default!;
    private Guid _organisation;
    private Guid _person;

    public async Task InitializeAsync()
    {
        _host = await AuditHost.StartAsync();
        (_organisation, _person) = await AuditSeed.SeedAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_intact_trail_verifies()
    {
        var result = await _host.VerifyAsync();

        Assert.True(result.Intact, string.Join("; ", result.Problems.Select(p => p.What)));
        Assert.True(result.Events >= 6);
    }

    [Fact]
    public async Task A_change_is_recorded_with_the_old_and_new_value_of_each_changed_field()
    {
        var update = await _host.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.RecordType == "Person" && e.RecordId == _person.ToString("D") && e.Action == AuditActions.Update)
            .OrderBy(e => e.Sequence).FirstAsync());

        Assert.Equal(_organisation, update.OrganisationId);
        Assert.Contains("\"Title\":[null,\"Handläggare\"]", update.Data, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Name\"", update.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_event_is_detected()
    {
        await _host.SqlAsync("UPDATE \"AuditEvents\" SET \"Data\" = '{}' WHERE \"Sequence\" = 3");

        var problem = Assert.Single((await _host.VerifyAsync()).Problems);
        Assert.Equal(3, problem.Sequence);
        Assert.Contains("edited", problem.What, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("time")]
    [InlineData("organisation")]
    [InlineData("actor kind")]
    [InlineData("actor person")]
    [InlineData("record id")]
    [InlineData("null instead of empty")]
    public async Task An_edit_of_any_column_is_detected(string column)
    {
        // The verifier rebuilds each event from the stored bytes of every column (text times and Guids
        // on SQLite, binary values on PostgreSQL): an edit of any of them must change the hash.
        var edited = await _host.WithDbAsync(db =>
        {
            var third = db.AuditEvents.Where(e => e.Sequence == 3);
            return column switch
            {
                "time" => third.ExecuteUpdateAsync(s => s.SetProperty(e => e.TimeUtc, e => e.TimeUtc.AddSeconds(1))),
                "organisation" => third.ExecuteUpdateAsync(s => s.SetProperty(e => e.OrganisationId, Guid.NewGuid())),
                "actor kind" => third.ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorKind, AuditActorKind.ApiToken)),
                "actor person" => third.ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorPersonId, Guid.NewGuid())),
                "record id" => third.ExecuteUpdateAsync(s => s.SetProperty(e => e.RecordId, e => e.RecordId + "0")),
                _ => third.ExecuteUpdateAsync(s => s.SetProperty(e => e.ClientAddress, e => e.ClientAddress == null ? string.Empty : null)),
            };
        });
        Assert.Equal(1, edited);

        var problem = Assert.Single((await _host.VerifyAsync()).Problems);
        Assert.Equal(3, problem.Sequence);
        Assert.Contains("edited", problem.What, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_with_a_time_that_is_no_time_is_reported_as_edited()
    {
        var time = _host.Provider == "Postgres" ? "'infinity'" : "'not a time'";
        await _host.SqlAsync($"UPDATE \"AuditEvents\" SET \"TimeUtc\" = {time} WHERE \"Sequence\" = 4");

        var problem = Assert.Single((await _host.VerifyAsync()).Problems);
        Assert.Equal(4, problem.Sequence);
        Assert.Contains("edited", problem.What, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_intact_trail_longer_than_a_batch_verifies_and_an_edit_near_its_end_is_found()
    {
        // More events than one batch of the verifier (8,192), so several batches go through the reader
        // and the hashers; the problem must still be the first one in sequence order.
        await using (var scope = _host.Scope(_organisation))
        {
            var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            await Task.WhenAll(Enumerable.Range(0, 20_000).Select(_ => trail.RecordReadAsync(AuditTrail.Protected.Person, _person)));
        }

        var intact = await _host.VerifyAsync();
        Assert.True(intact.Intact, string.Join("; ", intact.Problems.Select(p => p.What)));
        Assert.True(intact.Events > 20_000);

        await _host.SqlAsync("UPDATE \"AuditEvents\" SET \"RecordType\" = 'Unit' WHERE \"Sequence\" IN (19000, 19500)");
        await _host.SqlAsync("DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = 19800");

        var problem = Assert.Single((await _host.VerifyAsync()).Problems);
        Assert.Equal(19000, problem.Sequence);
    }

    [Fact]
    public async Task A_deleted_event_is_detected()
    {
        await _host.SqlAsync("DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = 3");

        var problem = Assert.Single((await _host.VerifyAsync()).Problems);
        Assert.Contains("missing", problem.What, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_inserted_in_the_middle_is_detected()
    {
        await ShiftUpAsync(after: 3);
        var previous = await _host.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Sequence == 3));
        var forged = new AuditEvent
        {
            Sequence = 4,
            TimeUtc = previous.TimeUtc,
            Action = AuditActions.Read,
            RecordType = "Person",
            RecordId = Guid.NewGuid().ToString("D"),
            PreviousHash = previous.Hash,
        };
        forged.Hash = AuditHasher.Compute(forged);
        await _host.WithDbAsync(async db =>
        {
            db.AuditEvents.Add(forged);
            return await db.SaveAuditOnlyAsync(CancellationToken.None);
        });

        var problem = Assert.Single((await _host.VerifyAsync()).Problems);
        Assert.Equal(5, problem.Sequence);
    }

    [Fact]
    public async Task Two_reordered_events_are_detected()
    {
        await _host.SqlAsync("UPDATE \"AuditEvents\" SET \"Sequence\" = -1 WHERE \"Sequence\" = 3");
        await _host.SqlAsync("UPDATE \"AuditEvents\" SET \"Sequence\" = 3 WHERE \"Sequence\" = 4");
        await _host.SqlAsync("UPDATE \"AuditEvents\" SET \"Sequence\" = 4 WHERE \"Sequence\" = -1");

        var problem = Assert.Single((await _host.VerifyAsync()).Problems);
        Assert.Equal(3, problem.Sequence);
    }

    [Fact]
    public async Task A_chain_rewritten_after_a_checkpoint_is_detected()
    {
        await CheckpointAtHeadAsync();

        // The attacker knows the algorithm: edits event 2 and recomputes every hash after it.
        await _host.WithDbAsync(async db =>
        {
            var events = await db.AuditEvents.OrderBy(e => e.Sequence).ToListAsync();
            events[1].Data = "{\"Name\":[null,\"Förfalskad\"]}";
            for (var i = 1; i < events.Count; i++)
            {
                events[i].PreviousHash = events[i - 1].Hash;
                events[i].Hash = AuditHasher.Compute(events[i]);
            }

            return await db.SaveAuditOnlyAsync(CancellationToken.None);
        });

        var problem = Assert.Single((await _host.VerifyAsync()).Problems);
        Assert.Contains("signed checkpoint", problem.What, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_tail_is_detected()
    {
        var head = await CheckpointAtHeadAsync();
        await _host.SqlAsync($"DELETE FROM \"AuditEvents\" WHERE \"Sequence\" >= {head - 1}");

        var problem = Assert.Single((await _host.VerifyAsync()).Problems);
        Assert.Contains("tail is missing", problem.What, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_checkpoint_is_detected()
    {
        await CheckpointAtHeadAsync();
        await _host.SqlAsync("UPDATE \"AuditCheckpoints\" SET \"Hash\" = 'ffff'");

        Assert.Contains((await _host.VerifyAsync()).Problems, p => p.What.Contains("not signed by this key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_command_line_exits_0_when_intact_and_non_zero_naming_the_first_bad_event()
    {
        var intact = await _host.RunCliAsync("audit", "verify");
        Assert.True(intact.Exit == 0, intact.Output);

        await _host.SqlAsync("UPDATE \"AuditEvents\" SET \"ActorName\" = 'Mallory' WHERE \"Sequence\" = 2");
        var tampered = await _host.RunCliAsync("audit", "verify");

        Assert.Equal(1, tampered.Exit);
        Assert.Contains("event 2 does not match its hash", tampered.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_changed_directly_in_the_database_is_reported_by_type_id_and_field()
    {
        await _host.SqlAsync($"UPDATE \"People\" SET \"Name\" = 'Mallory' WHERE \"Id\" = '{AuditSeed.Key(_host, _person)}'");

        var cli = await _host.RunCliAsync("audit", "verify", "--state");

        Assert.Equal(1, cli.Exit);
        Assert.Contains($"Person {_person:D} field Name: the trail says 'Anna Andersson', the database has 'Mallory'", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_audited_row_matches_the_trail_after_ordinary_changes()
    {
        var cli = await _host.RunCliAsync("audit", "verify", "--state");

        Assert.True(cli.Exit == 0, cli.Output);
    }

    [Fact]
    public async Task A_row_inserted_behind_Tillits_back_is_reported()
    {
        var unitId = await _host.WithDbAsync(db => db.Units.IgnoreQueryFilters().Select(u => u.Id).FirstAsync());
        var stranger = Guid.NewGuid();
        await _host.SqlAsync(
            "INSERT INTO \"People\" (\"Id\", \"OrganisationId\", \"Name\", \"Email\", \"SearchName\", \"SearchFamilyName\", \"SearchEmail\", \"UnitId\", \"IsActive\", \"ReceivesDigest\", \"DigestHour\", \"Version\") VALUES " +
            $"('{AuditSeed.Key(_host, stranger)}', '{AuditSeed.Key(_host, _organisation)}', 'Smygare', 'smyg@test.se', 'smygare', '', 'smyg@test.se', '{AuditSeed.Key(_host, unitId)}', {(_host.Provider == "Postgres" ? "true, true" : "1, 1")}, 7, 0)");

        var problems = await _host.WithDbAsync(db => new AuditStateVerifier(db).VerifyAsync(10, CancellationToken.None));

        Assert.Contains(problems, p => p.What.StartsWith($"Person {stranger:D}: the row is not in the trail", StringComparison.Ordinal));
    }

    private async Task<long> CheckpointAtHeadAsync()
    {
        await using var scope = _host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<TillitDbContext>();
        var head = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync();
        await scope.ServiceProvider.GetRequiredService<AuditCheckpointer>().CreateAsync(db, head.Sequence, head.Hash, AuditCheckpointKinds.Checkpoint, CancellationToken.None);
        return head.Sequence;
    }

    private async Task ShiftUpAsync(long after)
    {
        await _host.SqlAsync($"UPDATE \"AuditEvents\" SET \"Sequence\" = \"Sequence\" + 100000 WHERE \"Sequence\" > {after}");
        await _host.SqlAsync($"UPDATE \"AuditEvents\" SET \"Sequence\" = \"Sequence\" - 99999 WHERE \"Sequence\" > 100000");
    }
}

/// <summary>An organisation with a unit and a person, created, changed and deleted through Tillit.</summary>
public static class AuditSeed
{
    public static async Task<(Guid Organisation, Guid Person)> SeedAsync(AuditHost host)
    {
        var organisation = new Organisation("Testkommun", "test-" + Guid.NewGuid().ToString("N")[..8]);
        await host.WithDbAsync(async db =>
        {
            db.Organisations.Add(organisation);
            return await db.SaveChangesAsync();
        });
        var person = await host.WithDbAsync(
            async db =>
            {
                var root = new Unit(organisation.Id, "Kommunen", UnitKind.Organisation, null);
                var temporary = new Unit(organisation.Id, "Tillfällig", UnitKind.Section, root);
                db.Units.AddRange(root, temporary);
                var p = new Person(organisation.Id, "Anna Andersson", "anna@test.se", root.Id);
                db.People.Add(p);
                await db.SaveChangesAsync();
                p.Title = "Handläggare";
                await db.SaveChangesAsync();
                db.Units.Remove(temporary);
                await db.SaveChangesAsync();
                return p.Id;
            },
            organisation.Id);
        return (organisation.Id, person);
    }

    /// <summary>A Guid as the provider stores it (SQLite: upper-case text).</summary>
    public static string Key(AuditHost host, Guid id) => host.Provider == "Postgres" ? id.ToString("D") : id.ToString("D").ToUpperInvariant();
}
