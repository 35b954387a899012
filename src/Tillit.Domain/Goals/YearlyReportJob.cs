using Tillit.Domain.Common;

namespace Tillit.Domain.Goals;

public enum ReportJobStatus
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>The steps of a generation, in order; the page shows each as waiting, under way or done.</summary>
public enum ReportJobStep
{
    Waiting,
    Indicators,
    Goals,
    MeasuresAndDocuments,
    Risks,
    Saving,
    Done,
}

/// <summary>
/// A request to generate a year's report, run in the background: recorded by the security officer's request
/// (with the proposals, so nothing typed is lost if the run fails), claimed by one Tillit instance (the claim is
/// saved under the row's concurrency token, so of two instances only one runs it), advanced step by step, and
/// ended as done (with the version it made) or failed (with a message key). A run whose instance died is
/// claimed again once its claim is older than <see cref="ClaimLifetime"/>.
/// </summary>
public sealed class YearlyReportJob : Entity
{
    /// <summary>How long a claim holds without progress before another instance may take the job over.</summary>
    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(5);

    public const int ClaimedByLength = 200;

    private YearlyReportJob()
    {
        Proposals = string.Empty;
    }

    public YearlyReportJob(Guid organisationId, int year, string proposals, Guid requestedById, DateTime requestedUtc)
        : base(organisationId)
    {
        if (year is < YearlyGoal.MinYear or > YearlyGoal.MaxYear)
        {
            throw new DomainRuleException("Goal.YearRange", nameof(Year));
        }

        Year = year;
        Proposals = (proposals ?? string.Empty).Trim();
        RequestedById = requestedById;
        RequestedUtc = requestedUtc;
        Status = ReportJobStatus.Queued;
        Step = ReportJobStep.Waiting;
    }

    public int Year { get; private set; }

    public string Proposals { get; private set; }

    public Guid RequestedById { get; private set; }

    public DateTime RequestedUtc { get; private set; }

    public ReportJobStatus Status { get; private set; }

    public ReportJobStep Step { get; private set; }

    /// <summary>The instance running it (machine and process), for the log and the operator.</summary>
    public string? ClaimedBy { get; private set; }

    /// <summary>When the job was claimed or last advanced.</summary>
    public DateTime? ClaimedUtc { get; private set; }

    public DateTime? FinishedUtc { get; private set; }

    /// <summary>The resource key of the reason it failed.</summary>
    public string? Failure { get; private set; }

    /// <summary>The version the run made, once done.</summary>
    public int? VersionNumber { get; private set; }

    public bool IsActive => Status is ReportJobStatus.Queued or ReportJobStatus.Running;

    /// <summary>Whether an instance may claim it now: waiting, or running under a claim that has lapsed.</summary>
    public bool IsClaimable(DateTime nowUtc) =>
        Status == ReportJobStatus.Queued || (Status == ReportJobStatus.Running && ClaimedUtc < nowUtc - ClaimLifetime);

    public void Claim(string instance, DateTime nowUtc)
    {
        if (!IsClaimable(nowUtc))
        {
            throw new DomainRuleException("YearlyReport.JobClaimed");
        }

        Status = ReportJobStatus.Running;
        Step = ReportJobStep.Indicators;
        ClaimedBy = instance.Length > ClaimedByLength ? instance[..ClaimedByLength] : instance;
        ClaimedUtc = nowUtc;
    }

    public void Advance(ReportJobStep step, DateTime nowUtc)
    {
        if (Status != ReportJobStatus.Running || step <= Step || step == ReportJobStep.Done)
        {
            throw new DomainRuleException("Error.Rule", nameof(Step));
        }

        Step = step;
        ClaimedUtc = nowUtc;
    }

    public void Complete(int versionNumber, DateTime nowUtc)
    {
        if (Status != ReportJobStatus.Running)
        {
            throw new DomainRuleException("Error.Rule", nameof(Status));
        }

        Status = ReportJobStatus.Done;
        Step = ReportJobStep.Done;
        VersionNumber = versionNumber;
        FinishedUtc = nowUtc;
    }

    /// <summary>Ends the run as failed; the step it reached stays, for the page to say where it stopped.</summary>
    public void Fail(string messageKey, DateTime nowUtc)
    {
        if (Status is ReportJobStatus.Done or ReportJobStatus.Failed)
        {
            throw new DomainRuleException("Error.Rule", nameof(Status));
        }

        Status = ReportJobStatus.Failed;
        Failure = messageKey;
        FinishedUtc = nowUtc;
    }
}
