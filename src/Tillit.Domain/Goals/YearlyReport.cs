using Tillit.Domain.Common;

namespace Tillit.Domain.Goals;

/// <summary>
/// The yearly information security report to the board (årsrapport, ledningens genomgång) for one year:
/// the indicators as they stood when it was generated (kept, so later changes to the data do not rewrite
/// what the board read), the security officer's proposals for next year, and the board's decision to take
/// note of it. Once noted it is a record and does not change.
/// </summary>
public sealed class YearlyReport : Entity
{
    public const int TextLength = 8000;
    public const int SnapshotLength = 20000;

    private YearlyReport()
    {
        Proposals = Snapshot = string.Empty;
    }

    public YearlyReport(Guid organisationId, int year, string proposals, string snapshot, Guid generatedById, DateTime generatedUtc)
        : base(organisationId)
    {
        if (year is < YearlyGoal.MinYear or > YearlyGoal.MaxYear)
        {
            throw new DomainRuleException("Goal.YearRange", nameof(Year));
        }

        Year = year;
        Proposals = Snapshot = string.Empty;
        Regenerate(proposals, snapshot, generatedById, generatedUtc);
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

    public bool IsNoted => NotedOn is not null;

    /// <summary>Generates it again from today's data with new proposals; refused once the board has taken note.</summary>
    public void Regenerate(string proposals, string snapshot, Guid generatedById, DateTime generatedUtc)
    {
        if (IsNoted)
        {
            throw new DomainRuleException("YearlyReport.Noted");
        }

        if (string.IsNullOrWhiteSpace(snapshot))
        {
            throw new DomainRuleException("Validation.Required", nameof(Snapshot));
        }

        Proposals = (proposals ?? string.Empty).Trim();
        Snapshot = snapshot;
        GeneratedById = generatedById;
        GeneratedUtc = generatedUtc;
    }

    /// <summary>Records that the board took note of the report: by whom, when and under which reference; once.</summary>
    public void TakeNote(string body, DateOnly on, string reference, Guid recordedById, DateOnly today)
    {
        if (IsNoted)
        {
            throw new DomainRuleException("YearlyReport.Noted");
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
    }
}
