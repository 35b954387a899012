using System.Globalization;
using Tillit.Domain.Preparedness;
using Tillit.Domain.Register;

namespace Tillit.Web.Infrastructure.Bench;

/// <summary>
/// The large municipality's continuity work: a plan for one system in five (500 for 2,500 systems; the important
/// ones first), objectives suggested from each system's availability need, reviews spread over the next year and
/// the last two months; a crisis organisation of twelve roles; two exercises per plan (1,000), four in five held
/// over the last three years, each trying one to three plans, with one to three lessons per held exercise.
/// Deterministic for a given register, apart from the ids.
/// </summary>
internal sealed class BenchContinuity
{
    public const int SystemsPerPlan = 5;
    public const int ExercisesPerPlan = 2;

    private static readonly string[] Scenarios =
    [
        "Systemet ligger nere en hel arbetsdag efter ett fel hos leverantören.",
        "Ett utpressningsangrepp har krypterat servrarna; den senaste säkerhetskopian är från i natt.",
        "Strömavbrott i kommunhuset under ett dygn.",
        "Nätet till förvaltningen är brutet; bara mobiltelefoner fungerar.",
        "Leverantören går i konkurs och tjänsten stängs om en vecka.",
        "Nyckelpersonen för systemet är sjuk i tre veckor.",
    ];

    private static readonly string[] Lessons =
    [
        "Reservrutinen behöver skrivas ut och finnas på plats.",
        "Kontaktlistan var inaktuell; se över den varje kvartal.",
        "Återläsningen tog längre tid än målet; prova den två gånger om året.",
        "Ingen visste vem som fattar beslut om att gå över till papper.",
        "Leverantörens jourtelefon svarade inte utanför kontorstid.",
    ];

    private static readonly string[] Roles =
    [
        "Krisledningschef", "Stabschef", "Informationsansvarig", "IT-samordnare", "Säkerhetssamordnare", "Samordnare vård och omsorg",
        "Samordnare skola", "Samordnare teknik", "Lägesbildsansvarig", "Loggförare", "Kontaktperson länsstyrelsen", "Kontaktperson räddningstjänst",
    ];

    private readonly Random _random = new(4242);

    public List<ContinuityPlan> Plans { get; } = [];

    public List<CrisisRole> CrisisRoles { get; } = [];

    public List<Exercise> Exercises { get; } = [];

    public List<ExerciseSystem> ExerciseSystems { get; } = [];

    public List<ExerciseLesson> ExerciseLessons { get; } = [];

    public static BenchContinuity Build(BenchPlan plan, BenchRegister register)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(register);
        var result = new BenchContinuity();
        result.BuildFrom(plan, register);
        return result;
    }

    private void BuildFrom(BenchPlan plan, BenchRegister register)
    {
        var org = plan.Organisation.Id;
        var today = plan.Today;
        var ownerOf = register.Owners.ToDictionary(o => o.ScopeId!.Value, o => o.PersonId);
        var director = plan.People[0].Id;
        var planned = register.Systems.OrderByDescending(s => s.ImportantToOperations).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Take(Math.Max(1, register.Systems.Count / SystemsPerPlan)).ToList();
        foreach (var system in planned)
        {
            var continuity = new ContinuityPlan(org, system.Id, RecoveryObjectives.SuggestedFor(system.NeedAvailability), "Manuella blanketter; uppgifterna förs in i efterhand av enhetens samordnare.");
            continuity.Change(continuity.Objectives, continuity.FallbackRoutines, string.Create(CultureInfo.InvariantCulture, $"Leverantörens jour 010-{_random.Next(100, 999)} {_random.Next(10, 99)} 00"), _random.Next(2) == 0 ? "El, nät och inloggning" : null);
            continuity.Plan(ownerOf.TryGetValue(system.Id, out var owner) ? owner : director, today.AddDays(_random.Next(-60, 365)));
            Plans.Add(continuity);
        }

        for (var i = 0; i < Roles.Length; i++)
        {
            CrisisRoles.Add(new CrisisRole(org, Roles[i], string.Create(CultureInfo.InvariantCulture, $"{plan.People[i % plan.People.Count].Name}, 070-{_random.Next(100, 999)} {_random.Next(10, 99)} {_random.Next(10, 99)}"), null, "Mobil; ledningsrummet", i + 1));
        }

        for (var i = 0; i < planned.Count * ExercisesPerPlan; i++)
        {
            var held = _random.Next(5) != 0;
            var day = held ? today.AddDays(-_random.Next(1, 3 * 365)) : today.AddDays(_random.Next(1, 365));
            var kind = (ExerciseKind)_random.Next(3);
            var exercise = new Exercise(org, string.Create(CultureInfo.InvariantCulture, $"Övning {i + 1}: {planned[i % planned.Count].Name}"), kind, Scenarios[_random.Next(Scenarios.Length)], day, director);
            if (held)
            {
                exercise.Record(day, "Systemägaren, systemförvaltaren och leverantören", "Reservrutinen fungerade i stort; se lärdomarna.", today);
                for (var l = 0; l < 1 + _random.Next(3); l++)
                {
                    ExerciseLessons.Add(exercise.Learn(Lessons[_random.Next(Lessons.Length)]));
                }
            }

            Exercises.Add(exercise);
            var covered = new HashSet<Guid> { planned[i % planned.Count].Id };
            for (var extra = _random.Next(3); extra > 0; extra--)
            {
                covered.Add(planned[_random.Next(planned.Count)].Id);
            }

            ExerciseSystems.AddRange(covered.Select(s => new ExerciseSystem(org, exercise.Id, s)));
        }
    }
}
