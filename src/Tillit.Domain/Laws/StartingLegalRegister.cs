namespace Tillit.Domain.Laws;

/// <summary>
/// The legal register every new organisation starts with: the rules a Swedish municipality's
/// information security work must follow, each summarised for Tillit in its own words (no text of
/// the statutes is copied; only their names and numbers are facts). The security officer assigns
/// responsible people, units, systems and review dates afterwards, and adds or changes entries.
/// </summary>
public static class StartingLegalRegister
{
    /// <summary>One entry: reference, kind, Swedish title, English title, what it demands in Swedish and in English.</summary>
    public sealed record Entry(string Reference, LegalKind Kind, string Title, string TitleEn, string Demands, string DemandsEn);

    public static IReadOnlyList<Entry> Entries { get; } =
    [
        new("(EU) 2016/679", LegalKind.EuRegulation, "Dataskyddsförordningen (GDPR)", "General Data Protection Regulation (GDPR)",
            "Personuppgifter får bara behandlas när det finns en rättslig grund och ett bestämt ändamål. Vi ska kunna visa vilka behandlingar vi gör, skydda uppgifterna efter risken, ha personuppgiftsbiträdesavtal med leverantörer som behandlar uppgifter åt oss, anmäla personuppgiftsincidenter till IMY inom 72 timmar och ha ett dataskyddsombud.",
            "Personal data may only be processed with a legal basis and for a set purpose. We must be able to show which processing we do, protect the data according to the risk, have data processing agreements with suppliers who process data for us, report personal data breaches to IMY within 72 hours and have a data protection officer."),
        new("SFS 2018:218", LegalKind.Law, "Lag med kompletterande bestämmelser till EU:s dataskyddsförordning (dataskyddslagen)", "Act with supplementary provisions to the EU General Data Protection Regulation (Data Protection Act)",
            "Kompletterar dataskyddsförordningen i Sverige: när myndigheter får behandla känsliga personuppgifter och personnummer, att tystnadsplikt gäller för dataskyddsombudet och hur beslut kan överklagas. Registerlagar för enskilda verksamheter kan gå före.",
            "Supplements the GDPR in Sweden: when public bodies may process sensitive personal data and personal identity numbers, the confidentiality duty of the data protection officer and how decisions can be appealed. Sector-specific register acts may take precedence."),
        new("SFS 2009:400", LegalKind.Law, "Offentlighets- och sekretesslagen (OSL)", "Public Access to Information and Secrecy Act (OSL)",
            "Allmänna handlingar ska lämnas ut skyndsamt om de inte omfattas av sekretess. Uppgifter som är sekretessbelagda får inte röjas, och varje informationsmängd ska kunna knytas till den sekretessbestämmelse som gäller för den. Sekretessen styr vem som får åtkomst och hur information lämnas till leverantörer.",
            "Official documents must be released promptly unless covered by secrecy. Confidential information must not be disclosed, and each information set should be linked to the secrecy provision that applies to it. Secrecy governs who gets access and how information is shared with suppliers."),
        new("SFS 1990:782", LegalKind.Law, "Arkivlagen", "Archives Act",
            "Allmänna handlingar ska bevaras, hållas ordnade och skyddas mot förstörelse, obehörig åtkomst och förvanskning. Gallring får bara ske enligt beslut. Kommunen ska ha en arkivmyndighet och redovisa sina arkiv.",
            "Official documents must be preserved, kept in order and protected against destruction, unauthorised access and alteration. Disposal only by decision. The municipality must have an archive authority and describe its archives."),
        new("SFS 2025:1506", LegalKind.Law, "Cybersäkerhetslagen", "Cybersecurity Act",
            "Genomför NIS2 i Sverige och gäller alla kommuner. Vi ska anmäla oss till tillsynsmyndigheten, arbeta systematiskt och riskbaserat med skyddet av nätverks- och informationssystem, låta ledningen godkänna och följa upp åtgärderna och utbildas, och rapportera betydande incidenter: tidig varning inom 24 timmar, incidentanmälan inom 72 timmar och slutrapport inom en månad.",
            "Implements NIS2 in Sweden and covers every municipality. We must register with the supervisory authority, protect network and information systems systematically and based on risk, have management approve and follow up the measures and be trained, and report significant incidents: early warning within 24 hours, notification within 72 hours and a final report within one month."),
        new("SFS 2025:1507", LegalKind.Ordinance, "Cybersäkerhetsförordningen", "Cybersecurity Ordinance",
            "Kompletterar cybersäkerhetslagen: vart anmälan och incidentrapporter ska skickas, vilka myndigheter som har tillsyn över vilka sektorer och vilka myndigheter som får meddela närmare föreskrifter.",
            "Supplements the Cybersecurity Act: where registration and incident reports go, which authorities supervise which sectors and which authorities may issue detailed regulations."),
        new("SFS 2018:585", LegalKind.Law, "Säkerhetsskyddslagen", "Protective Security Act",
            "Verksamhet som har betydelse för Sveriges säkerhet ska skyddas mot spioneri, sabotage och terrorbrott. Vi ska göra en säkerhetsskyddsanalys, ha en säkerhetsskyddschef, säkerhetspröva personal i säkerhetsklass och ingå säkerhetsskyddsavtal vid upphandling som rör sådan verksamhet. Säkerhetsskyddsklassificerade uppgifter lagras aldrig i Tillit.",
            "Activities that matter for Sweden's security must be protected against espionage, sabotage and terrorist offences. We must make a protective security analysis, have a protective security officer, vet staff in security-cleared positions and conclude protective security agreements when procuring for such activities. Security-classified information is never stored in Tillit."),
        new("SFS 2018:1937", LegalKind.Law, "Lagen om tillgänglighet till digital offentlig service (DOS-lagen)", "Act on accessibility to digital public services (DOS Act)",
            "Kommunens webbplatser, appar och e-tjänster ska vara tillgängliga för alla, i praktiken enligt WCAG 2.1 nivå AA. Varje webbplats ska ha en tillgänglighetsredogörelse och ett sätt att påtala brister.",
            "The municipality's websites, apps and e-services must be accessible to everyone, in practice to WCAG 2.1 level AA. Each website must have an accessibility statement and a way to report shortcomings."),
        new("SFS 2017:725", LegalKind.Law, "Kommunallagen", "Local Government Act",
            "Fullmäktige och nämnder ansvarar för att verksamheten bedrivs enligt mål och riktlinjer, att den interna kontrollen är tillräcklig och att delegering av beslut är dokumenterad. Styrdokumenten för informationssäkerhet beslutas och följs upp i denna ordning.",
            "The council and committees are responsible for running operations according to goals and guidelines, for sufficient internal control and for documented delegation of decisions. Governing documents for information security are decided and followed up in this order."),
        new("SFS 2006:544", LegalKind.Law, "Lag om kommuners och regioners åtgärder inför och vid extraordinära händelser i fredstid och höjd beredskap (LEH)", "Act on municipal and regional measures before and during extraordinary events in peacetime and heightened alert (LEH)",
            "Kommunen ska analysera risker och sårbarheter, ha en plan för extraordinära händelser, en krisledningsnämnd och utbildad och övad personal. Kontinuitetsplaner och övningar i Tillit stöder detta.",
            "The municipality must analyse risks and vulnerabilities, have a plan for extraordinary events, a crisis management committee and trained and exercised staff. Continuity plans and exercises in Tillit support this."),
    ];

    /// <summary>The entries as new records of the organisation (no responsible person, no review date, not assessed).</summary>
    public static IEnumerable<LegalRequirement> For(Guid organisationId)
    {
        foreach (var e in Entries)
        {
            var law = new LegalRequirement(organisationId, e.Reference, e.Kind, e.Title, e.Demands);
            law.Change(e.Reference, e.Kind, e.Title, e.TitleEn, e.Demands, e.DemandsEn);
            yield return law;
        }
    }
}
