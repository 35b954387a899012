namespace Tillit.Web.Infrastructure.Demo;

/// <summary>Short texts of the demo's guideline and routine, written for Tillit.</summary>
internal static class DemoTexts
{
    public const string Guideline = """
        # Riktlinje för informationsklassning

        ## Syfte

        Riktlinjen beskriver hur förvaltningarna bedömer vilket skydd deras information behöver.

        ## Så här går det till

        1. Systemägaren bjuder in de som känner informationen väl.
        2. Varje informationsmängd bedöms för konfidentialitet, riktighet, tillgänglighet och spårbarhet.
        3. Resultatet förs in i Tillit och godkänns av systemägaren.

        | Nivå | Betydelse |
        |---|---|
        | 0 | Ingen eller försumbar skada |
        | 1 | Måttlig skada |
        | 2 | Betydande skada |
        | 3 | Allvarlig skada |
        | 4 | Synnerligen allvarlig skada |

        ## Uppföljning

        Klassningen ses över minst vart tredje år och när verksamheten ändras.
        """;

    public const string Routine = """
        # Rutin för utskrifter i äldreomsorgen

        - Skriv bara ut det som behövs för dagens arbete.
        - Hämta utskriften direkt från skrivaren.
        - Lägg papper med personuppgifter i den låsta insamlingen för destruktion.

        Frågor besvaras av enhetschefen.
        """;
}
