using System.Globalization;
using Tillit.Domain.Access;
using Tillit.Domain.Organisations;

namespace Tillit.Web.Infrastructure.Bench;

/// <summary>What the benchmark generator asks for.</summary>
public sealed record BenchOptions(string Code, string Town, int People, int Units)
{
    public const int DefaultPeople = 50_000;
    public const int DefaultUnits = 400;

    /// <summary>The named role holders come on top of one head per unit.</summary>
    public int MinimumPeople => Units + 10;

    public string OrganisationName => Town + (Town.EndsWith('s') ? " kommun" : "s kommun");

    public string MailDomain => BenchNames.Ascii(Town).Replace(".", string.Empty, StringComparison.Ordinal) + ".se";
}

/// <summary>A person of the plan who holds a named role and signs in with the printed password.</summary>
public sealed record BenchAccount(Role Role, string Name, string Email);

/// <summary>
/// The large municipality in memory, before it is written: the unit tree (förvaltningar → avdelningar →
/// enheter), the people spread over it with one head per unit, and every role assignment. Deterministic
/// for a given size, apart from the ids.
/// </summary>
internal sealed class BenchPlan
{
    private readonly Random _random = new(2026);
    private readonly Dictionary<string, int> _emailCounts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unitNames = new(StringComparer.Ordinal);

    private BenchPlan(BenchOptions options, Organisation organisation, DateOnly today)
    {
        Options = options;
        Organisation = organisation;
        Today = today;
    }

    public BenchOptions Options { get; }

    public Organisation Organisation { get; }

    public DateOnly Today { get; }

    public List<Unit> Units { get; } = [];

    public List<Person> People { get; } = [];

    public List<RoleAssignment> Assignments { get; } = [];

    public List<BenchAccount> Accounts { get; } = [];

    public static BenchPlan Build(BenchOptions options, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(options);
        var plan = new BenchPlan(options, new Organisation(options.OrganisationName, options.Code), today);
        plan.BuildUnits();
        plan.BuildPeople();
        return plan;
    }

    private Guid OrgId => Organisation.Id;

    private void BuildUnits()
    {
        var root = AddUnit(Options.OrganisationName, UnitKind.Organisation, null);
        var total = Options.Units;

        // Level 1: the board, the förvaltningar and the companies, as many as fit.
        var branches = BenchNames.Branches.Take(Math.Max(0, total - 1)).ToList();
        var level1 = branches.Select(b => (Branch: b, Unit: AddUnit(string.Format(CultureInfo.InvariantCulture, b.Name, Options.Town), b.Kind, root))).ToList();
        var remaining = total - Units.Count;
        var withChildren = level1.Where(x => x.Branch.Departments.Length > 0).ToList();
        if (remaining <= 0 || withChildren.Count == 0)
        {
            return;
        }

        // Level 2: about a sixth of the rest are avdelningar, spread round the förvaltningar.
        var departmentCount = Math.Max(Math.Min(withChildren.Count, remaining), remaining * 16 / 100);
        var departments = new List<(BenchNames.Branch Branch, Unit Unit)>();
        for (var i = 0; i < departmentCount; i++)
        {
            var (branch, parent) = withChildren[i % withChildren.Count];
            var round = i / withChildren.Count;
            var name = round < branch.Departments.Length
                ? branch.Departments[round]
                : branch.Departments[round % branch.Departments.Length] + " " + BenchNames.Places[(round / branch.Departments.Length) % BenchNames.Places.Length];
            departments.Add((branch, AddUnit(name, UnitKind.Department, parent)));
        }

        // Level 3: the enheter, the rest, each named after its kind and a place.
        var sectionCount = total - Units.Count;
        for (var i = 0; i < sectionCount; i++)
        {
            var (branch, parent) = departments[i % departments.Count];
            var pattern = branch.Sections[_random.Next(branch.Sections.Length)];
            var place = BenchNames.Places[_random.Next(BenchNames.Places.Length)];
            AddUnit(string.Format(CultureInfo.InvariantCulture, pattern, place), UnitKind.Section, parent);
        }
    }

    private Unit AddUnit(string name, UnitKind kind, Unit? parent)
    {
        var unique = name;
        for (var n = 2; !_unitNames.Add(unique); n++)
        {
            unique = name + " " + n.ToString(CultureInfo.InvariantCulture);
        }

        var unit = new Unit(OrgId, unique, kind, parent);
        Units.Add(unit);
        return unit;
    }

