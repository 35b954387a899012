using Tillit.Domain.Common;

namespace Tillit.Domain.Goals;

/// <summary>
/// One generation of a year's report, kept as it was: its number (1, 2, …), when and by whom it was generated,
/// the indicator values and the other figures as they stood, and the proposals of that generation. Versions
/// never change, so what the board read stays readable after a later generation.
/// </summary>
public sealed class YearlyReportVersion : Entity
{
    /// <summary>Room for the goals and figures as JSON (a text without a length would get the model's default of 400).</summary>
    public const int FiguresLength = 1_000_000;

    private YearlyReportVersion()
    {
        Proposals = Snapshot = Figures = string.Empty;
    }

    public YearlyReportVersion(Guid organisationId, Guid reportId, int year, int number, string proposals, string snapshot, string figures, Guid generatedById, DateTime generatedUtc)
        : base(organisationId)
    {
        if (number < 1)
        {
            throw new DomainRuleException("Error.Rule", nameof(Number));
        }

        if (string.IsNullOrWhiteSpace(snapshot) || string.IsNullOrWhiteSpace(figures))
        {
            throw new DomainRuleException("Validation.Required", nameof(Snapshot));
        }

        ReportId = reportId;
        Year = year;
        Number = number;
        Proposals = (proposals ?? string.Empty).Trim();
        Snapshot = snapshot;
        Figures = figures;
        GeneratedById = generatedById;
        GeneratedUtc = generatedUtc;
    }

    public Guid ReportId { get; private set; }

    public int Year { get; private set; }

    /// <summary>1 for the first generation of the year, then one more for each.</summary>
    public int Number { get; private set; }

    public string Proposals { get; private set; }

    /// <summary>The indicator values (JSON written by the application), as the report's snapshot.</summary>
    public string Snapshot { get; private set; }

    /// <summary>The goals and the follow-up figures (measures, documents, risks per band) as JSON written by the application.</summary>
    public string Figures { get; private set; }

    public Guid GeneratedById { get; private set; }

    public DateTime GeneratedUtc { get; private set; }
}
