using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Access;
using Tillit.Domain.Documents;
using Tillit.Domain.Organisations;
using Tillit.Web.Infrastructure.Audit;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Documents;

/// <summary>A document the person is asked to confirm, and by when.</summary>
public sealed record ToRead(Guid DocumentId, string Title, DocumentType Type, Guid VersionId, int VersionNumber, DateOnly DueDate, bool Overdue);

public sealed record CampaignRow(Guid Id, Guid DocumentId, string Title, int Round, int BaseNumber, AudienceKind AudienceKind, DateOnly StartedOn, DateOnly DueDate, DateOnly? ClosedOn);

/// <summary>Coverage in one unit: how many of the audience there, and how many have confirmed.</summary>
public sealed record UnitCoverage(Guid UnitId, string UnitName, int Total, int Confirmed)
{
    public int Percent => Total == 0 ? 0 : (int)Math.Round(100.0 * Confirmed / Total);
}

public sealed record Coverage(CampaignRow Campaign, IReadOnlyList<string> AudienceNames, IReadOnlyList<UnitCoverage> Units, bool OrganisationWide)
{
    public int Total => Units.Sum(u => u.Total);

    public int Confirmed => Units.Sum(u => u.Confirmed);

    public int Percent => Total == 0 ? 0 : (int)Math.Round(100.0 * Confirmed / Total);
}

public sealed record CoveragePerson(Guid Id, string Name, string UnitName, bool Confirmed);

