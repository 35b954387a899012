using Tillit.Web.Features.Shared;

namespace Tillit.Web.Features.Incidents;

/// <summary>
/// Until the risk analysis feature provides the real marker, an incident's affected systems are only
/// recorded on the incident (<see cref="Tillit.Domain.Incidents.IncidentSystem"/>, with the time of the
/// link), which is what the risk feature reads. Registered with TryAddScoped so the real one wins.
/// </summary>
public sealed class IncidentOnlyRiskReviewMarker : ISystemRiskReviewMarker
{
    public Task MarkForReviewAsync(Guid organisationId, Guid systemId, string reason, CancellationToken cancellationToken) => Task.CompletedTask;
}
