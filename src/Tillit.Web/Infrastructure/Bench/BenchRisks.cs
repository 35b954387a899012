using System.Globalization;
using Tillit.Domain.Access;
using Tillit.Domain.Measures;
using Tillit.Domain.Register;
using Tillit.Domain.Risks;

namespace Tillit.Web.Infrastructure.Bench;

/// <summary>
/// The large municipality's risk analysis (issue 5): the shipped threat catalogue, one analysis per system on
/// average (2,500 for 2,500 systems) and ten risks per analysis (25,000). Every important system has two cycles
/// (an approved one of last year, and the current one started from it with its risks copied, a third of them
/// re-assessed); the rest go to other systems, one in ten as a process analysis over two to four systems. Of the
/// current analyses three in five are approved (some approved so long ago that they are overdue), one in five
/// under review and one in five drafts. Risks take their threat and aspects from the catalogue, likelihood and
/// consequence weighted to the middle, a treatment with residual values, an owner, and in approved analyses an
/// acceptance within the acceptor's authority; one reduced risk in three has a measure in the action plan.
/// Deterministic for a given plan and register, apart from the ids.
/// </summary>
internal sealed class BenchRisks
{
    public const int AnalysesPerSystem = 1;
    public const int RisksPerAnalysis = 10;

    private static readonly string[] Causes =
    [
        "Inloggning kräver bara lösenord", "Behörigheter ses inte över regelbundet", "Leverantören har fjärråtkomst utan loggning",
        "Rutinen för säkerhetskopiering är inte provad", "Systemet saknar reservrutin", "Bara en person kan systemet",
        "Uppdateringar görs sällan", "Användarna har inte fått utbildning", "Utskrifter hämtas i en öppen skrivare",
        "Informationen skickas med vanlig e-post", "Serverrummet delas med andra verksamheter", "Avtalet saknar krav på informationssäkerhet",
    ];

    private static readonly string[] Effects =
    [
        "uppgifter om enskilda röjs för obehöriga", "verksamheten står still i flera dagar", "beslut fattas på felaktiga uppgifter",
        "kommunen bryter mot dataskyddsförordningen", "förtroendet för kommunen skadas", "handläggningen försenas och enskilda drabbas",
        "det går inte att se vem som ändrat uppgifterna", "kostnader för återställning och skadestånd",
    ];

    private static readonly string[] Notes =
    [
        "Tvåfaktorsinloggning för alla användare", "Behörighetsgenomgång två gånger per år", "Prova återläsning varje halvår",
        "Skriftlig reservrutin på papper", "Utbilda ersättare", "Krav på loggning i avtalet", "Krypterad e-post för känsliga uppgifter",
    ];

    private static readonly int[] LikelihoodWeights = [15, 40, 30, 15];
    private static readonly int[] ConsequenceWeights = [10, 30, 35, 25];

    private readonly Random _random = new(5150);

    public List<Threat> Threats { get; } = [];

    public List<RiskAnalysis> Analyses { get; } = [];

    public List<RiskAnalysisSystem> AnalysisSystems { get; } = [];

    public List<Risk> Risks { get; } = [];

    /// <summary>Measures in the action plan that came from risks (origin Risk).</summary>
    public List<Measure> Measures { get; } = [];

    /// <summary>Each system's current analysis (the newest no later cycle replaced), which incidents mark for review.</summary>
    public Dictionary<Guid, RiskAnalysis> CurrentBySystem { get; } = [];

