using Tillit.Domain.Common;

namespace Tillit.Domain.Risks;

/// <summary>
/// One risk of an analysis, written as cause → event → consequence ("På grund av … inträffar … vilket leder till
/// …"), with the threat it comes from, the aspects it touches, how likely and how severe it is (each 1–4), what is
/// done about it and what remains after the measures. The level is likelihood × consequence, kept in a column so
/// the register and the heat map sort and count without computing. A residual risk is accepted only by someone
/// with the authority the organisation's criteria give.
/// </summary>
public sealed class Risk : Entity
{
    public const int TextLength = 2000;

    private Risk()
    {
        Cause = Event = Effect = string.Empty;
    }

    public Risk(Guid organisationId, Guid analysisId, Guid? threatId, string cause, string @event, string effect, RiskAspects aspects, int likelihood, int consequence)
        : base(organisationId)
    {
        AnalysisId = analysisId;
        Cause = Event = Effect = string.Empty;
        Assess(threatId, cause, @event, effect, aspects, likelihood, consequence);
    }

    public Guid AnalysisId { get; private set; }

    public Guid? ThreatId { get; private set; }

    /// <summary>"På grund av …": the weakness or circumstance.</summary>
    public string Cause { get; private set; }

    /// <summary>"… inträffar …": what happens.</summary>
    public string Event { get; private set; }

    /// <summary>"… vilket leder till …": the consequence for the operations.</summary>
    public string Effect { get; private set; }

    public RiskAspects Aspects { get; private set; }

    public int Likelihood { get; private set; }

    public int Consequence { get; private set; }

    /// <summary>Likelihood × consequence, 1–16.</summary>
    public int Level { get; private set; }

    public RiskTreatment? Treatment { get; private set; }

    public string? TreatmentNote { get; private set; }

    public int? ResidualLikelihood { get; private set; }

    public int? ResidualConsequence { get; private set; }

    public int? ResidualLevel { get; private set; }

    /// <summary>The person who answers for the risk being treated.</summary>
    public Guid? OwnerId { get; private set; }

    public Guid? AcceptedById { get; private set; }

    public DateTime? AcceptedAt { get; private set; }

    public string? AcceptanceReason { get; private set; }

    /// <summary>The authority the acceptance was given by.</summary>
    public RiskAcceptor? AcceptedAs { get; private set; }

    public bool IsAccepted => AcceptedById is not null;

    /// <summary>The cause, event, consequence, threat, aspects and the inherent level. A changed risk loses its acceptance.</summary>
    public void Assess(Guid? threatId, string cause, string @event, string effect, RiskAspects aspects, int likelihood, int consequence)
    {
        if (string.IsNullOrWhiteSpace(@event))
        {
            throw new DomainRuleException("Validation.Required", nameof(Event));
        }

        if ((aspects & ~(RiskAspects.Confidentiality | RiskAspects.Integrity | RiskAspects.Availability | RiskAspects.Traceability)) != 0 || aspects == RiskAspects.None)
        {
            throw new DomainRuleException("Risk.AspectsRequired", nameof(Aspects));
        }

        var level = RiskLevel.Of(likelihood, consequence);
        ThreatId = threatId;
        Cause = (cause ?? string.Empty).Trim();
        Event = @event.Trim();
        Effect = (effect ?? string.Empty).Trim();
        Aspects = aspects;
        Likelihood = likelihood;
        Consequence = consequence;
        Level = level;
        ClearAcceptance();
    }

    /// <summary>What is done about it, who answers for it, and the residual likelihood and consequence after the measures.</summary>
    public void Treat(RiskTreatment? treatment, string? note, int? residualLikelihood, int? residualConsequence, Guid? ownerId)
    {
        if (treatment is { } t && !Enum.IsDefined(t))
        {
            throw new DomainRuleException("Validation.InvalidValue", nameof(Treatment));
        }

        if ((residualLikelihood is null) != (residualConsequence is null))
        {
            throw new DomainRuleException("Risk.ResidualBoth", residualLikelihood is null ? nameof(ResidualLikelihood) : nameof(ResidualConsequence));
        }

        int? residual = residualLikelihood is { } rl && residualConsequence is { } rc ? RiskLevel.Of(rl, rc) : null;
        Treatment = treatment;
        TreatmentNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        ResidualLikelihood = residualLikelihood;
        ResidualConsequence = residualConsequence;
        ResidualLevel = residual;
        OwnerId = ownerId;
        ClearAcceptance();
    }

    /// <summary>
    /// Accepts the residual risk (or the inherent one when no residual is given and the treatment is to accept it),
    /// recording who, when, why and by what authority. Refused to anyone the criteria do not allow for its band.
    /// </summary>
    public void Accept(RiskAcceptor acceptor, Guid byPersonId, string reason, DateTime at, RiskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (IsAccepted)
        {
            throw new DomainRuleException("Risk.AlreadyAccepted");
        }

        var level = ResidualLevel ?? (Treatment == RiskTreatment.Accept ? Level : (int?)null);
        if (level is not { } accepted)
        {
            throw new DomainRuleException("Risk.ResidualRequired", nameof(ResidualLikelihood));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Validation.Required", nameof(AcceptanceReason));
        }

        if (!settings.MayAccept(acceptor, settings.Bands.BandOf(accepted)))
        {
            throw new DomainRuleException("Risk.AcceptanceBeyondAuthority");
        }

        AcceptedById = byPersonId;
        AcceptedAt = at;
        AcceptanceReason = reason.Trim();
        AcceptedAs = acceptor;
    }

    /// <summary>A copy for the next cycle's analysis: the same risk to assess again, without its acceptance.</summary>
    public Risk CopyFor(Guid analysisId)
    {
        var copy = new Risk(OrganisationId, analysisId, ThreatId, Cause, Event, Effect, Aspects, Likelihood, Consequence);
        copy.Treat(Treatment, TreatmentNote, ResidualLikelihood, ResidualConsequence, OwnerId);
        return copy;
    }

    private void ClearAcceptance()
    {
        AcceptedById = null;
        AcceptedAt = null;
        AcceptanceReason = null;
        AcceptedAs = null;
    }
}
