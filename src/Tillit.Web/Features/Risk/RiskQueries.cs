using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Data.Audit;
using Tillit.Domain.Measures;
using Tillit.Domain.Risks;
using Tillit.Web.Infrastructure.Audit;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Risk;

/// <summary>The list of analyses' filters.</summary>
/// <param name="Q">Part of the title.</param>
/// <param name="System">Only analyses covering this system.</param>
/// <param name="Status">Draft, UnderReview or Approved.</param>
/// <param name="ReviewNeeded">Only analyses marked for review.</param>
public sealed record RiskAnalysisFilter(string? Q = null, Guid? System = null, RiskAnalysisStatus? Status = null, bool ReviewNeeded = false);

public sealed record RiskAnalysisRow(Guid Id, string Title, RiskAnalysisScope Scope, RiskAnalysisStatus Status, DateOnly AnalysedOn, DateOnly? ApprovedOn, DateOnly NextReviewOn, bool ReviewNeeded, string? SystemName, int SystemCount, int RiskCount, bool Superseded);

public sealed record SystemRef(Guid Id, string Name);

public sealed record HeatCell(int Likelihood, int Consequence, int Count);

/// <summary>One risk as lists show it; bands are the organisation's.</summary>
public sealed record RiskRow(
    Guid Id,
    Guid AnalysisId,
    string? ThreatName,
    string Cause,
    string Event,
    string Effect,
    RiskAspects Aspects,
    int Likelihood,
    int Consequence,
    int Level,
    RiskBand Band,
    RiskTreatment? Treatment,
    int? ResidualLikelihood,
    int? ResidualConsequence,
    int? ResidualLevel,
    RiskBand? ResidualBand,
    string? OwnerName,
    bool Accepted,
    int Version);

public sealed record RiskAnalysisDetails(
    Guid Id,
    string Title,
    RiskAnalysisScope Scope,
    string MethodNote,
    string Participants,
    DateOnly AnalysedOn,
    DateOnly NextReviewOn,
    RiskAnalysisStatus Status,
    string? ApprovedByName,
    DateOnly? ApprovedOn,
    bool ReviewNeeded,
    string? ReviewReason,
    Guid? PreviousAnalysisId,
    Guid? NextAnalysisId,
    IReadOnlyList<SystemRef> Systems,
    IReadOnlyList<RiskRow> Risks,
    IReadOnlyList<HeatCell> Inherent,
    IReadOnlyList<HeatCell> Residual,
    int Version);

/// <summary>An analysis as the Word document writes it: the details, the bands, and per risk what the list leaves out.</summary>
public sealed record RiskAnalysisExport(RiskAnalysisDetails Analysis, RiskBands Bands, string OrganisationName, IReadOnlyDictionary<Guid, RiskExportExtra> Extras);

/// <summary>What the Word document adds to a risk of the analysis's list.</summary>
public sealed record RiskExportExtra(string? TreatmentNote, IReadOnlyList<LinkedMeasure> Measures, string? AcceptedByName, DateTime? AcceptedAt, string? AcceptanceReason, RiskAcceptor? AcceptedAs);

public sealed record LinkedMeasure(Guid Id, string Title, MeasureStatus Status, DateOnly DueDate);

public sealed record RiskDetails(
    RiskRow Risk,
    string AnalysisTitle,
    RiskAnalysisStatus AnalysisStatus,
    Guid? ThreatId,
    string? TreatmentNote,
    Guid? OwnerId,
    string? AcceptedByName,
    DateTime? AcceptedAt,
    string? AcceptanceReason,
    RiskAcceptor? AcceptedAs,
    IReadOnlyList<LinkedMeasure> Measures,
    IReadOnlyList<SystemRef> Systems,
    int Version);

/// <summary>The organisation's risk register filters.</summary>
/// <param name="Q">Part of the event text.</param>
/// <param name="Likelihood">One likelihood step (with <see cref="Residual"/>: the residual one).</param>
/// <param name="Consequence">One consequence step (with <see cref="Residual"/>: the residual one).</param>
/// <param name="Residual">Filter the cell by residual rather than inherent level.</param>
/// <param name="Band">Only risks whose inherent level is in this band.</param>
/// <param name="Treatment">Only risks with this treatment.</param>
/// <param name="Analysis">Only this analysis's risks.</param>
public sealed record RiskRegisterFilter(string? Q = null, int? Likelihood = null, int? Consequence = null, bool Residual = false, RiskBand? Band = null, RiskTreatment? Treatment = null, Guid? Analysis = null);

