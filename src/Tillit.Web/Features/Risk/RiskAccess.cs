using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Access;
using Tillit.Domain.Risks;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Risk;

/// <summary>
/// Who may do what with a risk analysis. Reading: risks.read for any system the analysis covers (the system's owner,
/// or organisation-wide: the security officer, the IT manager, the director). Changing: risks.manage for every system
/// it covers. Accepting a residual risk: the director, or a system owner of a covered system within the
/// organisation's acceptance criteria (<see cref="Tillit.Domain.Risks.RiskSettings.MayAccept"/>).
/// </summary>
public sealed class RiskAccess(TillitDbContext db, CurrentUser user, TimeProvider clock, Infrastructure.OrganisationCache cache)
{
    /// <summary>The systems of the analysis with their unit paths (for the scope checks).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Path)>> SystemsOfAsync(Guid analysisId, CancellationToken cancellationToken) =>
        (await db.RiskAnalysisSystems.AsNoTracking().Where(x => x.AnalysisId == analysisId)
            .Join(db.InformationSystems, x => x.SystemId, s => s.Id, (x, s) => new { s.Id, s.UnitId })
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { s.Id, u.Path })
            .ToListAsync(cancellationToken)).Select(x => (x.Id, x.Path)).ToList();

    public async Task<bool> MayReadAsync(IReadOnlyList<(Guid Id, string Path)> systems, CancellationToken cancellationToken)
    {
        if (await user.HasOrganisationWideAsync(Permissions.RisksRead, cancellationToken))
        {
            return true;
        }

        foreach (var (id, path) in systems)
        {
            if (await user.HasForSystemAsync(Permissions.RisksRead, id, path, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    public async Task<bool> MayManageAsync(IReadOnlyList<(Guid Id, string Path)> systems, CancellationToken cancellationToken)
    {
        if (await user.HasOrganisationWideAsync(Permissions.RisksManage, cancellationToken))
        {
            return true;
        }

        if (systems.Count == 0)
        {
            return false;
        }

        foreach (var (id, path) in systems)
        {
            if (!await user.HasForSystemAsync(Permissions.RisksManage, id, path, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The authority by which the user may accept risks of an analysis over these systems.</summary>
    public async Task<RiskAcceptor> AcceptorAsync(IReadOnlyList<(Guid Id, string Path)> systems, CancellationToken cancellationToken)
    {
        var grants = await user.GrantsAsync(cancellationToken);
        if (grants.Any(g => g.Role == Role.MunicipalDirector))
        {
            return RiskAcceptor.MunicipalDirector;
        }

        var owns = grants.Any(g => g.Role == Role.SystemOwner && systems.Any(s =>
            g.ScopeKind == ScopeKind.Organisation
            || (g.ScopeKind == ScopeKind.InformationSystem && g.ScopeId == s.Id)
            || (g.ScopeKind == ScopeKind.Unit && g.UnitPath is not null && s.Path.StartsWith(g.UnitPath, StringComparison.Ordinal))));
        return owns ? RiskAcceptor.SystemOwner : RiskAcceptor.None;
    }

    /// <summary>
    /// Keeps the analyses the user may read: all with risks.read organisation-wide, otherwise those covering a system
    /// of the user's system scopes or within their unit scopes.
    /// </summary>
    public async Task<IQueryable<RiskAnalysis>> ReadableAsync(CancellationToken cancellationToken)
    {
        var analyses = db.RiskAnalyses.AsNoTracking();
        if (await user.HasOrganisationWideAsync(Permissions.RisksRead, cancellationToken))
        {
            return analyses;
        }

        var systems = await user.SystemScopesAsync(Permissions.RisksRead, cancellationToken);
        var paths = await user.UnitScopeAsync(Permissions.RisksRead, cancellationToken) ?? [];
        var units = db.Units.WithinScope(paths).Select(u => u.Id);
        var visibleSystems = db.InformationSystems.Where(s => systems.Contains(s.Id) || (paths.Count > 0 && units.Contains(s.UnitId))).Select(s => s.Id);
        return analyses.Where(a => db.RiskAnalysisSystems.Any(x => x.AnalysisId == a.Id && visibleSystems.Contains(x.SystemId)));
    }

    /// <summary>The organisation's risk settings (defaults when it has none of its own).</summary>
    public async Task<RiskSettings> SettingsAsync(CancellationToken cancellationToken) =>
        await db.RiskSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? RiskSettings.DefaultFor(db.CurrentOrganisationId ?? Guid.Empty);

    /// <summary>
    /// The settings as pages show them (bands, the age of an analysis): kept by the organisation cache until they are
    /// saved, so a system's page does not ask for them each time. Whoever judges an acceptance or a save reads
    /// <see cref="SettingsAsync"/> afresh; the value returned here is shared and must not be changed.
    /// </summary>
    public Task<RiskSettings> SettingsForReadingAsync(CancellationToken cancellationToken) =>
        db.CurrentOrganisationId is { } organisationId
            ? cache.GetOrCreateAsync(typeof(RiskSettings), "risk-settings", organisationId, () => SettingsAsync(cancellationToken))
            : SettingsAsync(cancellationToken);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