    public static BenchRisks Build(BenchPlan plan, BenchRegister register)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(register);
        var result = new BenchRisks();
        result.BuildFrom(plan, register);
        return result;
    }

    private void BuildFrom(BenchPlan plan, BenchRegister register)
    {
        var org = plan.Organisation.Id;
        var today = plan.Today;
        Threats.AddRange(ThreatCatalogue.For(org));
        var ownerOf = register.Owners.ToDictionary(o => o.ScopeId!.Value, o => o.PersonId);
        var names = plan.People.ToDictionary(p => p.Id, p => p.Name);
        var director = plan.People[0].Id;
        var officer = plan.Assignments.FirstOrDefault(a => a.Role == Role.SecurityOfficer)?.PersonId ?? director;
        var systems = register.Systems;
        var important = systems.Where(s => s.ImportantToOperations).ToList();
        var others = systems.Where(s => !s.ImportantToOperations).ToList();
        var total = Math.Max(1, systems.Count * AnalysesPerSystem);

        // What each analysis covers: two cycles per important system, then single and process analyses of the rest.
        var scopes = new List<(List<InformationSystem> Systems, bool TwoCycles)>();
        foreach (var system in important.Take(total / 2))
        {
            scopes.Add(([system], true));
        }

        var left = total - (scopes.Count * 2);
        var pool = others.Count > 0 ? others : systems;
        for (var i = 0; i < left; i++)
        {
            if (i % 10 == 9 && systems.Count > 1)
            {
                var covered = new HashSet<InformationSystem> { pool[i % pool.Count] };
                for (var extra = 1 + _random.Next(3); extra > 0; extra--)
                {
                    covered.Add(systems[_random.Next(systems.Count)]);
                }

                scopes.Add((covered.ToList(), false));
            }
            else
            {
                scopes.Add(([pool[i % pool.Count]], false));
            }
        }

        var counts = RiskCounts(scopes.Sum(s => s.TwoCycles ? 2 : 1), total * RisksPerAnalysis);
        var next = 0;
        foreach (var (covered, twoCycles) in scopes)
        {
            var first = covered[0];
            var owner = ownerOf.TryGetValue(first.Id, out var o) ? o : director;
            var participants = string.Create(CultureInfo.InvariantCulture, $"{names[owner]} (systemägare), {names[officer]} (informationssäkerhetssamordnare), systemförvaltare, verksamhetens företrädare");
            var title = covered.Count == 1 ? $"Riskanalys {first.Name}" : $"Riskanalys av processen kring {first.Name} och {covered.Count - 1} system till";
            RiskAnalysis? previous = null;
            List<Risk> previousRisks = [];
            if (twoCycles)
            {
                // Last cycle: analysed 13 to 24 months ago, approved within a month, now history.
                var analysedOn = today.AddDays(-395 - _random.Next(335));
                previous = new RiskAnalysis(org, title + " " + analysedOn.Year.ToString(CultureInfo.InvariantCulture), RiskAnalysisScope.System, MethodNote(), participants, analysedOn, analysedOn.AddMonths(12));
                previousRisks = AddRisks(previous, covered, counts[next++], owner, director, [], today);
                previous.SubmitForReview(previousRisks.Count);
                previous.Approve(owner, analysedOn.AddDays(7 + _random.Next(25)));
                AcceptSome(previous, previousRisks, owner, director, ownerOf.ContainsKey(first.Id));
                AddMeasures(previousRisks, first, previous, director, officer, today);
                Link(previous, covered);
            }

            // The current cycle: mostly recent, some approved so long ago that they are overdue.
            var state = _random.Next(100);
            var overdue = state < 12;
            var day = overdue ? today.AddDays(-400 - _random.Next(200)) : today.AddDays(-_random.Next(330));
            if (previous is not null && previous.ApprovedOn is { } approved && day <= approved)
            {
                day = approved.AddDays(1 + _random.Next(30));
            }

            if (day > today)
            {
                day = today;
            }

            var analysis = previous?.StartNextCycle(day, RiskSettings.DefaultMaxAgeMonths)
                ?? new RiskAnalysis(org, title + " " + day.Year.ToString(CultureInfo.InvariantCulture), covered.Count == 1 ? RiskAnalysisScope.System : RiskAnalysisScope.Process, MethodNote(), participants, day, day.AddMonths(RiskSettings.DefaultMaxAgeMonths));
            if (previous is not null)
            {
                analysis.Change(title + " " + day.Year.ToString(CultureInfo.InvariantCulture), analysis.MethodNote, analysis.Participants, day, day.AddMonths(RiskSettings.DefaultMaxAgeMonths));
            }

            var risks = AddRisks(analysis, covered, counts[next++], owner, director, previousRisks, today);
            var approvedOn = day.AddDays(5 + _random.Next(30));
            if (overdue || (state < 60 && approvedOn <= today))
            {
                analysis.SubmitForReview(risks.Count);
                analysis.Approve(owner, approvedOn > today ? today : approvedOn);
                AcceptSome(analysis, risks, owner, director, ownerOf.ContainsKey(first.Id));
            }
            else if (state < 80)
            {
                analysis.SubmitForReview(risks.Count);
            }

            if (analysis.Status != RiskAnalysisStatus.Draft)
            {
                AddMeasures(risks, first, analysis, director, officer, today);
            }

            Link(analysis, covered);
            foreach (var system in covered)
            {
                CurrentBySystem[system.Id] = analysis;
            }
        }
    }

    /// <summary>Risks per analysis, five to fifteen each, adding up to exactly <paramref name="total"/>.</summary>
    private int[] RiskCounts(int analyses, int total)
    {
        var counts = Enumerable.Range(0, analyses).Select(_ => 5 + _random.Next(11)).ToArray();
        var sum = counts.Sum();
        while (sum != total)
        {
            var i = _random.Next(analyses);
            if (sum < total && counts[i] < 20)
            {
                counts[i]++;
                sum++;
            }
            else if (sum > total && counts[i] > 2)
            {
                counts[i]--;
                sum--;
            }
        }

        return counts;
    }

    private string MethodNote() => _random.Next(3) == 0
        ? "Workshop enligt MSB:s metodstöd med utgångspunkt i klassningen och kommunens hotkatalog."
        : "Genomgång med systemförvaltningen; hot ur hotkatalogen, sannolikhet och konsekvens enligt kommunens skalor.";

    private void Link(RiskAnalysis analysis, List<InformationSystem> covered)
    {
        Analyses.Add(analysis);
        AnalysisSystems.AddRange(covered.Select(s => new RiskAnalysisSystem(analysis.OrganisationId, analysis.Id, s.Id)));
    }

    private List<Risk> AddRisks(RiskAnalysis analysis, List<InformationSystem> covered, int count, Guid owner, Guid director, List<Risk> previous, DateOnly today)
    {
        var risks = new List<Risk>(count);
        for (var i = 0; i < count; i++)
        {
            Risk risk;
            if (i < previous.Count)
            {
                // Carried over from the last cycle; a third re-assessed with new figures.
                risk = previous[i].CopyFor(analysis.Id);
                if (_random.Next(3) == 0)
                {
                    risk.Assess(risk.ThreatId, risk.Cause, risk.Event, risk.Effect, risk.Aspects, Weighted(LikelihoodWeights), Weighted(ConsequenceWeights));
                    Treat(risk, analysis, owner, director);
                }
            }
            else
            {
                var threat = Threats[_random.Next(Threats.Count)];
                var system = covered[i % covered.Count];
                var @event = threat.Description.TrimEnd('.');
                risk = new Risk(
                    analysis.OrganisationId,
                    analysis.Id,
                    threat.Id,
                    Causes[_random.Next(Causes.Length)] + " i " + system.Name,
                    char.ToLower(@event[0], CultureInfo.GetCultureInfo("sv-SE")) + @event[1..],
                    Effects[_random.Next(Effects.Length)],
                    threat.Aspects,
                    Weighted(LikelihoodWeights),
                    Weighted(ConsequenceWeights));
                Treat(risk, analysis, owner, director);
            }

            risks.Add(risk);
        }

        Risks.AddRange(risks);
        return risks;
    }

    /// <summary>A treatment with residual values for most; a few risks of drafts are not treated yet.</summary>
    private void Treat(Risk risk, RiskAnalysis analysis, Guid owner, Guid director)
    {
        if (analysis.IsDraft && _random.Next(4) == 0)
        {
            return;
        }

        var (l, c) = (risk.Likelihood, risk.Consequence);
        var who = _random.Next(8) == 0 ? director : owner;
        var note = Notes[_random.Next(Notes.Length)];
        if (risk.Level <= 2 || (risk.Level <= 6 && _random.Next(2) == 0))
        {
            risk.Treat(RiskTreatment.Accept, null, l, c, who);
        }
        else
        {
            switch (_random.Next(10))
            {
                case < 8:
                    risk.Treat(RiskTreatment.Reduce, note, Math.Max(1, l - 1 - _random.Next(2)), Math.Max(1, c - _random.Next(2)), who);
                    break;
                case 8:
                    risk.Treat(RiskTreatment.Transfer, "Försäkring och krav i avtalet med leverantören", l, Math.Max(1, c - 1), who);
                    break;
                default:
                    risk.Treat(RiskTreatment.Avoid, "Funktionen stängs av", 1, 1, who);
                    break;
            }
        }
    }

    /// <summary>Seven in ten residual risks of an approved analysis accepted, by the system owner within their band, otherwise by the director.</summary>
    private void AcceptSome(RiskAnalysis analysis, List<Risk> risks, Guid owner, Guid director, bool hasOwner)
    {
        var settings = RiskSettings.DefaultFor(analysis.OrganisationId);
        var at = analysis.ApprovedOn!.Value.ToDateTime(new TimeOnly(14, 0), DateTimeKind.Utc);
        foreach (var risk in risks)
        {
            if (risk.ResidualLevel is not { } residual || _random.Next(10) >= 7)
            {
                continue;
            }

            var byOwner = hasOwner && settings.MayAccept(RiskAcceptor.SystemOwner, settings.Bands.BandOf(residual));
            risk.Accept(byOwner ? RiskAcceptor.SystemOwner : RiskAcceptor.MunicipalDirector, byOwner ? owner : director, "Kvarvarande risk godtas efter åtgärderna; följs upp vid nästa analys.", at, settings);
        }
    }

    /// <summary>One reduced risk in three sent to the action plan; the older ones mostly done, half of those verified by the security officer.</summary>
    private void AddMeasures(List<Risk> risks, InformationSystem system, RiskAnalysis analysis, Guid director, Guid verifier, DateOnly today)
    {
        var created = analysis.ApprovedOn ?? analysis.AnalysedOn;
        foreach (var risk in risks.Where(r => r.Treatment == RiskTreatment.Reduce))
        {
            if (_random.Next(3) != 0)
            {
                continue;
            }

            var owner = risk.OwnerId ?? director;
            var title = "Åtgärda: " + risk.Event;
            var measure = new Measure(
                risk.OrganisationId,
                title.Length > Measure.TitleLength ? title[..Measure.TitleLength] : title,
                risk.TreatmentNote ?? string.Empty,
                MeasureOrigin.Risk,
                risk.Id,
                system.Id,
                system.UnitId,
                owner,
                created.AddDays(60 + _random.Next(120)),
                created);
            var age = today.DayNumber - created.DayNumber;
            if (age > 200 && _random.Next(4) != 0)
            {
                measure.Complete("Genomförd; se ärendet i diariet.", created.AddDays(30 + _random.Next(120)));
                if (_random.Next(2) == 0)
                {
                    measure.Verify(owner == verifier ? director : verifier, created.AddDays(160));
                }
            }
            else if (_random.Next(2) == 0)
            {
                measure.Start();
            }

            Measures.Add(measure);
        }
    }

    private int Weighted(int[] weights)
    {
        var roll = _random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if (roll < weights[i])
            {
                return i + 1;
            }

            roll -= weights[i];
        }

        return weights.Length;
    }
}
