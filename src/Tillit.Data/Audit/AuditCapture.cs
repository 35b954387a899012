using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Tillit.Data.Identity;
using Tillit.Domain.Common;

namespace Tillit.Data.Audit;

/// <summary>
/// Turns the change tracker's pending changes into audit events (before the save, while the old
/// values are still known). Secrets are never written to the trail: their changes show as "***".
/// </summary>
public static class AuditCapture
{
    public const string Masked = "***";

    /// <summary>Readable JSON (å, ä, ö as themselves); the stored text is what is hashed.</summary>
    public static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly HashSet<string> SecretProperties = new(StringComparer.Ordinal)
    {
        nameof(UserAccount.PasswordHash), nameof(UserAccount.SecurityStamp), nameof(UserAccount.ConcurrencyStamp),
        nameof(ApiToken.SecretHash), nameof(UserSession.Ticket),
    };

    /// <summary>Types whose rows are not records of their own: sessions, the trail itself.</summary>
    public static bool IsAudited(Type type) =>
        type != typeof(AuditEvent) && type != typeof(AuditCheckpoint) && type != typeof(UserSession);

    /// <summary>Password hashes, stamps, token hashes and Identity's stored tokens (the authenticator key).</summary>
    public static bool IsSecret(Type type, string property) =>
        SecretProperties.Contains(property)
        || (type == typeof(Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>) && property == "Value");

    /// <summary>
    /// Fields Tillit updates in bulk outside the change tracker, whose history lives in their own
    /// events instead (a token's last use is in its "token-used" events). verify --state skips them.
    /// </summary>
    public static bool IsUntracked(Type type, string property) =>
        type == typeof(ApiToken) && property == nameof(ApiToken.LastUsedUtc);

    public static string RecordType(IEntityType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.ClrType.IsGenericType ? type.ClrType.Name.Split('`')[0] : type.ClrType.Name;
    }

    public static string RecordId(IReadOnlyList<object?> keyValues) =>
        string.Join('|', keyValues.Select(Format));

    public static List<AuditEvent> Capture(ChangeTracker tracker, IAuditActor actor, DateTime nowUtc, Guid? tenant)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        ArgumentNullException.ThrowIfNull(actor);
        var events = new List<AuditEvent>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || !IsAudited(entry.Metadata.ClrType))
            {
                continue;
            }

            var changes = new SortedDictionary<string, string?[]>(StringComparer.Ordinal);
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                var secret = IsSecret(entry.Metadata.ClrType, name);
                switch (entry.State)
                {
                    case EntityState.Added:
                        changes[name] = [null, secret && property.CurrentValue is not null ? Masked : Format(property.CurrentValue)];
                        break;
                    case EntityState.Deleted:
                        changes[name] = [secret && property.OriginalValue is not null ? Masked : Format(property.OriginalValue), null];
                        break;
                    default:
                        var before = Format(property.OriginalValue);
                        var after = Format(property.CurrentValue);
                        if (property.IsModified && before != after)
                        {
                            changes[name] = secret ? [Masked, Masked] : [before, after];
                        }

                        break;
                }
            }

            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            var key = entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue).ToList();
            var action = entry.State switch
            {
                EntityState.Added => AuditActions.Create,
                EntityState.Deleted => AuditActions.Delete,
                _ => AuditActions.Update,
            };
            events.Add(NewEvent(entry.Entity, entry.Metadata, action, key, changes, actor, nowUtc, tenant));
        }

        return events;
    }

    /// <summary>
    /// The create events of new records that are not tracked (an import's bulk insert): for each, exactly the event
    /// <see cref="Capture"/> makes for an added entry (every field's value, secrets masked), so the trail, its hash
    /// and `verify --state` cannot tell the two paths apart. Types with shadow properties are refused: an untracked
    /// entity has no value for them.
    /// </summary>
    public static List<AuditEvent> CaptureCreated(IEntityType type, IEnumerable<object> entities, IAuditActor actor, DateTime nowUtc, Guid? tenant)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(actor);
        if (!IsAudited(type.ClrType) || type.GetProperties().Any(p => p.IsShadowProperty()))
        {
            throw new InvalidOperationException($"{type.ClrType.Name} cannot be captured outside the change tracker.");
        }

        var properties = type.GetProperties()
            .Select(p => (p.Name, Getter: p.GetGetter(), Secret: IsSecret(type.ClrType, p.Name)))
            .ToList();
        var keyGetters = type.FindPrimaryKey()!.Properties.Select(p => p.GetGetter()).ToList();
        var events = new List<AuditEvent>();
        foreach (var entity in entities)
        {
            var changes = new SortedDictionary<string, string?[]>(StringComparer.Ordinal);
            foreach (var (name, getter, secret) in properties)
            {
                var value = getter.GetClrValueUsingContainingEntity(entity);
                changes[name] = [null, secret && value is not null ? Masked : Format(value)];
            }

            var key = keyGetters.Select(g => g.GetClrValueUsingContainingEntity(entity)).ToList();
            events.Add(NewEvent(entity, type, AuditActions.Create, key, changes, actor, nowUtc, tenant));
        }

        return events;
    }

    private static AuditEvent NewEvent(object entity, IEntityType type, string action, IReadOnlyList<object?> key, SortedDictionary<string, string?[]> changes, IAuditActor actor, DateTime nowUtc, Guid? tenant) => new()
    {
        TimeUtc = nowUtc,
        OrganisationId = entity is IOrganisationOwned owned ? owned.OrganisationId : entity is UserAccount u ? u.OrganisationId : tenant,
        ActorKind = actor.Kind,
        ActorPersonId = actor.PersonId,
        ActorTokenId = actor.TokenId,
        ActorName = actor.Name,
        ClientAddress = actor.ClientAddress,
        Action = action,
        RecordType = RecordType(type),
        RecordId = RecordId(key),
        Data = JsonSerializer.Serialize(changes, Json),
    };

    /// <summary>The one textual form of a stored value, used both when writing and when checking state.</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => AuditHasher.Truncate(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime())
            .ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
        DateTimeOffset o => AuditHasher.Truncate(o.UtcDateTime).ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Enum e => Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
