using System.Text.Json;
using Microsoft.Extensions.Options;
using Tillit.Data;
using Tillit.Data.Audit;

namespace Tillit.Web.Infrastructure.Audit;

/// <summary>
/// What features call to put reads, lists and security events in the trail. Changes need no call:
/// <see cref="TillitDbContext.SaveChangesAsync(bool, CancellationToken)"/> records them itself.
/// </summary>
public sealed class AuditTrail(AuditWriter writer, IAuditActor actor, ITenantContext tenant, TimeProvider clock, IOptions<AuditOptions> options)
{
    /// <summary>Record types whose every read is recorded before the data is sent.</summary>
    public static class Protected
    {
        public const string Person = "Person";
        public const string RoleAssignment = "RoleAssignment";
        public const string AuditTrail = "AuditEvent";

        /// <summary>A draft or a version for decision of a governing document (protected until decided).</summary>
        public const string DocumentDraft = "DocumentVersion";

        /// <summary>A deviation from a governing document: it names a rule a unit does not follow.</summary>
        public const string Deviation = "Deviation";
    }

    /// <summary>Records the read of a protected record; await it before sending the data.</summary>
    public Task RecordReadAsync(string recordType, Guid id) =>
        options.Value.AuditReads ? writer.WriteAsync(New(AuditActions.Read, recordType, id.ToString("D"), null)) : Task.CompletedTask;

    /// <summary>Records a list view or export as one event naming the query and the number of rows.</summary>
    public Task RecordListAsync(string recordType, string query, int rows, bool export = false) =>
        options.Value.AuditReads
            ? writer.WriteAsync(New(export ? AuditActions.Export : AuditActions.List, recordType, null, JsonSerializer.Serialize(new { query, rows }, AuditCapture.Json)))
            : Task.CompletedTask;

    /// <summary>Records a security event (sign-in, token created…) durably.</summary>
    public Task RecordAsync(string action, string? recordType = null, string? recordId = null, object? data = null, Guid? organisationId = null, Guid? personId = null, string? actorName = null)
    {
        var e = New(action, recordType, recordId, data is null ? null : JsonSerializer.Serialize(data, AuditCapture.Json));
        Override(e, organisationId, personId, actorName);
        return writer.WriteAsync(e);
    }

    /// <summary>Records a frequent event without waiting for the commit (token use, permission denied).</summary>
    public void Enqueue(string action, string? recordType = null, string? recordId = null, object? data = null, Guid? organisationId = null, Guid? personId = null)
    {
        var e = New(action, recordType, recordId, data is null ? null : JsonSerializer.Serialize(data, AuditCapture.Json));
        Override(e, organisationId, personId, null);
        writer.Enqueue(e);
    }

    private static void Override(AuditEvent e, Guid? organisationId, Guid? personId, string? actorName)
    {
        if (organisationId is not null)
        {
            e.OrganisationId = organisationId;
        }

        if (personId is not null)
        {
            e.ActorPersonId = personId;
            e.ActorKind = e.ActorKind == AuditActorKind.Anonymous ? AuditActorKind.Person : e.ActorKind;
        }

        if (actorName is not null)
        {
            e.ActorName = actorName;
        }
    }

    private AuditEvent New(string action, string? recordType, string? recordId, string? data) => new()
    {
        TimeUtc = clock.GetUtcNow().UtcDateTime,
        OrganisationId = tenant.OrganisationId,
        ActorKind = actor.Kind,
        ActorPersonId = actor.PersonId,
        ActorTokenId = actor.TokenId,
        ActorName = actor.Name,
        ClientAddress = actor.ClientAddress,
        Action = action,
        RecordType = recordType,
        RecordId = recordId,
        Data = data,
    };
}
