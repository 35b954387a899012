using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Common;
using Tillit.Domain.Measures;
using Tillit.Domain.Risks;
using Tillit.Web.Features.Measures;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Risk;

/// <summary>Adds a risk to a draft analysis or changes one: cause → event → consequence, threat, aspects, the 1–4 steps, treatment and residual.</summary>
public sealed class SaveRisk(TillitDbContext db, RiskAccess access, CurrentUser user)
{
    /// <param name="ThreatId">The threat of the catalogue, if any.</param>
    /// <param name="Cause">"På grund av …".</param>
    /// <param name="Event">"… inträffar …" (required).</param>
    /// <param name="Effect">"… vilket leder till …".</param>
    /// <param name="Aspects">Confidentiality, Integrity, Availability, Traceability (flags, e.g. "Confidentiality, Integrity").</param>
    /// <param name="Likelihood">1–4.</param>
    /// <param name="Consequence">1–4.</param>
    /// <param name="Treatment">Accept, Reduce, Avoid or Transfer.</param>
    /// <param name="TreatmentNote">How it is treated.</param>
    /// <param name="ResidualLikelihood">1–4 after the measures (with the residual consequence).</param>
    /// <param name="ResidualConsequence">1–4 after the measures (with the residual likelihood).</param>
    /// <param name="OwnerId">The risk owner.</param>
    /// <param name="Version">The version read (changes only).</param>
    public sealed record Command(Guid? ThreatId, string? Cause, string? Event, string? Effect, RiskAspects? Aspects, int? Likelihood, int? Consequence, RiskTreatment? Treatment, string? TreatmentNote, int? ResidualLikelihood, int? ResidualConsequence, Guid? OwnerId, int? Version);

