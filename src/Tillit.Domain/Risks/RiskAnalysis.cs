using Tillit.Domain.Common;

namespace Tillit.Domain.Risks;

/// <summary>Draft → under review → approved. Values are stored; never renumber.</summary>
public enum RiskAnalysisStatus
{
    Draft = 0,
    UnderReview = 1,
    Approved = 2,
}

/// <summary>One information system, or a process that spans several. Values are stored.</summary>
public enum RiskAnalysisScope
{
    System = 0,
    Process = 1,
}

/// <summary>
/// A risk analysis (riskanalys) of an information system or of a process spanning systems: who took part, how,
/// when, and its risks. Written as a draft, sent for review, approved by someone with the authority; an approved
/// analysis is history and is not changed any more (the next cycle starts a new one from it). A new incident or a
/// raised classification marks it as needing review, with the reason.
/// </summary>
public sealed class RiskAnalysis : Entity
{
    public const int TitleLength = 200;
    public const int TextLength = 4000;

    private RiskAnalysis()
    {
        Title = MethodNote = Participants = string.Empty;
    }

    public RiskAnalysis(Guid organisationId, string title, RiskAnalysisScope scope, string methodNote, string participants, DateOnly analysedOn, DateOnly nextReviewOn, Guid? previousAnalysisId = null)
        : base(organisationId)
    {
        if (!Enum.IsDefined(scope))
        {
            throw new DomainRuleException("Validation.InvalidValue", nameof(Scope));
        }

        Title = MethodNote = Participants = string.Empty;
        Scope = scope;
        Status = RiskAnalysisStatus.Draft;
        PreviousAnalysisId = previousAnalysisId;
        Change(title, methodNote, participants, analysedOn, nextReviewOn);
    }

    public string Title { get; private set; }

    public RiskAnalysisScope Scope { get; private set; }

    /// <summary>How the analysis was done (workshop, the method followed, sources).</summary>
    public string MethodNote { get; private set; }

    /// <summary>Who took part, as written by the analyst (names and roles).</summary>
    public string Participants { get; private set; }

    public DateOnly AnalysedOn { get; private set; }

    public DateOnly NextReviewOn { get; private set; }

    public RiskAnalysisStatus Status { get; private set; }

    public Guid? ApprovedById { get; private set; }

    public DateOnly? ApprovedOn { get; private set; }

    /// <summary>Set when something happened that the analysis may not have foreseen.</summary>
    public bool ReviewNeeded { get; private set; }

    public string? ReviewReason { get; private set; }

    public DateTime? ReviewMarkedAt { get; private set; }

    /// <summary>The analysis of the previous cycle this one was started from.</summary>
    public Guid? PreviousAnalysisId { get; private set; }

    public bool IsDraft => Status == RiskAnalysisStatus.Draft;

    /// <summary>Scope, method, participants and dates; only while it is a draft.</summary>
    public void Change(string title, string methodNote, string participants, DateOnly analysedOn, DateOnly nextReviewOn)
    {
        EnsureDraft();
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("Validation.Required", nameof(Title));
        }

        if (nextReviewOn <= analysedOn)
        {
            throw new DomainRuleException("Risk.NextReviewBeforeAnalysis", nameof(NextReviewOn));
        }

        Title = title.Trim();
        MethodNote = (methodNote ?? string.Empty).Trim();
        Participants = (participants ?? string.Empty).Trim();
        AnalysedOn = analysedOn;
        NextReviewOn = nextReviewOn;
    }

    /// <summary>Refuses a change of the analysis or its risks unless it is a draft.</summary>
    public void EnsureDraft()
    {
        if (Status != RiskAnalysisStatus.Draft)
        {
            throw new DomainRuleException("Risk.AnalysisNotDraft");
        }
    }

    /// <summary>A draft with at least one risk goes for review.</summary>
    public void SubmitForReview(int riskCount)
    {
        Require(Status == RiskAnalysisStatus.Draft);
        if (riskCount < 1)
        {
            throw new DomainRuleException("Risk.NoRisks");
        }

        Status = RiskAnalysisStatus.UnderReview;
    }

    /// <summary>Back to draft from review, to be worked on.</summary>
    public void ReturnToDraft()
    {
        Require(Status == RiskAnalysisStatus.UnderReview);
        Status = RiskAnalysisStatus.Draft;
    }

    /// <summary>Approved by the person, on the day; a review mark is answered by the approval.</summary>
    public void Approve(Guid byPersonId, DateOnly on)
    {
        Require(Status == RiskAnalysisStatus.UnderReview);
        if (byPersonId == Guid.Empty)
        {
            throw new DomainRuleException("Validation.Required", nameof(ApprovedById));
        }

        ApprovedById = byPersonId;
        ApprovedOn = on;
        Status = RiskAnalysisStatus.Approved;
        ReviewNeeded = false;
        ReviewReason = null;
        ReviewMarkedAt = null;
    }

    /// <summary>Something calls the analysis into question (an incident, a raised classification); reasons add up.</summary>
    public void MarkForReview(string reason, DateTime at)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Validation.Required", nameof(ReviewReason));
        }

        var text = reason.Trim();
        var combined = !ReviewNeeded || ReviewReason is not { Length: > 0 } earlier ? text
            : earlier.Contains(text, StringComparison.Ordinal) ? earlier
            : $"{earlier}; {text}";
        ReviewReason = combined.Length > TextLength ? combined[..TextLength] : combined;
        ReviewNeeded = true;
        ReviewMarkedAt ??= at;
    }

    /// <summary>Whether an approved analysis is older than the organisation allows on the day.</summary>
    public bool IsOverdueOn(DateOnly today, int maxAgeMonths) =>
        Status != RiskAnalysisStatus.Approved || ApprovedOn is not { } approved || approved.AddMonths(maxAgeMonths) < today || NextReviewOn < today;

    /// <summary>
    /// The next cycle: a new draft over the same scope, started from this one (which stays as it is, as history).
    /// The caller copies the risks with Risk.CopyFor.
    /// </summary>
    public RiskAnalysis StartNextCycle(DateOnly today, int maxAgeMonths)
    {
        if (Status == RiskAnalysisStatus.Draft)
        {
            throw new DomainRuleException("Risk.NextCycleFromDraft");
        }

        return new RiskAnalysis(OrganisationId, Title, Scope, MethodNote, Participants, today, today.AddMonths(maxAgeMonths), Id);
    }

    private static void Require(bool allowed)
    {
        if (!allowed)
        {
            throw new DomainRuleException("Risk.IllegalMove", nameof(Status));
        }
    }
}

/// <summary>An information system an analysis covers (one for a system analysis, several for a process).</summary>
public sealed class RiskAnalysisSystem : IOrganisationOwned
{
    private RiskAnalysisSystem()
    {
    }

    public RiskAnalysisSystem(Guid organisationId, Guid analysisId, Guid systemId)
    {
        OrganisationId = organisationId;
        AnalysisId = analysisId;
        SystemId = systemId;
    }

    public Guid OrganisationId { get; private set; }

    public Guid AnalysisId { get; private set; }

    public Guid SystemId { get; private set; }
}
