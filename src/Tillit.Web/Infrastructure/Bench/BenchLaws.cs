using System.Globalization;
using Tillit.Domain.Laws;

namespace Tillit.Web.Infrastructure.Bench;

/// <summary>
/// The large municipality's legal register: the shipped starting register and generated entries up to 300 (laws,
/// ordinances and agency regulations with made-up references), each applying to one to five units and two to ten
/// systems (12,000 links or so), followed by the director with reviews spread over the next year and a few overdue;
/// compliance judged for most. Deterministic for a given plan and register, apart from the ids.
/// </summary>
internal sealed class BenchLaws
{
    public const int Count = 300;

    private static readonly (LegalKind Kind, string Prefix, string Title)[] Kinds =
    [
        (LegalKind.Law, "SFS", "Lag om verksamhet {0}"),
        (LegalKind.Ordinance, "SFS", "Förordning om tillsyn {0}"),
        (LegalKind.AgencyRegulation, "MSBFS", "Myndighetens föreskrifter om säkerhet {0}"),
        (LegalKind.AgencyRegulation, "SKOLFS", "Föreskrifter för skolväsendet {0}"),
        (LegalKind.Other, "KF", "Kommunfullmäktiges reglemente {0}"),
    ];

    private readonly Random _random = new(9031);

    public List<LegalRequirement> Laws { get; } = [];

    public List<LegalRequirementUnit> Units { get; } = [];

    public List<LegalRequirementSystem> Systems { get; } = [];

    public static BenchLaws Build(BenchPlan plan, BenchRegister register)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(register);
        var result = new BenchLaws();
        result.BuildFrom(plan, register);
        return result;
    }

    private void BuildFrom(BenchPlan plan, BenchRegister register)
    {
        var org = plan.Organisation.Id;
        var director = plan.People[0].Id;
        Laws.AddRange(StartingLegalRegister.For(org));
        for (var i = Laws.Count; i < Count; i++)
        {
            var (kind, prefix, title) = Kinds[i % Kinds.Length];
            var reference = string.Create(CultureInfo.InvariantCulture, $"{prefix} {1990 + (i % 35)}:{100 + i}");
            Laws.Add(new LegalRequirement(org, reference, kind, string.Format(CultureInfo.InvariantCulture, title, i), "Krav på dokumentation, behörighet och uppföljning inom verksamheten."));
        }

        foreach (var law in Laws)
        {
            law.Plan(director, plan.Today.AddDays(_random.Next(-30, 365)));
            var status = (ComplianceStatus)_random.Next(5);
            law.Assess(status, status is ComplianceStatus.PartlyCompliant or ComplianceStatus.NotCompliant || _random.Next(3) == 0 ? "Bedömd vid årets genomgång." : null);
            foreach (var unit in Pick(plan.Units, 1 + _random.Next(5)))
            {
                Units.Add(new LegalRequirementUnit(org, law.Id, unit.Id));
            }

            foreach (var system in Pick(register.Systems, 2 + _random.Next(9)))
            {
                Systems.Add(new LegalRequirementSystem(org, law.Id, system.Id));
            }
        }
    }

    /// <summary>Up to <paramref name="count"/> distinct items, chosen at random.</summary>
    private IEnumerable<T> Pick<T>(List<T> items, int count)
    {
        var chosen = new HashSet<int>();
        while (chosen.Count < Math.Min(count, items.Count))
        {
            chosen.Add(_random.Next(items.Count));
        }

        return chosen.Order().Select(i => items[i]);
    }
}
