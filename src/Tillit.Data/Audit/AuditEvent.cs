namespace Tillit.Data.Audit;

public enum AuditActorKind
{
    Anonymous = 0,
    Person = 1,
    ApiToken = 2,
    System = 3,
}

/// <summary>
/// One entry of the append-only audit trail. The trail is one hash chain for the whole installation:
/// <see cref="Hash"/> is the SHA-256 of the canonical content, which includes <see cref="PreviousHash"/>.
/// Tillit never updates or deletes an event (disposal is an explicit, checkpointed command).
/// </summary>
public sealed class AuditEvent
{
    /// <summary>Gapless position in the chain, starting at 1; assigned under the append lock.</summary>
    public long Sequence { get; set; }

    /// <summary>UTC, truncated to whole microseconds so both databases store it exactly.</summary>
    public DateTime TimeUtc { get; set; }

    public Guid? OrganisationId { get; set; }

    public AuditActorKind ActorKind { get; set; }

    public Guid? ActorPersonId { get; set; }

    public Guid? ActorTokenId { get; set; }

    public string? ActorName { get; set; }

    public string? ClientAddress { get; set; }

    /// <summary>See <see cref="AuditActions"/>.</summary>
    public string Action { get; set; } = string.Empty;

    public string? RecordType { get; set; }

    public string? RecordId { get; set; }

    /// <summary>JSON: for changes {"Field":[old,new]}, for lists {"query":…,"rows":n}, otherwise details.</summary>
    public string? Data { get; set; }

    public string PreviousHash { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;
}

/// <summary>A signed statement "the chain had this hash at this sequence", signed with a key kept outside the database.</summary>
public sealed class AuditCheckpoint
{
    public long Sequence { get; set; }

    public string Hash { get; set; } = string.Empty;

    public DateTime TimeUtc { get; set; }

    /// <summary>"checkpoint" or "disposal" (the cut below which events were removed).</summary>
    public string Kind { get; set; } = AuditCheckpointKinds.Checkpoint;

    public string KeyId { get; set; } = string.Empty;

    /// <summary>Base64 ECDSA P-256 signature over <see cref="AuditHasher.CheckpointPayload"/>.</summary>
    public string Signature { get; set; } = string.Empty;
}

public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Read = "read";
    public const string List = "list";
    public const string Export = "export";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string LockedOut = "locked-out";
    public const string SecondFactorEnabled = "second-factor-enabled";
    public const string SecondFactorReset = "second-factor-reset";
    public const string TokenCreated = "token-created";
    public const string TokenUsed = "token-used";
    public const string TokenRevoked = "token-revoked";
    public const string PermissionDenied = "permission-denied";
    public const string Disposal = "disposal";
}

public static class AuditCheckpointKinds
{
    public const string Checkpoint = "checkpoint";
    public const string Disposal = "disposal";
}
