using Tillit.Domain.Organisations;

namespace Tillit.Web.Infrastructure.Bench;

/// <summary>
/// Word lists for the benchmark's large municipality: Swedish-sounding first and last names (with the
/// spread of origins a Swedish municipality has), the förvaltningar with their avdelningar and the
/// kinds of enheter under them, place names, and job titles.
/// </summary>
internal static class BenchNames
{
    public static readonly string[] FirstNames =
    [
        "Anna", "Eva", "Maria", "Karin", "Sara", "Kristina", "Lena", "Emma", "Kerstin", "Ingrid",
        "Marie", "Malin", "Jenny", "Hanna", "Linda", "Annika", "Susanne", "Elin", "Monica", "Birgitta",
        "Sofia", "Johanna", "Cecilia", "Ida", "Helena", "Camilla", "Julia", "Louise", "Therese", "Frida",
        "Linnea", "Amanda", "Elsa", "Alice", "Maja", "Ebba", "Klara", "Astrid", "Wilma", "Agnes",
        "Fatima", "Amira", "Leila", "Zeynep", "Aisha", "Nora", "Sanna", "Matilda", "Josefin", "Paulina",
        "Lars", "Mikael", "Anders", "Johan", "Erik", "Per", "Karl", "Peter", "Thomas", "Jan",
        "Daniel", "Fredrik", "Hans", "Bengt", "Andreas", "Mats", "Magnus", "Stefan", "Marcus", "Niklas",
        "Jonas", "Mattias", "Martin", "Henrik", "Björn", "Oskar", "Gustav", "Viktor", "Axel", "Emil",
        "Nils", "Olof", "Lukas", "Hugo", "William", "Elias", "Alexander", "Filip", "Isak", "Ludvig",
        "Mohammed", "Ahmad", "Ali", "Omar", "Hassan", "Yusuf", "Dragan", "Mehmet", "Tomasz", "Juan",
    ];

    public static readonly string[] LastNames =
    [
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson",
        "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Olofsson",
        "Lindström", "Lindqvist", "Lindgren", "Axelsson", "Berg", "Bergström", "Lundberg", "Lind", "Lundgren", "Lundqvist",
        "Mattsson", "Berglund", "Fredriksson", "Sandberg", "Henriksson", "Forsberg", "Sjöberg", "Wallin", "Engström", "Eklund",
        "Danielsson", "Lundin", "Håkansson", "Björk", "Bergman", "Gunnarsson", "Holm", "Wikström", "Samuelsson", "Isaksson",
        "Fransson", "Bergqvist", "Nyström", "Holmberg", "Arvidsson", "Löfgren", "Söderberg", "Nyberg", "Blomqvist", "Claesson",
        "Nordström", "Mårtensson", "Lundström", "Ali", "Viklund", "Björklund", "Eliasson", "Pålsson", "Mohammed", "Berggren",
        "Sandström", "Lund", "Nordin", "Ström", "Åberg", "Hermansson", "Ekström", "Holmgren", "Sundberg", "Hedlund",
        "Dahlberg", "Hellström", "Sjögren", "Abrahamsson", "Falk", "Öberg", "Martinsson", "Andreasson", "Ahmed", "Hassan",
        "Nordqvist", "Åström", "Strand", "Blom", "Sundström", "Yilmaz", "Nowak", "Kovačević", "Hussein", "Ekberg",
    ];

    public static readonly string[] Places =
    [
        "Ekbacken", "Solhem", "Björkhagen", "Lindvallen", "Tallåsen", "Granlunda", "Sjöängen", "Ängby", "Norrmalm", "Söderby",
        "Västerby", "Österäng", "Kvarnbacken", "Hagaberg", "Rosendal", "Stenhamra", "Furuhöjden", "Ljungby", "Bäckalund", "Åkerlund",
        "Strandvik", "Mosstorp", "Klippan", "Lövsta", "Hedemora", "Gärdet", "Brunnsvik", "Skogslund", "Nyhem", "Vallby",
        "Kyrkbacken", "Almvik", "Sörgården", "Lillby", "Storhagen", "Fältet", "Hammarby", "Ekeby", "Råby", "Torsby",
        "Sandviken", "Bergsjö", "Myrby", "Vretby", "Lundby", "Ängsbacka", "Kärrby", "Hällby", "Ormberget", "Svanvik",
    ];