    private void BuildPeople()
    {
        var since = Today.AddYears(-1);

        // One head per unit: the municipal director heads the whole, a manager every other unit.
        foreach (var unit in Units)
        {
            var head = AddPerson(unit, HeadTitle(unit.Kind));
            if (unit.ParentId is null)
            {
                Assign(head, Role.MunicipalDirector, ScopeKind.Organisation, null, null, "KF 2025/0012", since);
                Accounts.Add(new BenchAccount(Role.MunicipalDirector, head.Name, head.Email));
            }
            else
            {
                Assign(head, Role.Manager, ScopeKind.Unit, unit.Id, People[0], "KD 2025/" + (100 + People.Count).ToString(CultureInfo.InvariantCulture), since);
            }
        }

        var director = People[0];
        var firstSectionHead = People[Units.FindIndex(u => u.Kind == UnitKind.Section) is var s and >= 0 ? s : Units.Count - 1];
        Accounts.Add(new BenchAccount(Role.Manager, firstSectionHead.Name, firstSectionHead.Email));

        // The named role holders, each in a unit that fits the role.
        (Role Role, string UnitName, string Title, ScopeKind Scope, string Decision)[] holders =
        [
            (Role.SecurityOfficer, "Säkerhetsavdelningen", "Informationssäkerhetssamordnare", ScopeKind.Organisation, "KD 2025/0031"),
            (Role.Administrator, "IT-avdelningen", "Systemadministratör", ScopeKind.Organisation, "IT 2025/0007"),
            (Role.ItManager, "IT-avdelningen", "IT-chef", ScopeKind.Organisation, "KD 2025/0032"),
            (Role.DataProtectionOfficer, "Kansliavdelningen", "Dataskyddsombud", ScopeKind.Organisation, "KS 2025/0040"),
            (Role.BoardMember, "Kommunstyrelsen", "Kommunstyrelsens ordförande", ScopeKind.Organisation, "KF 2025/0002"),
            (Role.SystemOwner, "Socialförvaltningen", "Systemägare", ScopeKind.Unit, "KD 2025/0045"),
            (Role.Employee, "Äldreomsorgen", "Undersköterska", ScopeKind.Organisation, string.Empty),
        ];
        foreach (var (role, unitName, title, scope, decision) in holders)
        {
            var unit = Units.FirstOrDefault(u => u.Name == unitName) ?? Units[0];
            var person = AddPerson(unit, title);
            if (role != Role.Employee)
            {
                Assign(person, role, scope, scope == ScopeKind.Unit ? unit.Id : null, director, decision, since);
            }

            Accounts.Add(new BenchAccount(role, person.Name, person.Email));
        }

        // Everyone else, spread with more people in the enheter than higher up.
        var weights = Units.Select(u => u.Kind switch
        {
            UnitKind.Section => 10.0,
            UnitKind.Department => 3.0,
            UnitKind.Organisation => 0.5,
            _ => 1.0,
        }).ToArray();
        var cumulative = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            cumulative[i] = sum;
        }

        while (People.Count < Options.People)
        {
            var index = Array.BinarySearch(cumulative, _random.NextDouble() * sum);
            var unit = Units[index < 0 ? Math.Min(~index, Units.Count - 1) : index];
            AddPerson(unit, BenchNames.Titles[_random.Next(BenchNames.Titles.Length)]);
        }

        // Every person is an employee of the municipality.
        foreach (var person in People)
        {
            Assign(person, Role.Employee, ScopeKind.Organisation, null, null, null, since);
        }
    }

    private Person AddPerson(Unit unit, string title)
    {
        var first = BenchNames.FirstNames[_random.Next(BenchNames.FirstNames.Length)];
        var last = BenchNames.LastNames[_random.Next(BenchNames.LastNames.Length)];
        var local = BenchNames.Ascii(first + "." + last);
        var n = _emailCounts.TryGetValue(local, out var seen) ? seen + 1 : 1;
        _emailCounts[local] = n;
        var email = (n == 1 ? local : local + n.ToString(CultureInfo.InvariantCulture)) + "@" + Options.MailDomain;
        var person = new Person(OrgId, first + " " + last, email, unit.Id)
        {
            Title = title,
            Phone = string.Create(CultureInfo.InvariantCulture, $"070-{_random.Next(100, 1000)} {_random.Next(10, 100)} {_random.Next(10, 100)}"),
        };
        People.Add(person);
        return person;
    }

    private void Assign(Person person, Role role, ScopeKind scope, Guid? scopeId, Person? by, string? decision, DateOnly from) =>
        Assignments.Add(new RoleAssignment(OrgId, person.Id, role, scope, scopeId, by?.Id, decision, from, null));

    private static string HeadTitle(UnitKind kind) => kind switch
    {
        UnitKind.Organisation => "Kommundirektör",
        UnitKind.Administration => "Förvaltningschef",
        UnitKind.Company => "Verkställande direktör",
        UnitKind.Board => "Kommunstyrelsens sekreterare",
        UnitKind.Department => "Avdelningschef",
        _ => "Enhetschef",
    };
}
