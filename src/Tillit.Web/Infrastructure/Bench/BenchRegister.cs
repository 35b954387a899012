using System.Globalization;
using Tillit.Domain.Access;
using Tillit.Domain.Organisations;
using Tillit.Domain.Register;

namespace Tillit.Web.Infrastructure.Bench;

/// <summary>
/// The large municipality's register (DESIGN.md: 2,500 systems, 25,000 information sets for 50,000
/// people; smaller runs scale with the head count): systems spread over the units with a system owner for
/// nine in ten, a dependency each for most, sets held in one or two systems, nine in ten sets classified
/// (some past valid-until, some with an earlier classification as history) and every system's derived
/// protection need. Deterministic for a given plan, apart from the ids.
/// </summary>
internal sealed class BenchRegister
{
    private static readonly string[] SystemKinds =
    [
        "Verksamhetssystem", "Ärendehanteringssystem", "Journalsystem", "Elevregister", "Bokningssystem", "Diariesystem",
        "Ekonomisystem", "Lönesystem", "Kartsystem", "Fakturaportal", "E-tjänsteplattform", "Pappersarkiv", "Larmcentral", "Passersystem",
    ];

    private static readonly string[] SetKinds =
    [
        "Ärenden", "Beslut", "Journalanteckningar", "Fakturor", "Ansökningar", "Avtal", "Personalakter", "Elevuppgifter", "Kartdata",
        "Loggar", "Protokoll", "Bokningar", "Utredningar", "Anmälningar", "Betyg", "Bygglov",
    ];

    private readonly Random _random = new(4711);

    public List<InformationSystem> Systems { get; } = [];

    public List<SystemDependency> Dependencies { get; } = [];

    public List<InformationSet> Sets { get; } = [];

    public List<InformationSetSystem> Holdings { get; } = [];

    public List<Classification> Classifications { get; } = [];

    public List<RoleAssignment> Owners { get; } = [];

    public static BenchRegister Build(BenchPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var register = new BenchRegister();
        register.BuildFrom(plan);
        return register;
    }

    private void BuildFrom(BenchPlan plan)
    {
        var org = plan.Organisation.Id;
        var systemCount = Math.Max(1, plan.People.Count / 20);
        var setCount = systemCount * 10;
        var units = plan.Units.Where(u => u.Kind is UnitKind.Department or UnitKind.Section or UnitKind.Administration).ToList();
        if (units.Count == 0)
        {
            units = plan.Units;
        }

        var peopleByUnit = plan.People.ToLookup(p => p.UnitId);
        var director = plan.People[0];
        var since = plan.Today.AddYears(-1);
        for (var i = 0; i < systemCount; i++)
        {
            var unit = units[i % units.Count];
            var kind = SystemKinds[_random.Next(SystemKinds.Length)];
            var manual = kind == "Pappersarkiv";
            var system = new InformationSystem(org, string.Create(CultureInfo.InvariantCulture, $"{kind} {unit.Name} {i + 1}"), $"{kind} för {unit.Name}", unit.Id, manual ? SystemForm.Manual : SystemForm.Automated)
            {
                ImportantToOperations = _random.Next(3) == 0,
                Hosting = manual ? Hosting.NotApplicable : (Hosting)_random.Next(4),
                Lifecycle = _random.Next(20) == 0 ? Lifecycle.PhasingOut : Lifecycle.InUse,
            };
            Systems.Add(system);

            // Nine in ten have an owner: a person of the system's unit (or the director), appointed by the director.
            if (_random.Next(10) != 0)
            {
                var candidates = peopleByUnit[unit.Id].ToList();
                var owner = candidates.Count > 0 ? candidates[_random.Next(candidates.Count)] : director;
                Owners.Add(new RoleAssignment(org, owner.Id, Role.SystemOwner, ScopeKind.InformationSystem, system.Id, director.Id, string.Create(CultureInfo.InvariantCulture, $"KD 2025/{1000 + i}"), since, null));
            }

            if (i > 0 && _random.Next(4) != 0)
            {
                Dependencies.Add(new SystemDependency(org, system.Id, Systems[_random.Next(i)].Id));
            }
        }

        var ownerOf = Owners.ToDictionary(o => o.ScopeId!.Value, o => o.PersonId);
        var needs = new Dictionary<Guid, List<ProtectionNeed>>();
        for (var i = 0; i < setCount; i++)
        {
            var first = Systems[i % Systems.Count];
            var set = new InformationSet(org, string.Create(CultureInfo.InvariantCulture, $"{SetKinds[_random.Next(SetKinds.Length)]} {i + 1}"), first.UnitId)
            {
                PersonalData = (PersonalData)_random.Next(3),
                SecrecyReference = _random.Next(4) == 0 ? "OSL 26 kap. 1 §" : null,
            };
            Sets.Add(set);
            var holders = new List<InformationSystem> { first };
            if (_random.Next(5) == 0)
            {
                var second = Systems[_random.Next(Systems.Count)];
                if (second.Id != first.Id)
                {
                    holders.Add(second);
                }
            }

            foreach (var holder in holders)
            {
                Holdings.Add(new InformationSetSystem(org, set.Id, holder.Id));
            }

            // One in ten never classified; of the rest, one in eight past valid-until, one in twenty with history.
            if (_random.Next(10) == 0)
            {
                continue;
            }

            var approver = ownerOf.TryGetValue(first.Id, out var ownerId) ? ownerId : director.Id;
            var stale = _random.Next(8) == 0;
            var on = stale ? plan.Today.AddMonths(-13 - _random.Next(12)) : plan.Today.AddDays(-_random.Next(330));
            if (_random.Next(20) == 0)
            {
                var older = NewClassification(org, set.Id, approver, on.AddYears(-1));
                var newer = NewClassification(org, set.Id, approver, on);
                older.SupersedeBy(newer);
                Classifications.Add(older);
                Classifications.Add(newer);
                Track(needs, holders, newer.Levels);
            }
            else
            {
                var c = NewClassification(org, set.Id, approver, on);
                Classifications.Add(c);
                Track(needs, holders, c.Levels);
            }
        }

        foreach (var system in Systems)
        {
            system.SetProtectionNeed(needs.TryGetValue(system.Id, out var list) ? ProtectionNeed.HighestOf(list) : null);
        }
    }

    private static void Track(Dictionary<Guid, List<ProtectionNeed>> needs, List<InformationSystem> holders, ProtectionNeed levels)
    {
        foreach (var holder in holders)
        {
            if (!needs.TryGetValue(holder.Id, out var list))
            {
                needs[holder.Id] = list = [];
            }

            list.Add(levels);
        }
    }

    private Classification NewClassification(Guid org, Guid setId, Guid approverId, DateOnly on)
    {
        // Mostly low and middle levels; level 4 is rare, as in a real register.
        ConsequenceLevel Level() => (ConsequenceLevel)(_random.Next(100) switch
        {
            < 15 => 0,
            < 45 => 1,
            < 75 => 2,
            < 97 => 3,
            _ => 4,
        });
        return new Classification(
            org,
            setId,
            new ProtectionNeed(Level(), Level(), Level(), Level()),
            ("Uppgifter om enskilda", "Fel kan leda till fel beslut", "Verksamheten klarar ett avbrott en dag", "Behöver se vem som ändrat"),
            "Systemägare och verksamhetens företrädare",
            approverId,
            on,
            Classification.DefaultValidUntil(on, Classification.DefaultValidityMonths));
    }
}
