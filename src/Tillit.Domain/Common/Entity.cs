namespace Tillit.Domain.Common;

/// <summary>A record that belongs to exactly one organisation (tenant).</summary>
public interface IOrganisationOwned
{
    Guid OrganisationId { get; }
}

/// <summary>
/// Base of every editable record: a sortable id, its organisation and a version
/// used for optimistic concurrency (a stale edit is refused, never silently applied).
/// </summary>
public abstract class Entity : IOrganisationOwned
{
    protected Entity()
    {
    }

    protected Entity(Guid organisationId)
    {
        Id = Guid.CreateVersion7();
        OrganisationId = organisationId;
    }

    public Guid Id { get; protected set; }

    public Guid OrganisationId { get; protected set; }

    /// <summary>Incremented on every save; the concurrency token.</summary>
    public int Version { get; set; }
}

/// <summary>Raised when a rule of the domain refuses an operation; carries a resource key for the message.</summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string messageKey, string? field = null)
        : base(messageKey)
    {
        MessageKey = messageKey;
        Field = field;
    }

    public DomainRuleException()
        : this("Error.Rule")
    {
    }

    public DomainRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        MessageKey = message;
    }

    public string MessageKey { get; } = "Error.Rule";

    public string? Field { get; }
}
