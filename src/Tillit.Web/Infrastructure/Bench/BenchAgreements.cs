using System.Globalization;
using Tillit.Domain.Agreements;

namespace Tillit.Web.Infrastructure.Bench;

/// <summary>
/// The large municipality's agreement register: two agreements per generated system (5,000 for 2,500 systems),
/// each covering its system and every tenth a second one, from a few dozen suppliers; seven in ten include a data
/// processing agreement; periods over the last five years, one in ten ended, notice dates three to nine months
/// before the end; followed by the system's owner (or the director). Deterministic for a given register, apart
/// from the ids.
/// </summary>
internal sealed class BenchAgreements
{
    public const int PerSystem = 2;

    private static readonly string[] Suppliers =
    [
        "Norrdata AB", "Kommunsystem i Sverige AB", "Molntjänst Nord AB", "Driftpartner Väst AB", "Skolplattform AB", "Omsorgsdata AB",
        "Ekonomisystem Syd AB", "Arkivtjänst AB", "Nätverk & Drift AB", "E-tjänstbolaget AB", "Lönesystem Norden AB", "Säker Kommunikation AB",
        "Dokumenthantering AB", "Kartdata i Sverige AB", "Bygglovsystem AB", "Vårdjournal Norden AB", "IT-support Mälardalen AB", "Utskriftstjänst AB",
        "Identitetstjänster AB", "Backup Sverige AB", "Telefoni & Växel AB", "Larmcentral Syd AB", "Fastighetssystem AB", "Ärendehantering Norr AB",
    ];

    private static readonly string[] Services = ["Licens och support", "Drift och förvaltning", "Molntjänst", "Vidareutveckling", "Konsulttjänster", "Säkerhetskopiering"];

    private readonly Random _random = new(5113);

    public List<Agreement> Agreements { get; } = [];

    public List<AgreementSystem> Links { get; } = [];

    public static BenchAgreements Build(BenchPlan plan, BenchRegister register)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(register);
        var result = new BenchAgreements();
        result.BuildFrom(plan, register);
        return result;
    }

    private void BuildFrom(BenchPlan plan, BenchRegister register)
    {
        var org = plan.Organisation.Id;
        var ownerOf = register.Owners.ToDictionary(o => o.ScopeId!.Value, o => o.PersonId);
        var director = plan.People[0].Id;
        var systems = register.Systems;
        for (var i = 0; i < systems.Count * PerSystem; i++)
        {
            var system = systems[i / PerSystem];
            var supplier = Suppliers[_random.Next(Suppliers.Length)];
            var agreement = new Agreement(org, supplier, string.Create(CultureInfo.InvariantCulture, $"{Services[_random.Next(Services.Length)]}: {system.Name}"));
            agreement.Describe(supplier, agreement.Title, string.Create(CultureInfo.InvariantCulture, $"KS {2021 + (i % 5)}/{1000 + i}"), _random.Next(3) == 0 ? "Loggning av åtkomst, incidentrapport inom 24 timmar, årlig revision" : null);
            var transfer = _random.Next(10) switch
            {
                0 => ThirdCountryTransfer.Yes,
                1 => ThirdCountryTransfer.Unknown,
                _ => ThirdCountryTransfer.No,
            };
            agreement.SetDataProtection(_random.Next(10) < 7, transfer, transfer == ThirdCountryTransfer.Yes ? "Standardavtalsklausuler" : null);
            var starts = plan.Today.AddDays(-_random.Next(5 * 365));
            DateOnly? ends = _random.Next(5) == 0 ? null : starts.AddYears(1 + _random.Next(5));
            DateOnly? notice = ends?.AddMonths(-(3 + _random.Next(7)));
            if (notice < starts)
            {
                notice = starts;
            }

            agreement.Plan(ownerOf.TryGetValue(system.Id, out var owner) ? owner : director, starts, ends, notice);
            Agreements.Add(agreement);
            Links.Add(new AgreementSystem(org, agreement.Id, system.Id));
            if (i % 10 == 0 && systems.Count > 1)
            {
                var other = systems[_random.Next(systems.Count)];
                if (other.Id != system.Id)
                {
                    Links.Add(new AgreementSystem(org, agreement.Id, other.Id));
                }
            }
        }
    }
}
