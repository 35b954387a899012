namespace Tillit.Domain.Goals;

/// <summary>
/// The ten long-term goals an organisation starts with: the goals of its information security policy,
/// written in Tillit's own words (Swedish and English). The organisation edits them afterwards.
/// </summary>
public static class StartingGoals
{
    private static readonly (string Sv, string En, string SvText, string EnText)[] Goals =
    [
        ("Alla medarbetare kan de säkerhetsregler som gäller för dem",
         "Every member of staff knows the security rules that apply to them",
         "Medarbetare har tagit del av och bekräftat gällande policy och riktlinjer, och vet var de hittar dem.",
         "Staff have read and confirmed the policy and guidelines in force, and know where to find them."),
        ("Informationen vi behöver finns, är skyddad och stöder arbetet",
         "The information we rely on is available, protected and supports the work",
         "Informationen hanteras säkert och effektivt, till nytta för medarbetare, samarbetspartner och de vi finns till för.",
         "Information is handled safely and efficiently, to the benefit of staff, partners and the people we serve."),
        ("Vi känner till och följer lagar och föreskrifter",
         "We know and comply with laws and regulations",
         "De lagar, förordningar och föreskrifter som rör vår information är kartlagda och kraven på dem uppfylls.",
         "The laws, ordinances and regulations that concern our information are mapped and their demands met."),
        ("Vi känner till och följer våra avtal",
         "We know and comply with our agreements",
         "Avtal som rör information och system är kända av dem som berörs, och åtagandena i dem hålls.",
         "Agreements that concern information and systems are known to those concerned, and their commitments are kept."),
        ("Vi kan hantera en kris",
         "We can handle a crisis",
         "Förmågan att leda och driva verksamheten vid en allvarlig störning hålls vid liv genom planer och övningar.",
         "The ability to lead and run operations through a serious disruption is kept alive with plans and exercises."),
        ("Det vi investerar i har ett tillräckligt skydd",
         "What we invest in is protected well enough",
         "Både information och teknisk utrustning skyddas i den grad deras värde och skyddsbehov kräver.",
         "Both information and technical equipment are protected to the degree their value and protection need demand."),
        ("Vi har en gemensam och säker infrastruktur för kommunikation",
         "We have a shared and secure infrastructure for communication",
         "Intern och extern datakommunikation går över en gemensam infrastruktur som är tydligt beskriven och skyddad.",
         "Internal and external data communication runs over a shared infrastructure that is clearly described and protected."),
        ("Hoten mot varje viktigt system analyseras fortlöpande",
         "The threats to each important system are analysed continuously",
         "Varje informationssystem som verksamheten är beroende av har en aktuell riskanalys som ses över regelbundet.",
         "Every information system operations depend on has a current risk analysis that is reviewed regularly."),
        ("Vi förebygger händelser som kan skada verksamheten",
         "We prevent events that could harm operations",
         "Händelser rapporteras, lärdomar tas tillvara och beslutade åtgärder genomförs i tid.",
         "Events are reported, lessons are learnt and decided measures are carried out on time."),
        ("Varje år har informationssäkerheten egna mål i verksamhetsplanen",
         "Every year information security has its own goals in the operational plan",
         "Årliga mål sätts i den vanliga planeringen, har en ägare och följs upp i årsrapporten till styrelsen.",
         "Yearly goals are set in the ordinary planning, have an owner and are followed up in the yearly report to the board."),
    ];

    public static IEnumerable<LongTermGoal> For(Guid organisationId) =>
        Goals.Select((g, i) => new LongTermGoal(organisationId, i + 1, g.Sv, g.En, g.SvText, g.EnText));
}