public sealed record RiskRegisterRow(Guid Id, Guid AnalysisId, string AnalysisTitle, RiskAnalysisStatus AnalysisStatus, string Event, string? ThreatName, int Level, int? ResidualLevel, RiskTreatment? Treatment, bool Accepted);

/// <summary>
/// Reads risk analyses, their risks and the organisation's risk register. Analyses are protected records: a list is
/// recorded in the audit trail as one event and an analysis or risk as a read, before the data is sent. Only the
/// current analyses (those no later cycle replaced) count in the register and the organisation's heat map.
/// </summary>
public sealed class RiskQueries(TillitDbContext db, RiskAccess access, CurrentUser user, AuditTrail trail, Infrastructure.OrganisationCache cache)
{
    public const string ProtectedType = "RiskAnalysis";
    public const string ProtectedRiskType = "Risk";

    public static readonly SortColumns<RiskAnalysis> Sorts = new SortColumns<RiskAnalysis>("analysed")
        .Add("analysed", a => a.AnalysedOn)
        .Add("title", a => a.Title)
        .Add("status", a => a.Status)
        .Add("next", a => a.NextReviewOn);

    public static readonly SortColumns<Domain.Risks.Risk> RegisterSorts = new SortColumns<Domain.Risks.Risk>("level")
        .Add("level", r => r.Level)
        .Add("residual", r => r.ResidualLevel)
        .Add("event", r => r.Event);

    public async Task<Outcome<Paged<RiskAnalysisRow>>> ListAsync(RiskAnalysisFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!await user.HasAsync(Permissions.RisksRead, cancellationToken))
        {
            return Outcome<Paged<RiskAnalysisRow>>.Forbidden();
        }

