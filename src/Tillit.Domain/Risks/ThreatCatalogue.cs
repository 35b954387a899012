using static Tillit.Domain.Risks.RiskAspects;

namespace Tillit.Domain.Risks;

/// <summary>
/// The threat catalogue every organisation starts with: threats a Swedish municipality commonly meets, written
/// for Tillit in its own words. The security officer changes, adds or retires entries afterwards.
/// </summary>
public static class ThreatCatalogue
{
    /// <summary>One entry: code, Swedish name, English name, Swedish description, English description, aspects.</summary>
    public sealed record Entry(string Code, string Name, string NameEn, string Description, string DescriptionEn, RiskAspects Aspects);

    public static IReadOnlyList<Entry> Entries { get; } =
    [
        new("HOT-01", "Nätfiske", "Phishing", "Någon luras att lämna ut sitt lösenord eller öppna en skadlig länk via ett falskt meddelande.", "Someone is tricked by a fake message into giving away a password or opening a harmful link.", Confidentiality | Integrity),
        new("HOT-02", "Utpressningsprogram", "Ransomware", "Skadlig kod krypterar filer och system och angriparen kräver betalning, ofta efter att ha kopierat information.", "Malicious code encrypts files and systems and the attacker demands payment, often after copying data.", Availability | Confidentiality | Integrity),
        new("HOT-03", "Intrång hos leverantör", "Supplier breach", "En leverantör eller dess underleverantör blir angripen och kommunens information eller åtkomst följer med.", "A supplier or its subcontractor is breached and the municipality's data or access goes with it.", Confidentiality | Availability),
        new("HOT-04", "Missbruk av behörighet", "Insider misuse", "En anställd eller konsult använder sin behörighet till att läsa eller ändra uppgifter utan tjänsteskäl.", "An employee or consultant uses their access to read or change data without a work reason.", Confidentiality | Integrity | Traceability),
        new("HOT-05", "Förlorad eller stulen enhet", "Lost or stolen device", "En dator, mobil eller ett USB-minne med kommunens information tappas bort eller stjäls.", "A laptop, phone or USB stick holding the municipality's data is lost or stolen.", Confidentiality | Availability),
        new("HOT-06", "Strömavbrott", "Power outage", "El försvinner i serverhall, kontor eller hos leverantör och system stannar.", "Power is lost in a server room, office or at a supplier and systems stop.", Availability),
        new("HOT-07", "Avbrott i nät eller kommunikation", "Network outage", "Förbindelser till internet, mellan kommunens lokaler eller till molntjänster bryts.", "Connections to the internet, between municipal sites or to cloud services break.", Availability),
        new("HOT-08", "Beroende av nyckelperson", "Key-person dependency", "Kunskapen om ett system finns hos en enda person som blir sjuk, slutar eller inte nås.", "Knowledge of a system sits with one person who falls ill, leaves or cannot be reached.", Availability | Integrity),
        new("HOT-09", "Felskickad e-post med personuppgifter", "Misdirected e-mail with personal data", "Ett meddelande med personuppgifter går till fel mottagare, till exempel genom autokomplettering.", "A message with personal data reaches the wrong recipient, for example through auto-complete.", Confidentiality),
        new("HOT-10", "Svaga eller återanvända lösenord", "Weak or reused passwords", "Lösenord gissas eller hämtas från läckor på andra tjänster och används för att logga in.", "Passwords are guessed or taken from leaks elsewhere and used to sign in.", Confidentiality | Integrity),
        new("HOT-11", "Ej åtgärdade sårbarheter", "Unpatched vulnerabilities", "Kända brister i programvara lämnas utan uppdatering och utnyttjas av angripare.", "Known flaws in software are left unpatched and exploited by attackers.", Confidentiality | Integrity | Availability),
        new("HOT-12", "Felaktig konfiguration", "Misconfiguration", "En inställning görs fel, till exempel öppen delning eller för breda behörigheter, och exponerar information.", "A setting is wrong, such as an open share or too broad permissions, and exposes data.", Confidentiality | Integrity),
        new("HOT-13", "Överbelastningsattack", "Denial of service", "En angripare fyller nät eller tjänster med trafik så att e-tjänster och webbplats inte går att nå.", "An attacker floods networks or services so that e-services and the website cannot be reached.", Availability),
        new("HOT-14", "Skadlig kod via bilaga eller webb", "Malware via attachment or web", "Skadlig kod tar sig in genom en bilaga, en nedladdning eller en infekterad webbplats.", "Malicious code gets in through an attachment, a download or an infected website.", Confidentiality | Integrity | Availability),
        new("HOT-15", "Vd-bedrägeri och falska fakturor", "CEO fraud and fake invoices", "Någon utger sig för att vara chef eller leverantör och får kommunen att betala eller ändra kontouppgifter.", "Someone poses as a manager or supplier and gets the municipality to pay or change bank details.", Integrity),
        new("HOT-16", "Leverantören upphör eller går i konkurs", "Supplier ceases or goes bankrupt", "Leverantören av ett system eller en tjänst slutar leverera och informationen blir svår att få ut.", "The supplier of a system or service stops delivering and the data becomes hard to get out.", Availability),
        new("HOT-17", "Fel vid uppdatering eller ändring", "Faulty update or change", "En uppdatering eller ändring i systemet görs utan tillräcklig test och förstör data eller stoppar driften.", "An update or change is made without enough testing and corrupts data or stops operation.", Integrity | Availability),
        new("HOT-18", "Misslyckad säkerhetskopiering", "Failed backup", "Säkerhetskopior saknas, är ofullständiga eller går inte att läsa tillbaka när de behövs.", "Backups are missing, incomplete or cannot be restored when needed.", Availability | Integrity),
        new("HOT-19", "Brand, vatten eller annan skada i lokal", "Fire, water or other damage to premises", "Brand, vattenläcka eller översvämning skadar serverutrymme, arkiv eller arbetsplatser.", "Fire, a leak or flooding damages server rooms, archives or workplaces.", Availability | Integrity),
        new("HOT-20", "Obehörigt tillträde till lokaler", "Unauthorised entry to premises", "Någon utan rätt kommer in i lokaler med datorer, arkiv eller nätutrustning.", "Someone without the right gets into premises with computers, archives or network equipment.", Confidentiality | Availability),
        new("HOT-21", "Felaktig inmatning av uppgifter", "Incorrect data entry", "Uppgifter skrivs in fel eller i fel ärende, vilket leder till felaktiga beslut.", "Data is entered wrongly or in the wrong case, leading to wrong decisions.", Integrity),
        new("HOT-22", "Kvarstående behörigheter", "Lingering access rights", "Behörigheter tas inte bort när någon slutar eller byter arbete och kan missbrukas.", "Access is not removed when someone leaves or changes job and can be misused.", Confidentiality | Integrity),
        new("HOT-23", "Bristande loggning", "Insufficient logging", "Händelser loggas inte eller loggarna granskas inte, så att missbruk inte upptäcks eller kan utredas.", "Events are not logged or logs are not reviewed, so misuse goes unseen or cannot be investigated.", Traceability),
        new("HOT-24", "Överföring till tredje land", "Transfer to a third country", "Information lagras eller nås från ett land utanför EU där kommunen inte kan garantera skyddet.", "Data is stored or accessed from a country outside the EU where the municipality cannot ensure protection.", Confidentiality),
        new("HOT-25", "Skugg-IT", "Shadow IT", "Verksamheten använder tjänster som inte är godkända, till exempel gratis molnlagring, för arbetsinformation.", "Staff use unapproved services, such as free cloud storage, for work data.", Confidentiality | Availability),
        new("HOT-26", "Avbrott i molntjänst", "Cloud service outage", "En molntjänst som verksamheten är beroende av ligger nere eller tappar data.", "A cloud service the operation depends on goes down or loses data.", Availability | Integrity),
        new("HOT-27", "Social manipulation per telefon", "Phone-based social engineering", "Någon ringer och utger sig för att vara supporten eller en kollega för att få lösenord eller uppgifter.", "Someone calls posing as support or a colleague to obtain passwords or information.", Confidentiality),
        new("HOT-28", "Sabotage", "Sabotage", "Någon förstör utrustning, data eller förbindelser med avsikt, inifrån eller utifrån.", "Someone deliberately destroys equipment, data or connections, from inside or outside.", Availability | Integrity),
        new("HOT-29", "Bristande kunskap hos användare", "Lack of user awareness", "Användare vet inte hur informationen ska hanteras och gör misstag som röjer eller förstör den.", "Users do not know how the information is to be handled and make mistakes that expose or damage it.", Confidentiality | Integrity),
        new("HOT-30", "Otillräcklig kapacitet", "Insufficient capacity", "Systemet klarar inte toppar i användningen, till exempel vid ansökningsperioder eller kris.", "The system cannot cope with peaks, such as application periods or a crisis.", Availability),
        new("HOT-31", "Pandemi eller hög sjukfrånvaro", "Pandemic or high sick leave", "Många är borta samtidigt och rutiner som kräver särskilda personer kan inte utföras.", "Many people are away at once and routines that need specific people cannot be carried out.", Availability),
        new("HOT-32", "Felsänd post eller utlämnade handlingar", "Misdirected letters or released documents", "Pappershandlingar skickas till fel adress eller lämnas ut utan sekretessprövning.", "Paper documents are sent to the wrong address or released without a secrecy review.", Confidentiality),
        new("HOT-33", "Kontokapning", "Account takeover", "En angripare tar över ett konto, till exempel en administratörs, och använder det i kommunens system.", "An attacker takes over an account, such as an administrator's, and uses it in municipal systems.", Confidentiality | Integrity | Traceability),
        new("HOT-34", "Otillåten integration eller dataexport", "Unauthorised integration or data export", "Uppgifter förs över till andra system eller filer utan att det är beslutat eller skyddat.", "Data is moved to other systems or files without a decision or protection.", Confidentiality | Traceability),
        new("HOT-35", "Störning i drift hos IT-leverantör", "Operations failure at the IT provider", "Den gemensamma driften eller en samverkanspart får problem som slår ut flera system samtidigt.", "Shared operations or a partner organisation has a failure that takes down several systems at once.", Availability),
    ];

    /// <summary>The catalogue as new records of the organisation.</summary>
    public static IEnumerable<Threat> For(Guid organisationId) =>
        Entries.Select(e => new Threat(organisationId, e.Code, e.Name, e.NameEn, e.Description, e.DescriptionEn, e.Aspects));
}
