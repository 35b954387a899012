namespace Tillit.Web.Features.Shared;

/// <summary>Marks the current risk analysis of an information system as due for review.</summary>
public interface ISystemRiskReviewMarker
{
    Task MarkForReviewAsync(Guid organisationId, Guid systemId, string reason, CancellationToken cancellationToken);
}
