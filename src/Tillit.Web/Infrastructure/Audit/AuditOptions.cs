namespace Tillit.Web.Infrastructure.Audit;

public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>Record reads of protected records. Only the benchmark switches this off, to measure its cost.</summary>
    public bool AuditReads { get; set; } = true;

    /// <summary>Sign a checkpoint when this many events came after the last one…</summary>
    public int CheckpointEveryEvents { get; set; } = 10_000;

    /// <summary>…or when this many minutes passed and the chain grew.</summary>
    public int CheckpointEveryMinutes { get; set; } = 60;

    /// <summary>PEM file of the ECDSA P-256 signing key; made on first use. Keep it outside the database (and its backups).</summary>
    public string SigningKeyFile { get; set; } = "data/audit-signing-key.pem";

    /// <summary>Years an event is kept before `tillit audit dispose` may remove it (gallring).</summary>
    public int RetentionYears { get; set; } = 10;

    /// <summary>The most events one durable batch writes.</summary>
    public int MaxBatch { get; set; } = 512;
}
