using System.Globalization;
using Tillit.Domain.Measures;
using Tillit.Domain.Requirements;

namespace Tillit.Web.Infrastructure.Bench;

/// <summary>
/// The large municipality's requirement catalogue (the starting one), the assessments of the generated systems
/// (four in five of each system's selected requirements assessed: mostly met, some partly, some not met, a few
/// not applicable) and the action plan: 40 measures per system (100,000 for 2,500 systems), the gaps first,
/// the rest of other origins, spread over owners, due dates a year around today and every status.
/// Deterministic for a given register, apart from the ids.
/// </summary>
internal sealed class BenchActionPlan
{
    public const int MeasuresPerSystem = 40;

    private static readonly string[] MeasureKinds =
    [
        "Se över behörigheter", "Prova återläsning", "Inför tvåfaktorsinloggning", "Uppdatera avtal", "Granska loggar", "Öva kontinuitetsplan",
        "Installera säkerhetsuppdateringar", "Utbilda användare", "Kryptera säkerhetskopior", "Dokumentera driftrutiner",
    ];

    private readonly Random _random = new(1742);

    public List<Requirement> Requirements { get; } = [];

    public List<RequirementAssessment> Assessments { get; } = [];

    public List<Measure> Measures { get; } = [];

    public static BenchActionPlan Build(BenchPlan plan, BenchRegister register)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(register);
        var result = new BenchActionPlan();
        result.BuildFrom(plan, register);
        return result;
    }

    private void BuildFrom(BenchPlan plan, BenchRegister register)
    {
        var org = plan.Organisation.Id;
        Requirements.AddRange(StartingCatalogue.For(org));
        var ownerOf = register.Owners.ToDictionary(o => o.ScopeId!.Value, o => o.PersonId);
        var director = plan.People[0].Id;
        var gaps = new List<(Guid SystemId, Guid UnitId, Requirement Requirement, string How)>();
        foreach (var system in register.Systems)
        {
            var assessor = ownerOf.TryGetValue(system.Id, out var o) ? o : director;
            foreach (var requirement in Requirement.SelectFor(Requirements, system.ProtectionNeed))
            {
                if (_random.Next(5) == 0)
                {
                    continue;
                }

                var status = _random.Next(100) switch
                {
                    < 60 => AssessmentStatus.Met,
                    < 80 => AssessmentStatus.PartlyMet,
                    < 95 => AssessmentStatus.NotMet,
                    _ => AssessmentStatus.NotApplicable,
                };
                var how = status switch
                {
                    AssessmentStatus.Met => "Uppfylls enligt förvaltningens rutin",
                    AssessmentStatus.PartlyMet => "Uppfylls för en del av användarna",
                    AssessmentStatus.NotMet => "Saknas i dag",
                    _ => "Inte tillämpligt för systemet",
                };
                Assessments.Add(new RequirementAssessment(org, system.Id, requirement.Id, status, how, assessor, plan.Today.AddDays(-_random.Next(300))));
                if (status is AssessmentStatus.NotMet or AssessmentStatus.PartlyMet)
                {
                    gaps.Add((system.Id, system.UnitId, requirement, how));
                }
            }
        }

        var total = register.Systems.Count * MeasuresPerSystem;
        var people = plan.People;
        for (var i = 0; i < total; i++)
        {
            Measure measure;
            var created = plan.Today.AddDays(-_random.Next(400));
            var due = plan.Today.AddDays(_random.Next(-200, 200));
            if (i < gaps.Count)
            {
                var (systemId, unitId, requirement, how) = gaps[i];
                var owner = ownerOf.TryGetValue(systemId, out var o) ? o : director;
                measure = new Measure(org, $"{requirement.Code} {requirement.Title}", how, MeasureOrigin.RequirementGap, requirement.Id, systemId, unitId, owner, due, created);
            }
            else
            {
                var system = register.Systems[_random.Next(register.Systems.Count)];
                var origin = (MeasureOrigin)(1 + _random.Next(7));
                var owner = people[_random.Next(people.Count)].Id;
                measure = new Measure(
                    org,
                    string.Create(CultureInfo.InvariantCulture, $"{MeasureKinds[_random.Next(MeasureKinds.Length)]} {i + 1}"),
                    "Åtgärd i den genererade handlingsplanen",
                    origin,
                    origin == MeasureOrigin.Other ? null : Guid.CreateVersion7(),
                    system.Id,
                    system.UnitId,
                    owner,
                    due,
                    created);
            }

            // Half open, the rest done, verified or cancelled.
            switch (_random.Next(10))
            {
                case < 3:
                    break;
                case < 5:
                    measure.Start();
                    break;
                case < 7:
                    measure.Complete("Genomförd enligt ärende", created.AddDays(30));
                    break;
                case < 9:
                    measure.Complete("Genomförd enligt ärende", created.AddDays(30));
                    measure.Verify(director == measure.OwnerId ? people[1].Id : director, created.AddDays(40));
                    break;
                default:
                    measure.Cancel("Systemet avvecklas");
                    break;
            }

            Measures.Add(measure);
        }
    }
}
