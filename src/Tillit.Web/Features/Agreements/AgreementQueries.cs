using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tillit.Data;
using Tillit.Domain.Agreements;
using Tillit.Web.Infrastructure.Audit;
using Tillit.Web.Infrastructure.Mail;

namespace Tillit.Web.Features.Agreements;

/// <summary>Which agreements a list shows besides the search. Values are used in addresses.</summary>
public enum AgreementView
{
    /// <summary>The last day to give notice falls within the reminder lead (or has passed while the agreement runs).</summary>
    NoticeSoon = 0,

    /// <summary>The agreement ends within the reminder lead.</summary>
    EndingSoon = 1,

    /// <summary>The end date has passed.</summary>
    Ended = 2,

    /// <summary>No data processing agreement is part of it.</summary>
    WithoutDataProcessing = 3,

    /// <summary>Data leaves the EU/EEA, or nobody knows whether it does.</summary>
    TransferOutsideEea = 4,
}

/// <param name="Q">Part of the supplier, title or reference.</param>
/// <param name="View">NoticeSoon, EndingSoon, Ended, WithoutDataProcessing or TransferOutsideEea.</param>
/// <param name="SystemId">Only agreements covering this system.</param>
public sealed record AgreementFilter(string? Q = null, AgreementView? View = null, Guid? SystemId = null);

public sealed record AgreementRow(Guid Id, string Supplier, string Title, string? Reference, DateOnly? NoticeBy, DateOnly? EndsOn, bool IncludesDataProcessing, ThirdCountryTransfer TransferOutsideEea, string? ResponsibleName);

public sealed record AgreementLink(Guid Id, string Name);

public sealed record AgreementDetails(
    Guid Id,
    string Supplier,
    string Title,
    string? Reference,
    string? SecurityRequirements,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    DateOnly? NoticeBy,
    bool IncludesDataProcessing,
    ThirdCountryTransfer TransferOutsideEea,
    string? TransferBasis,
    Guid? ResponsibleId,
    string? ResponsibleName,
    IReadOnlyList<AgreementLink> Systems,
    int Version);

/// <summary>The register's gaps for the start page: systems lacking a data processing agreement, notice dates near, agreements ended.</summary>
public sealed record AgreementGaps(int SystemsWithoutDataProcessing, int NoticeSoon, int Ended);

/// <summary>What a system's page shows of its agreements: the gap (not protected) and, for readers, the agreements.</summary>
public sealed record SystemAgreements(Guid SystemId, bool LacksDataProcessing, bool MayRead, bool MayCreate, IReadOnlyList<AgreementRow> Agreements);

/// <summary>
/// Reads the agreement register within the reader's scope (<see cref="AgreementAccess"/>). Agreements are
/// protected records: a detail read is recorded before it is sent and a list as one event with its row count.
/// </summary>
public sealed class AgreementQueries(TillitDbContext db, AgreementAccess access, AuditTrail trail, TimeProvider clock, IOptions<ReminderOptions> options, Infrastructure.OrganisationCache cache)
{
    public const string ProtectedType = "Agreement";

    public static readonly SortColumns<Agreement> Sorts = new SortColumns<Agreement>("supplier")
        .Add("supplier", a => a.Supplier)
        .Add("title", a => a.Title)
        .Add("notice", a => a.NoticeBy)
        .Add("ends", a => a.EndsOn);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>How many days ahead "soon" reaches: the same lead as the reminders.</summary>
    public int LeadDays => options.Value.AgreementLeadDays;

    public async Task<Paged<AgreementRow>> ListAsync(AgreementFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        var query = Filter(await access.ReadableAsync(cancellationToken), filter);
        var result = await Sorts.PageAsync(query, page, Row(), a => a.Id, cancellationToken);
        await trail.RecordListAsync(ProtectedType, $"q={filter.Q};view={filter.View};system={filter.SystemId};page={page.SafePage};sort={page.Sort}", result.Items.Count);
        return result;
    }

    /// <summary>The agreement, NotFound when not in this organisation or outside the reader's scope; the read is recorded first.</summary>
    public async Task<Outcome<AgreementDetails>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var a = await (await access.ReadableAsync(cancellationToken)).FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (a is null)
        {
            return Outcome<AgreementDetails>.NotFound();
        }

