namespace Tillit.Data;

/// <summary>
/// The organisation whose data the current unit of work may see. Unset means nothing is visible:
/// the query filter then matches no row, so a forgotten tenant fails closed.
/// </summary>
public interface ITenantContext
{
    Guid? OrganisationId { get; }
}

/// <summary>Mutable per-scope tenant, set by sign-in middleware, the API token handler or a CLI verb.</summary>
public sealed class TenantContext : ITenantContext
{
    public Guid? OrganisationId { get; private set; }

    public void Set(Guid organisationId) => OrganisationId = organisationId;
}