        var query = await access.ReadableAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var term = filter.Q.Trim().ToLowerInvariant();
            query = query.Where(a => a.Title.ToLower().Contains(term));
        }

        if (filter.System is { } system)
        {
            query = query.Where(a => db.RiskAnalysisSystems.Any(x => x.AnalysisId == a.Id && x.SystemId == system));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (filter.ReviewNeeded)
        {
            query = query.Where(a => a.ReviewNeeded);
        }

        var result = await Sorts.PageAsync(
            query,
            page,
            a => new RiskAnalysisRow(
                a.Id,
                a.Title,
                a.Scope,
                a.Status,
                a.AnalysedOn,
                a.ApprovedOn,
                a.NextReviewOn,
                a.ReviewNeeded,
                db.RiskAnalysisSystems.Where(x => x.AnalysisId == a.Id).Join(db.InformationSystems, x => x.SystemId, s => s.Id, (x, s) => s.Name).OrderBy(n => n).FirstOrDefault(),
                db.RiskAnalysisSystems.Count(x => x.AnalysisId == a.Id),
                db.Risks.Count(r => r.AnalysisId == a.Id),
                db.RiskAnalyses.Any(n => n.PreviousAnalysisId == a.Id)),
            a => a.Id,
            cancellationToken);
        await trail.RecordListAsync(ProtectedType, $"q={filter.Q};system={filter.System};status={filter.Status};review={filter.ReviewNeeded};page={page.SafePage};sort={page.Sort}", result.Items.Count);
        return Outcome<Paged<RiskAnalysisRow>>.Ok(result);
    }

    public async Task<Outcome<RiskAnalysisDetails>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await DetailsAsync(id, cancellationToken);
        if (outcome.IsOk)
        {
            // Recorded durably before the analysis leaves the server.
            await trail.RecordReadAsync(ProtectedType, id);
        }

        return outcome;
    }

    /// <summary>
    /// The analysis with what the Word document adds to each risk (treatment note, measures, acceptance), for whoever
    /// may read the analysis. The export is recorded in the trail as one event naming the analysis and the number of
    /// risks, before the file is written.
    /// </summary>
    public async Task<Outcome<RiskAnalysisExport>> ExportAsync(Guid id, string format, CancellationToken cancellationToken)
    {
        var outcome = await DetailsAsync(id, cancellationToken);
        if (!outcome.IsOk)
        {
            return outcome.Kind == OutcomeKind.Forbidden ? Outcome<RiskAnalysisExport>.Forbidden() : Outcome<RiskAnalysisExport>.NotFound();
        }

        var details = outcome.Value!;
        var bands = (await access.SettingsForReadingAsync(cancellationToken)).Bands;
        var extras = await db.Risks.AsNoTracking().Where(r => r.AnalysisId == id)
            .Select(r => new
            {
                r.Id,
                r.TreatmentNote,
                r.AcceptedAt,
                r.AcceptanceReason,
                r.AcceptedAs,
                AcceptedBy = db.People.Where(p => p.Id == r.AcceptedById).Select(p => p.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var riskIds = extras.Select(x => x.Id).ToList();
        var measures = (await db.Measures.AsNoTracking().Where(m => m.Origin == MeasureOrigin.Risk && m.OriginId != null && riskIds.Contains(m.OriginId.Value))
            .OrderBy(m => m.DueDate).ThenBy(m => m.Id)
            .Select(m => new { RiskId = m.OriginId!.Value, Measure = new LinkedMeasure(m.Id, m.Title, m.Status, m.DueDate) })
            .ToListAsync(cancellationToken))
            .ToLookup(m => m.RiskId, m => m.Measure);
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == user.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;

        await trail.RecordAsync(AuditActions.Export, ProtectedType, id.ToString("D"), new { format, risks = details.Risks.Count });
        return Outcome<RiskAnalysisExport>.Ok(new RiskAnalysisExport(
            details,
            bands,
            organisation,
            extras.ToDictionary(
                x => x.Id,
                x => new RiskExportExtra(x.TreatmentNote, measures[x.Id].ToList(), x.AcceptedBy, x.AcceptedAt, x.AcceptanceReason, x.AcceptedAs))));
    }

    private async Task<Outcome<RiskAnalysisDetails>> DetailsAsync(Guid id, CancellationToken cancellationToken)
    {
        var a = await db.RiskAnalyses.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                Analysis = a,
                Approver = db.People.Where(p => p.Id == a.ApprovedById).Select(p => p.Name).FirstOrDefault(),
                Next = db.RiskAnalyses.Where(n => n.PreviousAnalysisId == a.Id).Select(n => (Guid?)n.Id).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (a is null)
        {
            return Outcome<RiskAnalysisDetails>.NotFound();
        }

        var systems = await access.SystemsOfAsync(id, cancellationToken);
        if (!await access.MayReadAsync(systems, cancellationToken))
        {
            return Outcome<RiskAnalysisDetails>.Forbidden();
        }

        var settings = await access.SettingsForReadingAsync(cancellationToken);
        var names = await db.RiskAnalysisSystems.AsNoTracking().Where(x => x.AnalysisId == id)
            .Join(db.InformationSystems, x => x.SystemId, s => s.Id, (x, s) => s)
            .OrderBy(s => s.Name).Select(s => new SystemRef(s.Id, s.Name)).ToListAsync(cancellationToken);
        var risks = await RowsAsync(db.Risks.AsNoTracking().Where(r => r.AnalysisId == id), settings.Bands, cancellationToken);
        var x = a.Analysis;
        return Outcome<RiskAnalysisDetails>.Ok(new RiskAnalysisDetails(
            x.Id, x.Title, x.Scope, x.MethodNote, x.Participants, x.AnalysedOn, x.NextReviewOn, x.Status, a.Approver, x.ApprovedOn, x.ReviewNeeded, x.ReviewReason,
            x.PreviousAnalysisId, a.Next, names, risks,
            risks.GroupBy(r => (r.Likelihood, r.Consequence)).Select(g => new HeatCell(g.Key.Likelihood, g.Key.Consequence, g.Count())).ToList(),
            risks.Where(r => r.ResidualLikelihood is not null).GroupBy(r => (r.ResidualLikelihood!.Value, r.ResidualConsequence!.Value)).Select(g => new HeatCell(g.Key.Item1, g.Key.Item2, g.Count())).ToList(),
            x.Version));
    }

    public async Task<Outcome<RiskDetails>> GetRiskAsync(Guid analysisId, Guid riskId, CancellationToken cancellationToken)
    {
        var r = await db.Risks.AsNoTracking().Where(r => r.Id == riskId && r.AnalysisId == analysisId)
            .Select(r => new
            {
                Risk = r,
                // Column by column: a subquery of several columns is a window over every analysis on SQLite.
                AnalysisTitle = db.RiskAnalyses.Where(a => a.Id == r.AnalysisId).Select(a => a.Title).First(),
                AnalysisStatus = db.RiskAnalyses.Where(a => a.Id == r.AnalysisId).Select(a => a.Status).First(),
                Acceptor = db.People.Where(p => p.Id == r.AcceptedById).Select(p => p.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (r is null)
        {
            return Outcome<RiskDetails>.NotFound();
        }

        var systems = await access.SystemsOfAsync(analysisId, cancellationToken);
        if (!await access.MayReadAsync(systems, cancellationToken))
        {
            return Outcome<RiskDetails>.Forbidden();
        }

        var settings = await access.SettingsForReadingAsync(cancellationToken);
        var row = (await RowsAsync(db.Risks.AsNoTracking().Where(x => x.Id == riskId), settings.Bands, cancellationToken)).Single();
        var measures = await db.Measures.AsNoTracking().Where(m => m.Origin == MeasureOrigin.Risk && m.OriginId == riskId)
            .OrderBy(m => m.DueDate).Select(m => new LinkedMeasure(m.Id, m.Title, m.Status, m.DueDate)).ToListAsync(cancellationToken);
        var names = await db.RiskAnalysisSystems.AsNoTracking().Where(x => x.AnalysisId == analysisId)
            .Join(db.InformationSystems, x => x.SystemId, s => s.Id, (x, s) => s).OrderBy(s => s.Name).Select(s => new SystemRef(s.Id, s.Name)).ToListAsync(cancellationToken);
        var x = r.Risk;
        await trail.RecordReadAsync(ProtectedRiskType, riskId);
        return Outcome<RiskDetails>.Ok(new RiskDetails(row, r.AnalysisTitle, r.AnalysisStatus, x.ThreatId, x.TreatmentNote, x.OwnerId, r.Acceptor, x.AcceptedAt, x.AcceptanceReason, x.AcceptedAs, measures, names, x.Version));
    }

    /// <summary>The organisation's risk register: the risks of its current analyses that the reader may see.</summary>
    public async Task<Outcome<Paged<RiskRegisterRow>>> RegisterAsync(RiskRegisterFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!await user.HasAsync(Permissions.RisksRead, cancellationToken))
        {
            return Outcome<Paged<RiskRegisterRow>>.Forbidden();
        }

        var settings = await access.SettingsForReadingAsync(cancellationToken);
        var query = await CurrentRisksAsync(filter.Analysis, cancellationToken);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var term = filter.Q.Trim().ToLowerInvariant();
            query = query.Where(r => r.Event.ToLower().Contains(term));
        }

        if (filter.Likelihood is { } l)
        {
            query = filter.Residual ? query.Where(r => r.ResidualLikelihood == l) : query.Where(r => r.Likelihood == l);
        }

        if (filter.Consequence is { } c)
        {
            query = filter.Residual ? query.Where(r => r.ResidualConsequence == c) : query.Where(r => r.Consequence == c);
        }

        if (filter.Band is { } band)
        {
            var (min, max) = Range(settings.Bands, band);
            query = query.Where(r => r.Level >= min && r.Level <= max);
        }

        if (filter.Treatment is { } treatment)
        {
            query = query.Where(r => r.Treatment == treatment);
        }

        // For a reader of every analysis the total is the organisation's: counting the current analyses' 25,000 risks of
        // the largest municipality on every view cost more than the page.
        var total = db.CurrentOrganisationId is { } organisationId && await user.HasOrganisationWideAsync(Permissions.RisksRead, cancellationToken)
            ? new CachedTotal(cache, RegisterSources, organisationId, string.Join('|', "risk-register", filter.Q?.Trim().ToLowerInvariant(), filter.Likelihood, filter.Consequence, filter.Residual, filter.Band, filter.Treatment, filter.Analysis))
            : null;
        var result = await RegisterSorts.PageAsync(
            query,
            page,
            r => new RiskRegisterRow(
                r.Id,
                r.AnalysisId,
                db.RiskAnalyses.Where(a => a.Id == r.AnalysisId).Select(a => a.Title).First(),
                db.RiskAnalyses.Where(a => a.Id == r.AnalysisId).Select(a => a.Status).First(),
                r.Event,
                db.Threats.Where(t => t.Id == r.ThreatId).Select(t => t.Name).FirstOrDefault(),
                r.Level,
                r.ResidualLevel,
                r.Treatment,
                r.AcceptedById != null),
            r => r.Id,
            cancellationToken,
            total);
        await trail.RecordListAsync(ProtectedRiskType, $"q={filter.Q};l={filter.Likelihood};c={filter.Consequence};residual={filter.Residual};band={filter.Band};treatment={filter.Treatment};analysis={filter.Analysis};page={page.SafePage};sort={page.Sort}", result.Items.Count);
        return Outcome<Paged<RiskRegisterRow>>.Ok(result);
    }

    /// <summary>The organisation's heat maps (inherent and residual) over the current analyses the reader may see: two grouped counts.</summary>
    public async Task<(IReadOnlyList<HeatCell> Inherent, IReadOnlyList<HeatCell> Residual)> HeatMapsAsync(CancellationToken cancellationToken)
    {
        // The organisation's maps, the same for every reader of every analysis, kept until a risk or an analysis is saved.
        if (db.CurrentOrganisationId is { } organisationId && await user.HasOrganisationWideAsync(Permissions.RisksRead, cancellationToken))
        {
            var maps = await cache.GetOrCreateAsync(RegisterSources, "risk-heat-maps", organisationId, async () => new HeatMaps(await CountHeatMapsAsync(cancellationToken)));
            return maps.Cells;
        }

        return await CountHeatMapsAsync(cancellationToken);
    }

    private sealed record HeatMaps((IReadOnlyList<HeatCell> Inherent, IReadOnlyList<HeatCell> Residual) Cells);

    // What the register's totals and heat maps are counted from.
    private static readonly Type[] RegisterSources = [typeof(Domain.Risks.Risk), typeof(RiskAnalysis), typeof(RiskAnalysisSystem), typeof(RiskSettings)];

    private async Task<(IReadOnlyList<HeatCell> Inherent, IReadOnlyList<HeatCell> Residual)> CountHeatMapsAsync(CancellationToken cancellationToken)
    {
        var risks = await CurrentRisksAsync(null, cancellationToken);
        var inherent = await risks.GroupBy(r => new { r.Likelihood, r.Consequence })
            .Select(g => new HeatCell(g.Key.Likelihood, g.Key.Consequence, g.Count())).ToListAsync(cancellationToken);
        var residual = await risks.Where(r => r.ResidualLikelihood != null && r.ResidualConsequence != null)
            .GroupBy(r => new { r.ResidualLikelihood, r.ResidualConsequence })
            .Select(g => new HeatCell(g.Key.ResidualLikelihood!.Value, g.Key.ResidualConsequence!.Value, g.Count())).ToListAsync(cancellationToken);
        return (inherent, residual);
    }

    /// <summary>The active threats, for choosing one.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Code, string Name, string NameEn)>> ThreatChoicesAsync(Guid? keep, CancellationToken cancellationToken) =>
        (await db.Threats.AsNoTracking().Where(t => t.IsActive || t.Id == keep).OrderBy(t => t.Code)
            .Select(t => new { t.Id, t.Code, t.Name, t.NameEn }).ToListAsync(cancellationToken))
            .Select(t => (t.Id, t.Code, t.Name, t.NameEn)).ToList();

    public static (int Min, int Max) Range(RiskBands bands, RiskBand band) => band switch
    {
        RiskBand.Low => (1, bands.LowMax),
        RiskBand.Medium => (bands.LowMax + 1, bands.MediumMax),
        RiskBand.High => (bands.MediumMax + 1, bands.HighMax),
        _ => (bands.HighMax + 1, 16),
    };

    private async Task<IQueryable<Domain.Risks.Risk>> CurrentRisksAsync(Guid? analysis, CancellationToken cancellationToken)
    {
        var analyses = await access.ReadableAsync(cancellationToken);
        analyses = analysis is { } only
            ? analyses.Where(a => a.Id == only)
            : analyses.Where(a => !db.RiskAnalyses.Any(n => n.PreviousAnalysisId == a.Id));
        var ids = analyses.Select(a => a.Id);
        return db.Risks.AsNoTracking().Where(r => ids.Contains(r.AnalysisId));
    }

    private async Task<List<RiskRow>> RowsAsync(IQueryable<Domain.Risks.Risk> risks, RiskBands bands, CancellationToken cancellationToken)
    {
        var rows = await risks.OrderByDescending(r => r.Level).ThenBy(r => r.Id)
            .Select(r => new
            {
                Risk = r,
                Threat = db.Threats.Where(t => t.Id == r.ThreatId).Select(t => t.Name).FirstOrDefault(),
                Owner = db.People.Where(p => p.Id == r.OwnerId).Select(p => p.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(x => new RiskRow(
            x.Risk.Id, x.Risk.AnalysisId, x.Threat, x.Risk.Cause, x.Risk.Event, x.Risk.Effect, x.Risk.Aspects, x.Risk.Likelihood, x.Risk.Consequence, x.Risk.Level, bands.BandOf(x.Risk.Level),
            x.Risk.Treatment, x.Risk.ResidualLikelihood, x.Risk.ResidualConsequence, x.Risk.ResidualLevel, x.Risk.ResidualLevel is { } rl ? bands.BandOf(rl) : null, x.Owner, x.Risk.AcceptedById != null, x.Risk.Version)).ToList();
    }
}