        var responsible = a.ResponsibleId is { } rid ? await db.People.Where(p => p.Id == rid).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var systems = await db.AgreementSystems.Where(x => x.AgreementId == id)
            .Join(db.InformationSystems, x => x.SystemId, s => s.Id, (x, s) => s).OrderBy(s => s.Name).Select(s => new AgreementLink(s.Id, s.Name)).ToListAsync(cancellationToken);
        await trail.RecordReadAsync(ProtectedType, id);
        return Outcome<AgreementDetails>.Ok(new AgreementDetails(
            a.Id, a.Supplier, a.Title, a.Reference, a.SecurityRequirements, a.StartsOn, a.EndsOn, a.NoticeBy, a.IncludesDataProcessing, a.TransferOutsideEea, a.TransferBasis, a.ResponsibleId, responsible, systems, a.Version));
    }

    /// <summary>The agreements section of a system's page: the gap for everyone, the agreements for those who may read them.</summary>
    /// <param name="systemId">The system.</param>
    /// <param name="unitPath">The path of the system's unit when the caller has it (the system's page), else looked up.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<SystemAgreements> ForSystemAsync(Guid systemId, string? unitPath, CancellationToken cancellationToken)
    {
        var lacks = await DataProcessingGap.Lacking(db, db.InformationSystems.AsNoTracking().Where(s => s.Id == systemId), Today).AnyAsync(cancellationToken);
        var paths = unitPath is null ? await access.PathsOfAsync([systemId], cancellationToken) : [(systemId, unitPath)];
        var mayRead = await access.MayReadAsync(paths, cancellationToken);
        var mayCreate = paths.Count > 0 && await access.MayManageAsync(paths, cancellationToken);
        if (!mayRead)
        {
            return new SystemAgreements(systemId, lacks, false, mayCreate, []);
        }

        var rows = await (await access.ReadableAsync(cancellationToken))
            // An IN list from the system's links: with EXISTS per agreement SQLite walked every agreement in supplier order.
            .Where(a => db.AgreementSystems.Where(x => x.SystemId == systemId).Select(x => x.AgreementId).Contains(a.Id))
            .OrderBy(a => a.Supplier).ThenBy(a => a.Id)
            .Take(100)
            .Select(Row())
            .ToListAsync(cancellationToken);
        await trail.RecordListAsync(ProtectedType, $"system={systemId}", rows.Count);
        return new SystemAgreements(systemId, lacks, true, mayCreate, rows);
    }

    /// <summary>The register's gaps for the start page (three counts; the agreements' counts within the reader's scope).</summary>
    public async Task<AgreementGaps> GapsAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var horizon = today.AddDays(LeadDays);
        // The organisation's count, the same for every reader: kept until a system, set, holding or agreement is saved
        // (67 ms on the large municipality, on every start page of the security officer and the director).
        var lacking = db.CurrentOrganisationId is { } organisationId
            ? (await cache.GetOrCreateAsync(LackingSources, "dpa-lacking:" + today.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), organisationId, async () =>
                new System.Runtime.CompilerServices.StrongBox<int>(await DataProcessingGap.Lacking(db, db.InformationSystems.AsNoTracking(), today).CountAsync(cancellationToken)))).Value
            : 0;
        var counts = await (await access.ReadableAsync(cancellationToken))
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Notice = g.Count(a => a.NoticeBy != null && a.NoticeBy <= horizon && (a.EndsOn == null || a.EndsOn >= today)),
                Ended = g.Count(a => a.EndsOn != null && a.EndsOn < today),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return new AgreementGaps(lacking, counts?.Notice ?? 0, counts?.Ended ?? 0);
    }

    private static readonly Type[] LackingSources =
        [typeof(Domain.Register.InformationSystem), typeof(Domain.Register.InformationSet), typeof(Domain.Register.InformationSetSystem), typeof(Agreement), typeof(AgreementSystem)];

    private System.Linq.Expressions.Expression<Func<Agreement, AgreementRow>> Row() =>
        a => new AgreementRow(a.Id, a.Supplier, a.Title, a.Reference, a.NoticeBy, a.EndsOn, a.IncludesDataProcessing, a.TransferOutsideEea, db.People.Where(p => p.Id == a.ResponsibleId).Select(p => p.Name).FirstOrDefault());

    private IQueryable<Agreement> Filter(IQueryable<Agreement> query, AgreementFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var term = filter.Q.Trim().ToLowerInvariant();
            query = query.Where(a => a.Supplier.ToLower().Contains(term) || a.Title.ToLower().Contains(term) || (a.Reference != null && a.Reference.ToLower().Contains(term)));
        }

        var today = Today;
        var horizon = today.AddDays(LeadDays);
        query = filter.View switch
        {
            AgreementView.NoticeSoon => query.Where(a => a.NoticeBy != null && a.NoticeBy <= horizon && (a.EndsOn == null || a.EndsOn >= today)),
            AgreementView.EndingSoon => query.Where(a => a.EndsOn != null && a.EndsOn >= today && a.EndsOn <= horizon),
            AgreementView.Ended => query.Where(a => a.EndsOn != null && a.EndsOn < today),
            AgreementView.WithoutDataProcessing => query.Where(a => !a.IncludesDataProcessing),
            AgreementView.TransferOutsideEea => query.Where(a => a.TransferOutsideEea != ThirdCountryTransfer.No),
            _ => query,
        };

        if (filter.SystemId is { } systemId)
        {
            query = query.Where(a => db.AgreementSystems.Any(x => x.AgreementId == a.Id && x.SystemId == systemId));
        }

        return query;
    }
}