/// <summary>
/// What each person must read, and the coverage of campaigns: the security officer and the director
/// see the whole organisation, a manager the units of their appointment (documents.coverage scope).
/// Coverage is counted in the database: one grouped query whatever the size of the audience.
/// </summary>
public sealed class AcknowledgementQueries(TillitDbContext db, CurrentUser user, AuditTrail trail, TimeProvider clock, Infrastructure.OrganisationCache cache)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The open campaigns whose audience includes the signed-in person and that they have not yet confirmed.</summary>
    public async Task<IReadOnlyList<ToRead>> ToReadAsync(CancellationToken cancellationToken)
    {
        if (user.PersonId is not { } personId || db.CurrentOrganisationId is not { } organisationId)
        {
            return [];
        }

        // What every person's list is picked from is the organisation's (open campaigns, their audiences' unit paths,
        // the current version of each document), kept until one of those records is saved; only the person's unit and
        // confirmations are read per request.
        var open = await cache.GetOrCreateAsync(OpenCampaignSources, "open-campaigns", organisationId, () => OpenCampaignsAsync(cancellationToken));
        if (open.Count == 0)
        {
            return [];
        }

        var roles = await user.RolesAsync(cancellationToken);
        var path = await db.People.Where(p => p.Id == personId).Select(p => db.Units.Where(u => u.Id == p.UnitId).Select(u => u.Path).FirstOrDefault()).FirstOrDefaultAsync(cancellationToken) ?? "-";
        var mine = open.Where(c => c.Campaign.Includes(path, roles, c.AudiencePaths)).ToList();
        var documentIds = mine.Select(c => c.Campaign.DocumentId).Distinct().ToList();
        var confirmed = documentIds.Count == 0 ? [] : await db.Acknowledgements.Where(a => a.PersonId == personId && documentIds.Contains(a.DocumentId))
            .GroupBy(a => a.DocumentId).Select(g => new { g.Key, Highest = g.Max(a => a.VersionNumber) })
            .ToDictionaryAsync(x => x.Key, x => x.Highest, cancellationToken);
        var today = Today;
        return mine.Where(c => c.Current is not null && !(confirmed.TryGetValue(c.Campaign.DocumentId, out var highest) && c.Campaign.Counts(highest)))
            .GroupBy(c => c.Campaign.DocumentId)
            .Select(g =>
            {
                var due = g.Min(c => c.Campaign.DueDate);
                var d = g.First().Current!;
                return new ToRead(d.DocumentId, d.Title, d.Type, d.VersionId, d.Number, due, due < today);
            })
            .OrderBy(r => r.DueDate).ThenBy(r => r.Title)
            .ToList();
    }

    private static readonly Type[] OpenCampaignSources = [typeof(AcknowledgementCampaign), typeof(CampaignAudience), typeof(Unit), typeof(DocumentVersion), typeof(GoverningDocument)];

    /// <summary>An open campaign with its audience's unit paths and its document's current version (null when none is current).</summary>
    private sealed record OpenCampaign(AcknowledgementCampaign Campaign, IReadOnlyList<string> AudiencePaths, CurrentVersion? Current);

    private sealed record CurrentVersion(Guid DocumentId, string Title, DocumentType Type, Guid VersionId, int Number);

    private async Task<IReadOnlyList<OpenCampaign>> OpenCampaignsAsync(CancellationToken cancellationToken)
    {
        var open = await db.AcknowledgementCampaigns.AsNoTracking().Include(c => c.Audience)
            .Where(c => c.ClosedOn == null)
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return [];
        }

        var unitIds = open.SelectMany(c => c.Audience).Where(a => a.UnitId != null).Select(a => a.UnitId!.Value).Distinct().ToList();
        var paths = unitIds.Count == 0 ? [] : await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Path, cancellationToken);
        var documentIds = open.Select(c => c.DocumentId).Distinct().ToList();
        var current = await db.DocumentVersions.Where(v => documentIds.Contains(v.DocumentId) && v.Status == DocumentStatus.Current)
            .Join(db.Documents, v => v.DocumentId, d => d.Id, (v, d) => new CurrentVersion(d.Id, d.Title, d.Type, v.Id, v.Number))
            .ToDictionaryAsync(x => x.DocumentId, cancellationToken);
        return open.Select(c => new OpenCampaign(
                c,
                c.Audience.Where(a => a.UnitId is { } u && paths.ContainsKey(u)).Select(a => paths[a.UnitId!.Value]).ToList(),
                current.GetValueOrDefault(c.DocumentId)))
            .ToList();
    }

    /// <summary>
    /// The open campaigns' audience and confirmations per unit, summed over the campaigns, within the reader's
    /// documents.coverage scope: per campaign the same counts as the campaign's own coverage. The organisation's sums
    /// are computed in five queries whatever the number of campaigns (the open campaigns, the units, the active people
    /// per unit, the holders of the role campaigns' roles per unit, and the confirming people per campaign and unit)
    /// and kept until a record they come from is saved; the reader's scope is applied to them per request.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, (int Asked, int Confirmed)>> OpenCoverageByUnitAsync(CancellationToken cancellationToken)
    {
        var scope = await user.UnitScopeAsync(Permissions.DocumentsCoverage, cancellationToken);
        if (scope is { Count: 0 } || db.CurrentOrganisationId is not { } organisationId)
        {
            return new Dictionary<Guid, (int Asked, int Confirmed)>();
        }

        var sums = await cache.GetOrCreateAsync(OpenCoverageSources, "open-coverage-by-unit", organisationId, () => OpenCoverageAsync(organisationId, cancellationToken));
        if (scope is null)
        {
            return sums;
        }

        var inScope = await db.Units.WithinScope(scope).Select(u => u.Id).ToListAsync(cancellationToken);
        return inScope.Where(sums.ContainsKey).ToDictionary(id => id, id => sums[id]);
    }

    private static readonly Type[] OpenCoverageSources =
        [typeof(Acknowledgement), typeof(AcknowledgementCampaign), typeof(CampaignAudience), typeof(Person), typeof(Unit), typeof(RoleAssignment)];

    private async Task<Dictionary<Guid, (int Asked, int Confirmed)>> OpenCoverageAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var sums = new Dictionary<Guid, (int Asked, int Confirmed)>();
        var open = await cache.GetOrCreateAsync(OpenCampaignSources, "open-campaigns", organisationId, () => OpenCampaignsAsync(cancellationToken));
        if (open.Count == 0)
        {
            return sums;
        }

        var today = Today;
        var openIds = open.Select(c => c.Campaign.Id).ToList();
        var roleIds = open.Where(c => c.Campaign.AudienceKind == AudienceKind.Roles).Select(c => c.Campaign.Id).ToList();
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Path }).ToListAsync(cancellationToken);
        var people = await Shared.AudienceCounts.ActivePeopleAsync(db, cancellationToken);
        var holders = roleIds.Count == 0 ? [] : await Shared.AudienceCounts.RoleHoldersAsync(
            db, db.CampaignAudiences.Where(au => roleIds.Contains(au.CampaignId)).Select(au => new Shared.AudienceRole { OwnerId = au.CampaignId, Role = au.Role }), today, cancellationToken);

        // A confirmation counts for a campaign of its document when its version is the round's or later, and, in a
        // campaign for roles, when the person holds one of the roles today. Those outside a unit campaign's units are
        // counted here but left out below, with their units.
        var confirmed = (await db.Acknowledgements.AsNoTracking()
                .Join(db.AcknowledgementCampaigns.Where(c => openIds.Contains(c.Id)), a => a.DocumentId, c => c.DocumentId, (a, c) => new { CampaignId = c.Id, c.AudienceKind, c.BaseNumber, a.VersionNumber, a.PersonId })
                .Where(x => x.VersionNumber >= x.BaseNumber)
                .Where(x => x.AudienceKind != AudienceKind.Roles || db.CampaignAudiences.Any(au => au.CampaignId == x.CampaignId && au.Role != null
                    && db.RoleAssignments.Any(r => r.PersonId == x.PersonId && r.Role == au.Role && r.ValidFrom <= today && (r.ValidTo == null || r.ValidTo >= today))))
                .Select(x => new { x.CampaignId, x.PersonId })
                .Distinct()
                .Join(db.People.Where(p => p.IsActive), x => x.PersonId, p => p.Id, (x, p) => new { x.CampaignId, p.UnitId })
                .GroupBy(x => new { x.CampaignId, x.UnitId })
                .Select(g => new { g.Key.CampaignId, g.Key.UnitId, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(x => (x.CampaignId, x.UnitId), x => x.Count);

        foreach (var (campaign, paths, _) in open)
        {
            foreach (var unit in units)
            {
                if (campaign.AudienceKind == AudienceKind.Units && !paths.Any(p => unit.Path.StartsWith(p, StringComparison.Ordinal)))
                {
                    continue;
                }

                var asked = campaign.AudienceKind == AudienceKind.Roles ? holders.GetValueOrDefault((campaign.Id, unit.Id)) : people.GetValueOrDefault(unit.Id);
                if (asked > 0)
                {
                    var (a, c) = sums.GetValueOrDefault(unit.Id);
                    sums[unit.Id] = (a + asked, c + confirmed.GetValueOrDefault((campaign.Id, unit.Id)));
                }
            }
        }

        return sums;
    }

    public async Task<Paged<CampaignRow>> CampaignsAsync(bool openOnly, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.AcknowledgementCampaigns.AsNoTracking();
        if (openOnly)
        {
            query = query.Where(c => c.ClosedOn == null);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(c => c.StartedOn).ThenByDescending(c => c.Id)
            .Skip((page.SafePage - 1) * page.SafeSize).Take(page.SafeSize)
            .Select(c => new CampaignRow(c.Id, c.DocumentId, db.Documents.Where(d => d.Id == c.DocumentId).Select(d => d.Title).FirstOrDefault() ?? string.Empty, c.Round, c.BaseNumber, c.AudienceKind, c.StartedOn, c.DueDate, c.ClosedOn))
            .ToListAsync(cancellationToken);
        return new Paged<CampaignRow>(items, total, page.SafePage, page.SafeSize, "started", true);
    }

    /// <summary>Coverage per unit within the caller's scope; NotFound for another organisation's campaign.</summary>
    public async Task<Outcome<Coverage>> CoverageAsync(Guid campaignId, CancellationToken cancellationToken)
    {
        var found = await FindAsync(campaignId, cancellationToken);
        if (found is null)
        {
            return Outcome<Coverage>.NotFound();
        }

        var (campaign, row, audienceNames) = found.Value;
        var scope = await user.UnitScopeAsync(Permissions.DocumentsCoverage, cancellationToken);
        if (scope is { Count: 0 })
        {
            return Outcome<Coverage>.Forbidden();
        }

        // The whole organisation's coverage (a reader without a unit scope) reads every person of the audience: kept
        // until an acknowledgement, a person or the audience changes.
        async Task<List<UnitCoverage>> CountAsync()
        {
            var people = await AudienceAsync(campaign, scope, cancellationToken);
            var confirmed = ConfirmedIds(campaign);
            return await people
                .GroupBy(x => new { x.Unit.Id, x.Unit.Name })
                .Select(g => new UnitCoverage(
                    g.Key.Id,
                    g.Key.Name,
                    g.Count(),
                    g.Count(x => confirmed.Contains(x.Person.Id))))
                .ToListAsync(cancellationToken);
        }

        var units = scope is null && db.CurrentOrganisationId is { } organisationId
            ? await cache.GetOrCreateAsync(OpenCoverageSources, string.Join('|', "campaign-coverage", campaignId, Today.DayNumber), organisationId, CountAsync)
            : await CountAsync();
        return Outcome<Coverage>.Ok(new Coverage(row, audienceNames, units.OrderBy(u => u.UnitName, StringComparer.CurrentCulture).ToList(), scope is null));
    }

    /// <summary>The people of the audience within scope, with whether they confirmed; a protected list (audited).</summary>
    public async Task<Outcome<Paged<CoveragePerson>>> PeopleAsync(Guid campaignId, bool? confirmed, Guid? unitId, PageRequest page, CancellationToken cancellationToken)
    {
        var found = await FindAsync(campaignId, cancellationToken);
        if (found is null)
        {
            return Outcome<Paged<CoveragePerson>>.NotFound();
        }

        var campaign = found.Value.Campaign;
        var scope = await user.UnitScopeAsync(Permissions.DocumentsCoverage, cancellationToken);
        if (scope is { Count: 0 })
        {
            return Outcome<Paged<CoveragePerson>>.Forbidden();
        }

        var confirmedIds = ConfirmedIds(campaign);
        var rows = (await AudienceAsync(campaign, scope, cancellationToken))
            .Select(x => new
            {
                x.Person.Id,
                x.Person.Name,
                UnitId = x.Unit.Id,
                UnitName = x.Unit.Name,
                Confirmed = confirmedIds.Contains(x.Person.Id),
            });
        if (unitId is { } uid)
        {
            rows = rows.Where(r => r.UnitId == uid);
        }

        if (confirmed is { } c)
        {
            rows = rows.Where(r => r.Confirmed == c);
        }

        // Counting the confirmed or unconfirmed among the 50,000 people of an organisation-wide campaign on every page
        // cost more than the page: the total is kept until an acknowledgement, a person or the audience changes.
        var total = db.CurrentOrganisationId is { } organisationId
            ? (await cache.GetOrCreateAsync(OpenCoverageSources, string.Join('|', "campaign-people", campaignId, confirmed, unitId, scope is null ? "*" : string.Join(';', scope), Today.DayNumber), organisationId, async () =>
                new System.Runtime.CompilerServices.StrongBox<int>(await rows.CountAsync(cancellationToken)))).Value
            : await rows.CountAsync(cancellationToken);
        var items = await rows.OrderBy(r => r.Name).ThenBy(r => r.Id)
            .Skip((page.SafePage - 1) * page.SafeSize).Take(page.SafeSize)
            .Select(r => new CoveragePerson(r.Id, r.Name, r.UnitName, r.Confirmed))
            .ToListAsync(cancellationToken);
        await trail.RecordListAsync(AuditTrail.Protected.Person, $"coverage={campaignId};confirmed={confirmed};unit={unitId};page={page.SafePage}", items.Count);
        return Outcome<Paged<CoveragePerson>>.Ok(new Paged<CoveragePerson>(items, total, page.SafePage, page.SafeSize, "name", false));
    }

    /// <summary>
    /// The people who confirmed the campaign's document at its round's version or later, as one set the audience is
    /// matched against. Looked up person by person, SQLite chose the index of each person's acknowledgements and read
    /// twenty of them for each of 50,000 people: over a second a view.
    /// </summary>
    private IQueryable<Guid> ConfirmedIds(AcknowledgementCampaign campaign)
    {
        var documentId = campaign.DocumentId;
        var baseNumber = campaign.BaseNumber;
        return db.Acknowledgements.Where(a => a.DocumentId == documentId && a.VersionNumber >= baseNumber).Select(a => a.PersonId);
    }

    private async Task<(AcknowledgementCampaign Campaign, CampaignRow Row, IReadOnlyList<string> AudienceNames)?> FindAsync(Guid campaignId, CancellationToken cancellationToken)
    {
        var campaign = await db.AcknowledgementCampaigns.AsNoTracking().Include(c => c.Audience).FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var title = await db.Documents.Where(d => d.Id == campaign.DocumentId).Select(d => d.Title).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
        var unitIds = campaign.Audience.Where(a => a.UnitId != null).Select(a => a.UnitId!.Value).ToList();
        var names = unitIds.Count == 0
            ? campaign.Audience.Where(a => a.Role != null).Select(a => a.Role!.Value.ToString()).ToList()
            : await db.Units.Where(u => unitIds.Contains(u.Id)).OrderBy(u => u.Name).Select(u => u.Name).ToListAsync(cancellationToken);
        var row = new CampaignRow(campaign.Id, campaign.DocumentId, title, campaign.Round, campaign.BaseNumber, campaign.AudienceKind, campaign.StartedOn, campaign.DueDate, campaign.ClosedOn);
        return (campaign, row, names);
    }

    private Task<IQueryable<PersonInUnit>> AudienceAsync(AcknowledgementCampaign campaign, IReadOnlyList<string>? scope, CancellationToken cancellationToken) =>
        AudienceAsync(db, campaign, scope, Today, cancellationToken);

    /// <summary>The active people of the campaign's audience with their units, within the scope (null: the whole organisation).</summary>
    internal static async Task<IQueryable<PersonInUnit>> AudienceAsync(TillitDbContext db, AcknowledgementCampaign campaign, IReadOnlyList<string>? scope, DateOnly today, CancellationToken cancellationToken)
    {
        var units = db.Units.AsNoTracking().WithinScope(scope);
        if (campaign.AudienceKind == AudienceKind.Units)
        {
            var ids = campaign.Audience.Where(a => a.UnitId != null).Select(a => a.UnitId!.Value).ToList();
            var paths = await db.Units.Where(u => ids.Contains(u.Id)).Select(u => u.Path).ToListAsync(cancellationToken);
            units = units.WithinScope(paths);
        }

        var people = db.People.AsNoTracking().Where(p => p.IsActive);
        if (campaign.AudienceKind == AudienceKind.Roles)
        {
            var roles = campaign.Audience.Where(a => a.Role != null).Select(a => a.Role!.Value).ToList();
            people = people.Where(p => db.RoleAssignments.Any(a => a.PersonId == p.Id && roles.Contains(a.Role) && a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today)));
        }

        return people.Join(units, p => p.UnitId, u => u.Id, (p, u) => new PersonInUnit { Person = p, Unit = u });
    }

    /// <summary>A person with their unit (a class, so EF can translate member access on it).</summary>
    internal sealed class PersonInUnit
    {
        public Person Person { get; init; } = default!;

        public Unit Unit { get; init; } = default!;
    }
}
