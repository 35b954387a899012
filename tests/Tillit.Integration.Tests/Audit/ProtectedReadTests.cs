using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tillit.Data;
using Tillit.Data.Audit;
using Tillit.Domain.Access;
using Tillit.Integration.Tests.Infrastructure;

namespace Tillit.Integration.Tests.Audit;

/// <summary>Reads of protected records through the web: recorded before they are sent, and not sent when they cannot be recorded.</summary>
[Collection(AppCollection.Name)]
public sealed class ProtectedReadTests(TillitApp app)
{
    [Fact]
    public async Task Reading_a_persons_details_is_in_the_trail_with_the_reader_when_the_page_arrives()
    {
        var officer = app.A.Accounts[Role.SecurityOfficer];
        var session = await app.SessionAsync(app.A, Role.SecurityOfficer);

        var response = await session.GetAsync($"/people/{app.A.PersonId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = await WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditActions.Read && e.RecordType == "Person" && e.RecordId == app.A.PersonId.ToString("D") && e.ActorPersonId == officer.PersonId)
            .OrderByDescending(e => e.Sequence).FirstOrDefaultAsync());
        Assert.NotNull(read);
        Assert.Equal(app.A.Id, read.OrganisationId);
    }

    [Fact]
    public async Task A_protected_page_is_not_sent_when_its_read_cannot_be_recorded()
    {
        var session = await app.SessionAsync(app.A, Role.SecurityOfficer);
        var email = await WithDbAsync(db => db.People.IgnoreQueryFilters().Where(p => p.Id == app.A.PersonId).Select(p => p.Email).FirstAsync());
        await BlockAuditAsync(block: true);
        try
        {
            var response = await session.GetAsync($"/people/{app.A.PersonId}");
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.DoesNotContain(email, body, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await BlockAuditAsync(block: false);
        }
    }

    [Fact]
    public async Task The_access_log_of_a_person_is_shown_to_the_security_officer_and_not_to_a_manager()
    {
        var officer = await app.SessionAsync(app.A, Role.SecurityOfficer);
        var manager = await app.SessionAsync(app.A, Role.Manager);

        var forOfficer = await (await officer.GetAsync($"/people/{app.A.PersonId}")).Content.ReadAsStringAsync();
        var forManager = await (await manager.GetAsync($"/people/{app.A.PersonId}")).Content.ReadAsStringAsync();

        Assert.Contains("id=\"access-log-title\"", forOfficer, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"access-log-title\"", forManager, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_employee_sees_their_own_sign_ins_and_nobody_elses()
    {
        var employee = await app.SessionAsync(app.A, Role.Employee);
        await app.SessionAsync(app.A, Role.SecurityOfficer);
        var officerName = await WithDbAsync(db => db.People.IgnoreQueryFilters().Where(p => p.Id == app.A.Accounts[Role.SecurityOfficer].PersonId).Select(p => p.Name).FirstAsync());

        var response = await employee.GetAsync("/account/activity");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<td>Inloggning</td>", body, StringComparison.Ordinal);
        Assert.DoesNotContain(officerName, body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAsync(app.A, Role.Employee)).GetAsync("/api/v1/audit-events")).StatusCode);
    }

    [Fact]
    public async Task Searching_the_trail_is_itself_recorded_and_keeps_to_the_organisation()
    {
        var api = await app.ApiAsync(app.A, Role.SecurityOfficer);

        var response = await api.GetAsync("/api/v1/audit-events?pageSize=200");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(app.B.Id.ToString("D"), body, StringComparison.OrdinalIgnoreCase);
        Assert.True(await WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.List && e.RecordType == "AuditEvent" && e.OrganisationId == app.A.Id)));
    }

    private async Task<T> WithDbAsync<T>(Func<TillitDbContext, Task<T>> work)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TillitDbContext>());
    }

    private Task<int> BlockAuditAsync(bool block) => WithDbAsync(db =>
    {
        var postgres = db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";
        var sql = (block, postgres) switch
        {
            (true, true) => "CREATE OR REPLACE FUNCTION tillit_block_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit blocked by test'; END; $$ LANGUAGE plpgsql; CREATE TRIGGER block_audit BEFORE INSERT ON \"AuditEvents\" FOR EACH ROW EXECUTE FUNCTION tillit_block_audit();",
            (true, false) => "CREATE TRIGGER block_audit BEFORE INSERT ON \"AuditEvents\" BEGIN SELECT RAISE(ABORT, 'audit blocked by test'); END;",
            (false, true) => "DROP TRIGGER block_audit ON \"AuditEvents\"",
            _ => "DROP TRIGGER block_audit",
        };
        return db.Database.ExecuteSqlRawAsync(sql.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
    });
}
