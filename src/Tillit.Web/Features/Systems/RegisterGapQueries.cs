using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Access;
using Tillit.Domain.Register;
using Tillit.Web.Infrastructure;

namespace Tillit.Web.Features.Systems;

/// <summary>The register's gaps at a glance: systems without an owner, sets never classified, sets past valid-until.</summary>
public sealed record RegisterGaps(int SystemsWithoutOwner, int SetsNeverClassified, int SetsStale);

/// <summary>
/// Counts the register's gaps for the start pages of the director and the security officer. Counting
/// 25,000 sets on every view of the start page is dear, so the figures are kept in the
/// <see cref="OrganisationCache"/> until a system, set, classification or appointment is saved (or a minute passes).
/// </summary>
public sealed class RegisterGapQueries(TillitDbContext db, OrganisationCache cache, TimeProvider clock)
{
    private static readonly Type[] Sources = [typeof(InformationSystem), typeof(InformationSet), typeof(Classification), typeof(RoleAssignment)];

    public async Task<RegisterGaps> CountAsync(CancellationToken cancellationToken)
    {
        if (db.CurrentOrganisationId is not { } organisationId)
        {
            return new RegisterGaps(0, 0, 0);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await cache.GetOrCreateAsync(Sources, "register-gaps|" + today.DayNumber, organisationId, async () =>
        {
            var owners = db.RoleAssignments.Where(a => a.Role == Role.SystemOwner && a.ScopeKind == ScopeKind.InformationSystem
                && a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today));
            var current = db.Classifications.Where(c => c.IsCurrent);

            // One query: the organisation row carries the three counts as subqueries (each keeps its tenant filter).
            var gaps = await db.Organisations
                .Where(o => o.Id == organisationId)
                .Select(o => new RegisterGaps(
                    db.InformationSystems.Count(s => !owners.Any(a => a.ScopeId == s.Id)),
                    db.InformationSets.Count(s => !current.Any(c => c.SetId == s.Id)),
                    current.Count(c => c.ValidUntil < today)))
                .FirstOrDefaultAsync(cancellationToken);
            return gaps ?? new RegisterGaps(0, 0, 0);
        });
    }
}