    public async Task<Outcome<Guid>> CreateAsync(Guid analysisId, Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var refused = await CheckAsync(analysisId, command, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        Domain.Risks.Risk risk;
        try
        {
            risk = new Domain.Risks.Risk(user.OrganisationId!.Value, analysisId, command.ThreatId, command.Cause ?? string.Empty, command.Event!, command.Effect ?? string.Empty, command.Aspects!.Value, command.Likelihood!.Value, command.Consequence!.Value);
            risk.Treat(command.Treatment, command.TreatmentNote, command.ResidualLikelihood, command.ResidualConsequence, command.OwnerId);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }

        db.Risks.Add(risk);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(risk.Id);
    }

    public async Task<Outcome<Guid>> UpdateAsync(Guid analysisId, Guid riskId, Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var risk = await db.Risks.FirstOrDefaultAsync(r => r.Id == riskId && r.AnalysisId == analysisId, cancellationToken);
        if (risk is null)
        {
            return Outcome<Guid>.NotFound();
        }

        var refused = await CheckAsync(analysisId, command, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (command.Version is null)
        {
            return Outcome<Guid>.Invalid(nameof(Command.Version), "Validation.Required");
        }

        db.Entry(risk).Property(r => r.Version).OriginalValue = command.Version.Value;
        try
        {
            risk.Assess(command.ThreatId, command.Cause ?? string.Empty, command.Event!, command.Effect ?? string.Empty, command.Aspects!.Value, command.Likelihood!.Value, command.Consequence!.Value);
            risk.Treat(command.Treatment, command.TreatmentNote, command.ResidualLikelihood, command.ResidualConsequence, command.OwnerId);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }

        db.Entry(risk).Property(r => r.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict();
        }

        return Outcome<Guid>.Ok(riskId);
    }

    private async Task<Outcome<Guid>?> CheckAsync(Guid analysisId, Command command, CancellationToken cancellationToken)
    {
        var analysis = await db.RiskAnalyses.AsNoTracking().FirstOrDefaultAsync(a => a.Id == analysisId, cancellationToken);
        if (analysis is null)
        {
            return Outcome<Guid>.NotFound();
        }

        if (!await access.MayManageAsync(await access.SystemsOfAsync(analysisId, cancellationToken), cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        if (!analysis.IsDraft)
        {
            return Outcome<Guid>.Invalid(string.Empty, "Risk.AnalysisNotDraft");
        }

        var errors = new Validator()
            .Required(nameof(Command.Event), command.Event, Domain.Risks.Risk.TextLength)
            .Optional(nameof(Command.Cause), command.Cause, Domain.Risks.Risk.TextLength)
            .Optional(nameof(Command.Effect), command.Effect, Domain.Risks.Risk.TextLength)
            .Optional(nameof(Command.TreatmentNote), command.TreatmentNote, Domain.Risks.Risk.TextLength)
            .Check(command.Aspects is { } a && a != RiskAspects.None, nameof(Command.Aspects), "Risk.AspectsRequired")
            .Check(command.Likelihood is { } l && RiskLevel.IsStep(l), nameof(Command.Likelihood), "Risk.StepOutOfRange")
            .Check(command.Consequence is { } c && RiskLevel.IsStep(c), nameof(Command.Consequence), "Risk.StepOutOfRange")
            .Check(command.ResidualLikelihood is null || RiskLevel.IsStep(command.ResidualLikelihood.Value), nameof(Command.ResidualLikelihood), "Risk.StepOutOfRange")
            .Check(command.ResidualConsequence is null || RiskLevel.IsStep(command.ResidualConsequence.Value), nameof(Command.ResidualConsequence), "Risk.StepOutOfRange")
            .Check((command.ResidualLikelihood is null) == (command.ResidualConsequence is null), command.ResidualLikelihood is null ? nameof(Command.ResidualLikelihood) : nameof(Command.ResidualConsequence), "Risk.ResidualBoth");
        if (command.Treatment is { } t && !Enum.IsDefined(t))
        {
            errors.Check(false, nameof(Command.Treatment), "Validation.InvalidValue");
        }

        if (command.ThreatId is { } threat && !await db.Threats.AnyAsync(x => x.Id == threat, cancellationToken))
        {
            errors.Check(false, nameof(Command.ThreatId), "Risk.ThreatUnknown");
        }

        if (command.OwnerId is { } owner && !await db.People.AnyAsync(p => p.Id == owner, cancellationToken))
        {
            errors.Check(false, nameof(Command.OwnerId), "Measure.OwnerUnknown");
        }

        return errors.IsValid ? null : Outcome<Guid>.Invalid(errors.Errors);
    }
}

/// <summary>
/// Accepts a risk's residual level (riskacceptans) on the organisation's criteria: the director any level, a system
/// owner of a covered system up to the band the criteria allow. Records who, when, why and by what authority; refuses
/// anyone without it and changes nothing.
/// </summary>
public sealed class AcceptRisk(TillitDbContext db, RiskAccess access, CurrentUser user, TimeProvider clock)
{
    /// <param name="Reason">Why the remaining risk is acceptable.</param>
    /// <param name="Version">The risk's version read.</param>
    public sealed record Command(string? Reason, int? Version);

    public async Task<Outcome<Guid>> HandleAsync(Guid analysisId, Guid riskId, Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var risk = await db.Risks.FirstOrDefaultAsync(r => r.Id == riskId && r.AnalysisId == analysisId, cancellationToken);
        if (risk is null)
        {
            return Outcome<Guid>.NotFound();
        }

        var systems = await access.SystemsOfAsync(analysisId, cancellationToken);
        if (!await access.MayReadAsync(systems, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var acceptor = await access.AcceptorAsync(systems, cancellationToken);
        if (acceptor == RiskAcceptor.None)
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = new Validator().Required(nameof(Command.Reason), command.Reason, Domain.Risks.Risk.TextLength).Check(command.Version is not null, nameof(Command.Version), "Validation.Required");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        var settings = await access.SettingsAsync(cancellationToken);
        db.Entry(risk).Property(r => r.Version).OriginalValue = command.Version!.Value;
        try
        {
            risk.Accept(acceptor, user.PersonId!.Value, command.Reason!, clock.GetUtcNow().UtcDateTime, settings);
        }
        catch (DomainRuleException rule)
        {
            // Beyond one's authority is a refusal, not bad input: nothing is written and the page says why.
            return rule.MessageKey == "Risk.AcceptanceBeyondAuthority" ? Outcome<Guid>.Forbidden() : Outcome<Guid>.Invalid(rule.Field == "AcceptanceReason" ? nameof(Command.Reason) : rule.Field ?? string.Empty, rule.MessageKey);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict();
        }

        return Outcome<Guid>.Ok(riskId);
    }
}

/// <summary>
/// Sends a risk to the action plan: a measure with origin Risk, titled after the risk's event, on the analysis's first
/// system, owned by the risk owner (or the one who asks), due in <see cref="CreateMeasure.DefaultDueDays"/> days.
/// </summary>
public sealed class MeasureFromRisk(TillitDbContext db, RiskAccess access, CreateMeasure create, CurrentUser user)
{
    /// <param name="Title">The measure's title (default: "Åtgärda: " and the risk's event).</param>
    /// <param name="DueDate">By when (default: in 90 days).</param>
    public sealed record Command(string? Title, DateOnly? DueDate);

    public async Task<Outcome<Guid>> HandleAsync(Guid analysisId, Guid riskId, Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var risk = await db.Risks.AsNoTracking().FirstOrDefaultAsync(r => r.Id == riskId && r.AnalysisId == analysisId, cancellationToken);
        if (risk is null)
        {
            return Outcome<Guid>.NotFound();
        }

        var systems = await access.SystemsOfAsync(analysisId, cancellationToken);
        if (!await access.MayManageAsync(systems, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var systemId = systems.Count > 0 ? systems[0].Id : (Guid?)null;
        var unitId = systemId is { } sid ? await db.InformationSystems.Where(s => s.Id == sid).Select(s => (Guid?)s.UnitId).FirstOrDefaultAsync(cancellationToken) : null;
        var title = string.IsNullOrWhiteSpace(command.Title) ? $"Åtgärda: {risk.Event}" : command.Title.Trim();
        return await create.HandleAsync(
            new CreateMeasure.Command(
                title.Length > Measure.TitleLength ? title[..Measure.TitleLength] : title,
                string.Join(" ", new[] { risk.Cause, risk.Event, risk.Effect }.Where(t => t.Length > 0)),
                MeasureOrigin.Risk,
                riskId,
                systemId,
                unitId,
                risk.OwnerId ?? user.PersonId,
                command.DueDate ?? access.Today.AddDays(CreateMeasure.DefaultDueDays)),
            cancellationToken);
    }
}