    public static readonly string[] Titles =
    [
        "Handläggare", "Undersköterska", "Lärare", "Förskollärare", "Socialsekreterare", "Ekonom", "Systemförvaltare",
        "Ingenjör", "Administratör", "Kock", "Lokalvårdare", "Bibliotekarie", "Sjuksköterska", "Barnskötare",
        "Utredare", "Controller", "Arkivarie", "Fritidsledare", "Elevassistent", "Vaktmästare", "Kommunikatör",
    ];

    /// <summary>The units just under the municipality, the avdelningar under each and the kinds of enheter under those.</summary>
    public static readonly Branch[] Branches =
    [
        new("Kommunstyrelsen", UnitKind.Board, [], []),
        new(
            "Kommunledningsförvaltningen",
            UnitKind.Administration,
            ["Ekonomiavdelningen", "HR-avdelningen", "IT-avdelningen", "Kommunikationsavdelningen", "Kansliavdelningen", "Säkerhetsavdelningen", "Upphandlingsavdelningen"],
            ["Löneenheten", "Servicedesk", "Redovisning", "Registratur", "Kontaktcenter", "Arkiv", "Drift och infrastruktur", "Förvaltningsenheten", "Beredskap"]),
        new(
            "Socialförvaltningen",
            UnitKind.Administration,
            ["Äldreomsorgen", "Individ- och familjeomsorgen", "Funktionsstöd", "Hälso- och sjukvården", "Myndighetsavdelningen"],
            ["Hemtjänst {0}", "{0} äldreboende", "Gruppbostad {0}", "Daglig verksamhet {0}", "Barn och unga {0}", "Vuxenenheten {0}", "Hemsjukvård {0}", "Korttidsboende {0}"]),
        new(
            "Barn- och utbildningsförvaltningen",
            UnitKind.Administration,
            ["Grundskola norr", "Grundskola söder", "Grundskola öster", "Grundskola väster", "Förskola norr", "Förskola söder", "Gymnasium och vuxenutbildning", "Elevhälsan"],
            ["{0}skolan", "Förskolan {0}", "Fritidshemmet {0}", "{0} gymnasium", "Elevhälsan {0}"]),
        new(
            "Samhällsbyggnadsförvaltningen",
            UnitKind.Administration,
            ["Plan och bygglov", "Miljö och hälsoskydd", "Gata och park", "Lantmäteri", "Trafik"],
            ["Bygglov {0}", "Miljötillsyn {0}", "Parkdrift {0}", "Gatudrift {0}", "Detaljplan {0}"]),
        new(
            "Kultur- och fritidsförvaltningen",
            UnitKind.Administration,
            ["Biblioteken", "Fritid", "Kulturskolan", "Idrottsanläggningar"],
            ["{0} bibliotek", "Fritidsgården {0}", "{0} sporthall", "Kulturskolan {0}", "{0} simhall"]),
        new(
            "Arbetsmarknadsförvaltningen",
            UnitKind.Administration,
            ["Arbetsmarknadsenheten", "Vuxenutbildningen", "Integration", "Försörjningsstöd"],
            ["Jobbcentrum {0}", "SFI {0}", "Komvux {0}", "Försörjningsstöd {0}"]),
        new(
            "Teknik- och serviceförvaltningen",
            UnitKind.Administration,
            ["Måltidsservice", "Lokalvård", "Fastighet", "Vatten och avlopp", "Fordon och transport"],
            ["Köket {0}", "Lokalvård {0}", "Fastighetsdrift {0}", "Vattenverket {0}", "Reningsverket {0}"]),
        new(
            "{0} Energi AB",
            UnitKind.Company,
            ["Elnät", "Fjärrvärme", "Kundservice"],
            ["Driftcentral {0}", "Nätområde {0}", "Värmeverket {0}"]),
        new(
            "{0} Bostäder AB",
            UnitKind.Company,
            ["Förvaltning", "Uthyrning", "Byggprojekt"],
            ["Bostadsområde {0}", "Kvartersvärdar {0}", "Projekt {0}"]),
    ];

    /// <summary>ASCII form for e-mail addresses: å ä ö and other accents dropped, spaces to dots.</summary>
    public static string Ascii(string text)
    {
        var normalised = text.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD);
        var chars = normalised.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => c == ' ' ? '.' : c)
            .Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-');
        return new string(chars.ToArray());
    }

    internal sealed record Branch(string Name, UnitKind Kind, string[] Departments, string[] Sections);
}
