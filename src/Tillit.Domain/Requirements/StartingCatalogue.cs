using Tillit.Domain.Register;
using static Tillit.Domain.Register.Aspect;
using static Tillit.Domain.Requirements.RequirementArea;

namespace Tillit.Domain.Requirements;

/// <summary>
/// The requirement catalogue every new organisation starts with, written for Tillit in its own words
/// (standard texts are copyrighted; only control numbers and article points are referred to). The
/// security officer changes, adds or switches off entries afterwards. Levels: K = confidentiality,
/// R = integrity, T = availability, S = traceability; a requirement applies from its level upwards.
/// </summary>
public static class StartingCatalogue
{
    /// <summary>One entry: code, area, aspect, from level, ISO/IEC 27001:2022 Annex A numbers, NIS2 Art. 21(2) letters, Swedish title, English title, description.</summary>
    public sealed record Entry(string Code, RequirementArea Area, Aspect Aspect, int FromLevel, string Iso, string Nis2, string Title, string TitleEn, string Description);

    public static IReadOnlyList<Entry> Entries { get; } =
    [
        // Styrning och ansvar
        new("STY-01", Governance, Confidentiality, 1, "A.5.2, A.5.9", "a, i", "Systemägare och förvaltning utsedda", "System owner and maintenance appointed", "Systemet har en utsedd systemägare och en namngiven förvaltningsorganisation som vet vad de ansvarar för."),
        new("STY-02", Governance, Integrity, 1, "A.5.9, A.5.12", "a", "Informationen är klassad", "Information classified", "De informationsmängder systemet hanterar är klassade och klassningen är inte äldre än organisationens giltighetstid."),
        new("STY-03", Governance, Confidentiality, 2, "A.5.1, A.5.36", "a, f", "Riskanalys genomförd", "Risk analysis carried out", "En riskanalys för systemet har gjorts det senaste året och åtgärderna från den finns i handlingsplanen."),
        new("STY-04", Governance, Integrity, 2, "A.5.37", "a", "Rutiner för drift och förvaltning dokumenterade", "Operating procedures documented", "Det finns skrivna rutiner för hur systemet driftas, uppdateras och felsöks, och de hålls aktuella."),
        new("STY-05", Governance, Confidentiality, 3, "A.5.35, A.5.36", "f", "Säkerheten granskas återkommande", "Security reviewed regularly", "Systemets skydd granskas av någon utanför förvaltningen minst vartannat år och avvikelserna följs upp."),
        new("STY-06", Governance, Confidentiality, 1, "A.5.31, A.5.34", "a", "Lagkrav kända", "Legal requirements known", "De lagar och föreskrifter som styr informationen i systemet, till exempel sekretess och dataskydd, är kända och dokumenterade."),

        // Behörigheter och åtkomst
        new("BEH-01", AccessControl, Confidentiality, 1, "A.5.15, A.5.18", "i", "Behörighet efter behov", "Access by need", "Användare får bara den åtkomst de behöver för sina arbetsuppgifter, och tilldelningen beslutas av den som ansvarar för verksamheten."),
        new("BEH-02", AccessControl, Confidentiality, 1, "A.5.16", "i", "Personliga konton", "Personal accounts", "Varje användare loggar in med ett eget konto; delade konton används inte för vanligt arbete."),
        new("BEH-03", AccessControl, Confidentiality, 1, "A.5.18, A.6.5", "i", "Behörighet tas bort när den inte behövs", "Access removed when no longer needed", "När någon slutar eller byter uppgifter tas behörigheten bort eller ändras senast samma dag som ändringen gäller."),
        new("BEH-04", AccessControl, Confidentiality, 2, "A.5.18", "f, i", "Behörigheter ses över", "Access reviewed", "Systemägaren går igenom vilka som har behörighet minst en gång per år och tar bort det som inte behövs."),
        new("BEH-05", AccessControl, Confidentiality, 2, "A.8.5, A.5.17", "j", "Tvåfaktorsinloggning vid åtkomst utifrån", "Two-factor sign-in from outside", "Inloggning från internet eller andra nät utanför kommunens kräver en andra faktor utöver lösenordet."),
        new("BEH-06", AccessControl, Confidentiality, 3, "A.8.5", "j", "Stark inloggning för alla", "Strong sign-in for all", "All inloggning i systemet kräver minst två faktorer, även inifrån kommunens nät."),
        new("BEH-07", AccessControl, Confidentiality, 2, "A.8.2, A.8.18", "i", "Administratörsbehörighet begränsad", "Administrator rights restricted", "Administratörsbehörighet ges till få namngivna personer, används bara för administration och hålls skild från vardagskontot."),
        new("BEH-08", AccessControl, Integrity, 2, "A.5.3", "i", "Åtskillnad av uppgifter", "Segregation of duties", "Den som beställer, godkänner och genomför en känslig ändring är inte samma person när systemets riktighet kräver det."),
        new("BEH-09", AccessControl, Confidentiality, 3, "A.8.3", "i", "Åtkomst begränsad till rätt uppgifter", "Access limited to the right records", "Användare ser bara de ärenden eller personer som de arbetar med, inte hela systemets innehåll."),
        new("BEH-10", AccessControl, Confidentiality, 1, "A.5.17", "g, i", "Lösenordsregler följs", "Password rules followed", "Lösenord är långa, lämnas inte ut och byts när de kan ha röjts; systemet låser konton efter upprepade felaktiga försök."),
        new("BEH-11", AccessControl, Confidentiality, 4, "A.8.2, A.8.5", "i, j", "Privilegierad åtkomst via särskild väg", "Privileged access through a dedicated path", "Administration görs från särskilda, härdade arbetsplatser eller hoppservrar och varje session kan knytas till en person."),

        // Loggning och uppföljning
        new("LOG-01", Logging, Traceability, 1, "A.8.15", "b", "Inloggningar loggas", "Sign-ins logged", "Lyckade och misslyckade inloggningar loggas med tid, konto och varifrån de kom."),
        new("LOG-02", Logging, Traceability, 2, "A.8.15", "b", "Ändringar av uppgifter loggas", "Changes logged", "Systemet loggar vem som skapade, ändrade och tog bort uppgifter och när, så att ett förlopp kan följas i efterhand."),
        new("LOG-03", Logging, Traceability, 3, "A.8.15, A.5.33", "b", "Läsning av skyddade uppgifter loggas", "Reads of protected data logged", "Systemet loggar vem som tagit del av uppgifter som omfattas av sekretess, så att otillåten åtkomst kan upptäckas."),
        new("LOG-04", Logging, Traceability, 2, "A.8.15, A.8.16", "b, f", "Loggar granskas", "Logs reviewed", "Loggarna granskas regelbundet, stickprov eller automatiskt, och upptäckter hanteras som säkerhetshändelser."),
        new("LOG-05", Logging, Traceability, 2, "A.8.15", "b", "Loggar skyddade mot ändring", "Logs protected against change", "Loggar lagras så att den som loggas inte kan ändra eller radera dem, och de sparas så länge som behövs."),
        new("LOG-06", Logging, Traceability, 1, "A.8.17", "b", "Synkroniserade klockor", "Synchronised clocks", "Systemets klockor hämtar tid från en gemensam, pålitlig källa så att händelser i olika loggar kan jämföras."),
        new("LOG-07", Logging, Traceability, 3, "A.8.16", "b", "Övervakning med larm", "Monitoring with alerts", "Misstänkt beteende, till exempel många misslyckade inloggningar eller ovanliga uttag, ger larm till någon som agerar."),
        new("LOG-08", Logging, Traceability, 4, "A.8.15, A.8.16", "b", "Loggar samlas centralt", "Logs collected centrally", "Loggar skickas till en central loggplattform utanför systemet, där de analyseras och bevaras även om systemet angrips."),

        // Säkerhetskopiering och återläsning
        new("BAK-01", Backup, Availability, 1, "A.8.13", "c", "Säkerhetskopiering sker", "Backups taken", "Systemets information säkerhetskopieras så ofta att förlusten vid ett haveri ryms inom vad verksamheten tål."),
        new("BAK-02", Backup, Availability, 2, "A.8.13", "c", "Återläsning provas", "Restore tested", "Att informationen går att läsa tillbaka från säkerhetskopian provas minst en gång per år och resultatet dokumenteras."),
        new("BAK-03", Backup, Availability, 2, "A.8.13, A.7.10", "c", "Kopior förvaras åtskilt", "Copies kept apart", "Minst en säkerhetskopia förvaras på annan plats än systemet, så att en brand eller ett angrepp inte förstör båda."),
        new("BAK-04", Backup, Integrity, 3, "A.8.13", "c", "Kopior som inte kan ändras", "Copies that cannot be altered", "Minst en säkerhetskopia kan inte skrivas över eller raderas från det vanliga nätet, så att den klarar utpressningsprogram."),
        new("BAK-05", Backup, Confidentiality, 2, "A.8.13, A.8.24", "c, h", "Säkerhetskopior skyddade", "Backups protected", "Säkerhetskopior har samma skydd mot obehörig åtkomst som originalet, till exempel genom kryptering."),
        new("BAK-06", Backup, Availability, 3, "A.8.13, A.5.30", "c", "Återställningstid känd", "Recovery time known", "Hur lång tid en fullständig återställning tar är uppmätt och ryms inom den tid verksamheten kan vara utan systemet."),

        // Kryptering
        new("KRY-01", Encryption, Confidentiality, 1, "A.8.24, A.5.14", "h, j", "Krypterad överföring", "Encrypted transfer", "Information som skickas över nät utanför det egna skyddade nätet krypteras med aktuella protokoll."),
        new("KRY-02", Encryption, Confidentiality, 2, "A.8.24", "h", "Kryptering av lagrad information", "Encryption at rest", "Lagrad information krypteras där den kan nås av andra än behöriga, till exempel hos leverantör, i molntjänst eller på bärbara enheter."),
        new("KRY-03", Encryption, Confidentiality, 3, "A.8.24", "h", "Nyckelhantering", "Key management", "Krypteringsnycklar skapas, förvaras, byts och återkallas enligt en dokumenterad rutin, och leverantören kan inte läsa dem ensam."),
        new("KRY-04", Encryption, Integrity, 2, "A.8.24", "h", "Certifikat hålls giltiga", "Certificates kept valid", "Certifikat som systemet använder är utfärdade av en betrodd utfärdare och byts innan de går ut."),
        new("KRY-05", Encryption, Confidentiality, 2, "A.5.14, A.8.24", "h, j", "Säker e-post för känsliga uppgifter", "Secure mail for sensitive data", "Uppgifter som omfattas av sekretess skickas inte med vanlig e-post utan via en krypterad och godkänd kanal."),

        // Leverantörer och avtal
        new("LEV-01", Suppliers, Confidentiality, 1, "A.5.19, A.5.20", "d", "Säkerhetskrav i avtalet", "Security terms in the agreement", "Avtalet med leverantören anger vilka säkerhetskrav som gäller, vem som ansvarar för vad och hur incidenter rapporteras."),
        new("LEV-02", Suppliers, Confidentiality, 1, "A.5.34, A.5.20", "d", "Personuppgiftsbiträdesavtal", "Data processing agreement", "När leverantören behandlar personuppgifter åt kommunen finns ett biträdesavtal som följer dataskyddsförordningen."),
        new("LEV-03", Suppliers, Confidentiality, 2, "A.5.23", "d", "Molntjänst bedömd", "Cloud service assessed", "Innan en molntjänst används har det bedömts var informationen lagras, vilket lands lagar som gäller och om det är förenligt med sekretessen."),
        new("LEV-04", Suppliers, Availability, 2, "A.5.22", "d", "Leverantören följs upp", "Supplier followed up", "Leverantörens leverans och säkerhetsarbete följs upp minst årligen mot avtalet, och brister leder till åtgärder."),
        new("LEV-05", Suppliers, Availability, 3, "A.5.20, A.5.30", "c, d", "Tillgänglighet avtalad", "Availability agreed", "Avtalet anger tillgänglighet, svarstider och återställningstid som motsvarar systemets skyddsbehov."),
        new("LEV-06", Suppliers, Availability, 2, "A.5.20", "c, d", "Utträde planerat", "Exit planned", "Det finns en plan för hur informationen tas ut i ett användbart format och raderas hos leverantören när avtalet upphör."),
        new("LEV-07", Suppliers, Integrity, 3, "A.5.21", "d", "Underleverantörer kända", "Subcontractors known", "Leverantören redovisar sina underleverantörer och kommunen får veta innan nya tillkommer."),

        // Kontinuitet
        new("KON-01", Continuity, Availability, 2, "A.5.29, A.5.30", "c", "Kontinuitetsplan finns", "Continuity plan exists", "Det finns en plan för hur verksamheten fortsätter när systemet inte fungerar och hur systemet återställs."),
        new("KON-02", Continuity, Availability, 3, "A.5.30", "c", "Kontinuitetsplanen övas", "Continuity plan exercised", "Kontinuitetsplanen övas minst en gång per år och erfarenheterna förs in i planen."),
        new("KON-03", Continuity, Availability, 3, "A.8.14", "c", "Redundans", "Redundancy", "Systemets viktiga delar finns dubblerade, så att ett enskilt fel i server, lagring eller nät inte stoppar verksamheten."),
        new("KON-04", Continuity, Availability, 1, "A.8.6", "c", "Kapacitet planeras", "Capacity planned", "Systemets kapacitet följs och planeras så att det klarar verksamhetens toppar."),
        new("KON-05", Continuity, Availability, 4, "A.5.29, A.5.30", "c", "Reservrutin för kritisk verksamhet", "Fallback routine for critical work", "Verksamheten har en prövad reservrutin, till exempel på papper, som räcker tills systemet är tillbaka."),
        new("KON-06", Continuity, Availability, 2, "A.7.11", "c", "Reservkraft", "Backup power", "Utrustning som systemet behöver klarar ett strömavbrott genom avbrottsfri kraft eller reservkraft."),

        // Sårbarheter och uppdateringar
        new("SAR-01", Vulnerabilities, Integrity, 1, "A.8.8", "e", "Säkerhetsuppdateringar installeras", "Security updates installed", "Säkerhetsuppdateringar för systemet och dess plattform installeras inom en bestämd tid, kortare ju allvarligare sårbarheten är."),
        new("SAR-02", Vulnerabilities, Integrity, 2, "A.8.8", "e", "Sårbarhetsskanning", "Vulnerability scanning", "Systemet skannas efter kända sårbarheter regelbundet och fynden åtgärdas efter allvarlighet."),
        new("SAR-03", Vulnerabilities, Integrity, 1, "A.8.7", "e, g", "Skydd mot skadlig kod", "Protection against malware", "Servrar och klienter som används med systemet har skydd mot skadlig kod som hålls uppdaterat."),
        new("SAR-04", Vulnerabilities, Integrity, 2, "A.8.9", "e", "Säker grundkonfiguration", "Secure baseline configuration", "Systemet installeras enligt en dokumenterad, härdad grundkonfiguration och avvikelser upptäcks."),
        new("SAR-05", Vulnerabilities, Integrity, 3, "A.8.29", "e", "Penetrationstest", "Penetration testing", "Systemet testas av en oberoende part som försöker ta sig in, före driftsättning och efter större förändringar."),
        new("SAR-06", Vulnerabilities, Availability, 2, "A.8.8", "e", "Systemet har support", "System supported", "Systemets programvara och plattform får fortfarande säkerhetsuppdateringar från sin tillverkare."),
        new("SAR-07", Vulnerabilities, Integrity, 2, "A.8.32", "e", "Ändringar styrs", "Changes controlled", "Ändringar i systemet planeras, prövas och godkänns innan de förs in i drift, och kan backas."),

        // Utbildning och medvetenhet
        new("UTB-01", Training, Confidentiality, 1, "A.6.3", "g", "Användare utbildade", "Users trained", "Användarna har fått introduktion i hur systemet används säkert och vilka regler som gäller för informationen."),
        new("UTB-02", Training, Confidentiality, 1, "A.6.3", "g", "Grundläggande säkerhetsutbildning", "Basic security training", "Alla som använder systemet har gått kommunens grundutbildning i informationssäkerhet de senaste två åren."),
        new("UTB-03", Training, Confidentiality, 2, "A.6.3, A.5.2", "g", "Förvaltningen utbildad", "Maintenance staff trained", "De som förvaltar och administrerar systemet har utbildning i de säkerhetsfunktioner systemet har."),
        new("UTB-04", Training, Confidentiality, 2, "A.6.6, A.6.2", "i", "Tystnadsplikt klargjord", "Confidentiality duty made clear", "Alla med åtkomst, även konsulter och leverantörens personal, har skriftligen fått veta vilken tystnadsplikt som gäller."),
        new("UTB-05", Training, Confidentiality, 3, "A.6.1", "i", "Bakgrundskontroll", "Background check", "Personer med långtgående behörighet kontrolleras innan de får den, i den omfattning lagen tillåter."),

        // Incidenter
        new("INC-01", RequirementArea.Incidents, Availability, 1, "A.6.8, A.5.24", "b", "Händelser rapporteras", "Events reported", "Användare och förvaltning vet hur de rapporterar säkerhetshändelser som rör systemet och gör det utan dröjsmål."),
        new("INC-02", RequirementArea.Incidents, Availability, 2, "A.5.24, A.5.26", "b", "Incidentrutin för systemet", "Incident routine for the system", "Det finns en rutin för vem som gör vad när en incident drabbar systemet, med kontaktuppgifter till leverantör och förvaltning."),
        new("INC-03", RequirementArea.Incidents, Traceability, 3, "A.5.28", "b", "Bevis säkras", "Evidence secured", "Vid en allvarlig incident säkras loggar och annat underlag på ett sätt som håller för en senare utredning."),
        new("INC-04", RequirementArea.Incidents, Integrity, 2, "A.5.27", "b, f", "Lärdomar tas tillvara", "Lessons learned", "Efter en incident görs en genomgång och förbättringarna förs in som åtgärder i handlingsplanen."),

        // Nätverk
        new("NAT-01", Network, Confidentiality, 2, "A.8.20, A.8.22", "j", "Nätet segmenterat", "Network segmented", "Systemets servrar ligger i ett eget nätsegment och bara den trafik som behövs släpps igenom."),
        new("NAT-02", Network, Confidentiality, 1, "A.8.20", "e", "Brandvägg", "Firewall", "Systemet är skyddat av brandvägg och inga tjänster exponeras mot internet utan beslut."),
        new("NAT-03", Network, Confidentiality, 3, "A.8.21, A.8.22", "j", "Administration via eget nät", "Administration on its own network", "Administrativa gränssnitt nås bara från ett separat administrationsnät."),

        // Fysiskt skydd
        new("FYS-01", Physical, Availability, 1, "A.7.1, A.7.2", "i", "Servrar i skyddat utrymme", "Servers in protected rooms", "Systemets servrar står i låsta utrymmen dit bara behöriga har tillträde, och tillträdet registreras."),
        new("FYS-02", Physical, Confidentiality, 1, "A.7.7", "g", "Utskrifter och skärmar skyddas", "Printouts and screens protected", "Skyddsvärda utskrifter lämnas inte framme och skärmar låses när användaren går ifrån."),
        new("FYS-03", Physical, Confidentiality, 2, "A.7.14, A.8.10", "i", "Säker radering och destruktion", "Secure erasure and destruction", "Lagringsmedia och papper med skyddsvärd information raderas eller förstörs så att informationen inte kan återskapas."),
        new("FYS-04", Physical, Availability, 2, "A.7.5", "c", "Skydd mot brand och vatten", "Protection against fire and water", "Utrymmen med systemets utrustning eller pappersarkiv har skydd mot brand, vatten och temperatur."),

        // Utveckling och anskaffning
        new("UTV-01", Development, Integrity, 1, "A.8.26", "e", "Säkerhetskrav vid anskaffning", "Security requirements when acquiring", "Vid anskaffning eller utveckling ställs säkerhetskrav utifrån informationens klassning innan beslut tas."),
        new("UTV-02", Development, Confidentiality, 2, "A.8.31, A.8.33", "e", "Testmiljö utan riktiga personuppgifter", "Test environment without real personal data", "Test och utveckling sker i en miljö åtskild från drift, och riktiga personuppgifter används inte där utan särskilt beslut."),
        new("UTV-03", Development, Integrity, 3, "A.8.25, A.8.28", "e", "Säker utvecklingsprocess", "Secure development process", "Egen eller beställd utveckling följer en process med kodgranskning och säkerhetstester före driftsättning."),

        // Informationshantering
        new("INF-01", Records, Integrity, 1, "A.5.33", "a", "Gallring och bevarande enligt plan", "Disposal and retention by plan", "Informationen bevaras och gallras enligt kommunens dokumenthanteringsplan."),
        new("INF-02", Records, Confidentiality, 2, "A.5.13", "i", "Skyddsvärd information märks", "Protected information marked", "Handlingar och exporter med skyddsvärd information märks så att mottagaren ser hur de ska hanteras."),
        new("INF-03", Records, Confidentiality, 2, "A.8.12", "i", "Utlämnande och export styrs", "Disclosure and export controlled", "Uttag och export av stora mängder uppgifter är begränsade till behöriga och följs upp."),
        new("INF-04", Records, Integrity, 3, "A.8.11, A.5.34", "i", "Pseudonymisering där det räcker", "Pseudonymisation where enough", "Där uppgifter används för statistik eller uppföljning döljs eller ersätts personuppgifterna."),
    ];

    /// <summary>The catalogue as new records of the organisation.</summary>
    public static IEnumerable<Requirement> For(Guid organisationId)
    {
        foreach (var e in Entries)
        {
            var r = new Requirement(organisationId, e.Code, e.Title, e.Description, e.Aspect, (ConsequenceLevel)e.FromLevel, e.Area, e.Iso, e.Nis2);
            r.Change(e.Code, e.Title, e.TitleEn, e.Description, e.Aspect, (ConsequenceLevel)e.FromLevel, e.Area, e.Iso, e.Nis2);
            yield return r;
        }
    }
}
