using Tillit.Domain.Common;

namespace Tillit.Domain.Goals;

/// <summary>
/// The yearly information security report to the board (årsrapport, ledningens genomgång) for one year:
/// the indicators as they stood when it was generated (kept, so later changes to the data do not rewrite
/// what the board read), the security officer's proposals for next year, and the board's decision to take
/// note of it. Each generation is kept as a <see cref="YearlyReportVersion"/>; this row carries the version in
/// force (the latest, or the one the board took note of) for the indicators of later years. Once noted it is a
/// record and does not change.
/// </summary>
public sealed class YearlyReport : Entity
{
    public const int TextLength = 8000;
    public const int SnapshotLength = 20000;

    private YearlyReport()
    {
        Proposals = Snapshot = string.Empty;
    }

    /// <summary>The year's report before its first generation; <see cref="Generate"/> makes version 1.</summary>
    public YearlyReport(Guid organisationId, int year)
        : base(organisationId)
    {
        if (year is < YearlyGoal.MinYear or > YearlyGoal.MaxYear)
        {
            throw new DomainRuleException("Goal.YearRange", nameof(Year));
        }

        Year = year;
        Proposals = Snapshot = string.Empty;
    }

    public int Year { get; private set; }

    /// <summary>What the security officer proposes for next year, in their own words.</summary>
    public string Proposals { get; private set; }

    /// <summary>The indicator values of the year as generated (JSON written by the application).</summary>
    public string Snapshot { get; private set; }

    public Guid GeneratedById { get; private set; }

    public DateTime GeneratedUtc { get; private set; }

    /// <summary>The body that took note (normally the municipal board).</summary>
    public string? NotedBy { get; private set; }

    public DateOnly? NotedOn { get; private set; }

    /// <summary>The decision's paragraph or registry number.</summary>
    public string? NotedReference { get; private set; }

    public Guid? NotedRecordedById { get; private set; }

    /// <summary>The number of the latest version; 0 before the first generation.</summary>
    public int LatestNumber { get; private set; }

    /// <summary>The version the board took note of.</summary>
    public int? NotedVersion { get; private set; }

    public bool IsNoted => NotedOn is not null;

    /// <summary>
    /// Generates the next version from the data as it stands, with its proposals: the new version is the one in
    /// force; earlier ones stay as they were. Refused once the board has taken note.
    /// </summary>
    public YearlyReportVersion Generate(string proposals, string snapshot, string figures, Guid generatedById, DateTime generatedUtc)
    {
        if (IsNoted)
        {
            throw new DomainRuleException("YearlyReport.Noted");
        }

        var version = new YearlyReportVersion(OrganisationId, Id, Year, LatestNumber + 1, proposals, snapshot, figures, generatedById, generatedUtc);
        LatestNumber = version.Number;
        Use(version);
        return version;
    }

    /// <summary>
    /// Records that the board took note of one version of the report: by whom, when and under which reference;
    /// once. That version becomes the one in force, even when a later one was generated.
    /// </summary>
    public void TakeNote(YearlyReportVersion version, string body, DateOnly on, string reference, Guid recordedById, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (IsNoted)
        {
            throw new DomainRuleException("YearlyReport.Noted");
        }

        if (version.ReportId != Id)
        {
            throw new DomainRuleException("YearlyReport.NoSuchVersion", "Version");
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            throw new DomainRuleException("Validation.Required", nameof(NotedBy));
        }

        if (string.IsNullOrWhiteSpace(reference))
        {
            throw new DomainRuleException("Validation.Required", nameof(NotedReference));
        }

        if (on > today)
        {
            throw new DomainRuleException("YearlyReport.NotedInFuture", nameof(NotedOn));
        }

        NotedBy = body.Trim();
        NotedOn = on;
        NotedReference = reference.Trim();
        NotedRecordedById = recordedById;
        NotedVersion = version.Number;
        Use(version);
    }

    private void Use(YearlyReportVersion version)
    {
        Proposals = version.Proposals;
        Snapshot = version.Snapshot;
        GeneratedById = version.GeneratedById;
        GeneratedUtc = version.GeneratedUtc;
    }
}
