using System.Globalization;
using Tillit.Domain.Access;
using Tillit.Domain.Courses;
using Tillit.Domain.Documents;

namespace Tillit.Web.Infrastructure.Bench;

/// <summary>
/// The large municipality's training: 200 courses (most for everyone, every fifth for one administration, every
/// tenth for managers; repeated every 12, 24 or 36 months or taken once) and twenty completions per person (a
/// million for 50,000 people), each course taken by an evenly spread share of the staff on days over the last
/// three years, so some are current and some have run out. Deterministic for a given plan, apart from the ids.
/// </summary>
internal sealed class BenchTraining
{
    public const int Courses = 200;
    public const int CompletionsPerPerson = 20;

    private static readonly string[] Topics =
    [
        "Grundkurs i informationssäkerhet", "Nätfiske och bedrägerier", "Lösenord och tvåfaktorsinloggning", "Sekretess och tystnadsplikt",
        "Dataskydd i vardagen", "Klassning av information", "Säker hantering av journaler", "Incidentrapportering", "Mobila enheter",
        "Utskrifter och papperskopior", "Molntjänster", "Kontinuitet och reservrutiner",
    ];

    private static readonly int?[] Repeats = [12, 12, 24, 36, null];

    private readonly Random _random = new(9371);

    public List<TrainingCourse> CourseList { get; } = [];

    public List<CourseAudience> Audience { get; } = [];

    public List<TrainingCompletion> Completions { get; } = [];

    public static BenchTraining Build(BenchPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var result = new BenchTraining();
        result.BuildFrom(plan);
        return result;
    }

    private void BuildFrom(BenchPlan plan)
    {
        var org = plan.Organisation.Id;
        var administrations = plan.Units.Where(u => u.Kind == Domain.Organisations.UnitKind.Administration).ToList();
        for (var c = 0; c < Courses; c++)
        {
            var title = string.Create(CultureInfo.InvariantCulture, $"{Topics[c % Topics.Length]} {c / Topics.Length + 1}");
            var course = new TrainingCourse(org, title);
            course.Describe(title, string.Create(CultureInfo.InvariantCulture, $"K-{c + 1:000}"), null);
            course.SetRepeat(Repeats[c % Repeats.Length], c % 17 != 16);
            if (c % 10 == 9)
            {
                course.SetAudience(AudienceKind.Roles, [], [Role.Manager]);
            }
            else if (c % 5 == 4 && administrations.Count > 0)
            {
                course.SetAudience(AudienceKind.Units, [administrations[c % administrations.Count].Id], []);
            }

            CourseList.Add(course);
            Audience.AddRange(course.Audience);
        }

        // Each course is taken by a different, evenly spread set of people: distinct within a course, so the
        // (course, person, day) index holds.
        var people = plan.People;
        var perCourse = Math.Min(people.Count, people.Count * CompletionsPerPerson / Courses);
        var step = Math.Max(1, people.Count / Math.Max(1, perCourse));
        Completions.Capacity = perCourse * Courses;
        for (var c = 0; c < Courses; c++)
        {
            var offset = _random.Next(people.Count);
            for (var j = 0; j < perCourse; j++)
            {
                var person = people[(offset + (j * step)) % people.Count];
                var on = plan.Today.AddDays(-_random.Next(3 * 365));
                Completions.Add(new TrainingCompletion(org, CourseList[c].Id, person.Id, on, imported: true));
            }
        }
    }
}
