using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Documents;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Documents;

/// <summary>
/// Who may do what with one document, for the person of this request: read and write drafts, make a
/// version current. The permission catalogue grants the organisation-wide rights; the owner of a
/// document and recorded delegates get theirs per record. Loaded once per request (one query).
/// </summary>
public sealed class DocumentAccess(CurrentUser user, TillitDbContext db, TimeProvider clock)
{
    private IReadOnlySet<DecisionAuthority>? _delegated;

    public Guid? PersonId => user.PersonId;

    public async Task<IReadOnlySet<DecisionAuthority>> DelegatedAsync(CancellationToken cancellationToken)
    {
        if (_delegated is not null)
        {
            return _delegated;
        }

        if (user.PersonId is not { } personId)
        {
            return _delegated = new HashSet<DecisionAuthority>();
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var list = await db.DecisionDelegations.AsNoTracking()
            .Where(d => d.PersonId == personId && d.ValidFrom <= today && (d.ValidTo == null || d.ValidTo >= today))
            .Select(d => d.Authority)
            .ToListAsync(cancellationToken);
        return _delegated = list.ToHashSet();
    }

    /// <summary>The person as a decision maker: their roles and delegated authorities.</summary>
    public async Task<DecisionMaker?> MakerAsync(CancellationToken cancellationToken)
    {
        if (user.PersonId is not { } personId)
        {
            return null;
        }

        return new DecisionMaker(personId, await user.RolesAsync(cancellationToken), await DelegatedAsync(cancellationToken));
    }

    public async Task<bool> CanWriteAsync(Guid ownerId, CancellationToken cancellationToken) =>
        ownerId == user.PersonId || await user.HasOrganisationWideAsync(Permissions.DocumentsWrite, cancellationToken);

    /// <summary>Drafts: writers, the organisation's draft readers and anyone who may decide this type.</summary>
    public async Task<bool> CanReadDraftsAsync(DocumentType type, Guid ownerId, CancellationToken cancellationToken) =>
        await CanWriteAsync(ownerId, cancellationToken)
        || await user.HasOrganisationWideAsync(Permissions.DocumentsDrafts, cancellationToken)
        || await CanDecideAsync(type, cancellationToken);

    public async Task<bool> CanDecideAsync(DocumentType type, CancellationToken cancellationToken) =>
        await MakerAsync(cancellationToken) is { } maker && DocumentAuthority.MayMakeCurrent(type, maker);
}
