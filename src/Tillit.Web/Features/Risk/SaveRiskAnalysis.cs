using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Common;
using Tillit.Domain.Risks;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Risk;

/// <summary>Starts a risk analysis of one system or of a process spanning systems, and changes a draft's scope, method, participants and dates.</summary>
public sealed class SaveRiskAnalysis(TillitDbContext db, RiskAccess access, CurrentUser user)
{
    /// <param name="Title">What is analysed.</param>
    /// <param name="Scope">System (one system) or Process (several).</param>
    /// <param name="SystemIds">The systems covered.</param>
    /// <param name="MethodNote">How the analysis is done.</param>
    /// <param name="Participants">Who takes part.</param>
    /// <param name="AnalysedOn">The day of the analysis.</param>
    /// <param name="NextReviewOn">When it is to be reviewed next (default: the organisation's maximum age).</param>
    /// <param name="Version">The version read (changes only).</param>
    public sealed record Command(string? Title, RiskAnalysisScope? Scope, IReadOnlyList<Guid>? SystemIds, string? MethodNote, string? Participants, DateOnly? AnalysedOn, DateOnly? NextReviewOn, int? Version);

    public async Task<Outcome<Guid>> CreateAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await user.HasAsync(Permissions.RisksManage, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var (errors, systems) = await ValidateAsync(command, cancellationToken);
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        if (!await access.MayManageAsync(systems, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var settings = await access.SettingsAsync(cancellationToken);
        var on = command.AnalysedOn ?? access.Today;
        RiskAnalysis analysis;
        try
        {
            analysis = new RiskAnalysis(user.OrganisationId!.Value, command.Title!, command.Scope!.Value, command.MethodNote ?? string.Empty, command.Participants ?? string.Empty, on, command.NextReviewOn ?? on.AddMonths(settings.MaxAgeMonths));
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }

        db.RiskAnalyses.Add(analysis);
        db.RiskAnalysisSystems.AddRange(systems.Select(s => new RiskAnalysisSystem(analysis.OrganisationId, analysis.Id, s.Id)));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(analysis.Id);
    }

    public async Task<Outcome<Guid>> UpdateAsync(Guid id, Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var analysis = await db.RiskAnalyses.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (analysis is null)
        {
            return Outcome<Guid>.NotFound();
        }

        var current = await access.SystemsOfAsync(id, cancellationToken);
        if (!await access.MayManageAsync(current, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var (errors, systems) = await ValidateAsync(command with { Scope = analysis.Scope }, cancellationToken);
        errors.Check(command.Version is not null, nameof(Command.Version), "Validation.Required");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        if (!await access.MayManageAsync(systems, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        db.Entry(analysis).Property(a => a.Version).OriginalValue = command.Version!.Value;
        try
        {
            analysis.Change(command.Title!, command.MethodNote ?? string.Empty, command.Participants ?? string.Empty, command.AnalysedOn ?? analysis.AnalysedOn, command.NextReviewOn ?? analysis.NextReviewOn);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }

        var links = await db.RiskAnalysisSystems.Where(x => x.AnalysisId == id).ToListAsync(cancellationToken);
        var wanted = systems.Select(s => s.Id).ToHashSet();
        db.RiskAnalysisSystems.RemoveRange(links.Where(x => !wanted.Contains(x.SystemId)));
        db.RiskAnalysisSystems.AddRange(wanted.Where(w => links.All(x => x.SystemId != w)).Select(w => new RiskAnalysisSystem(analysis.OrganisationId, id, w)));
        db.Entry(analysis).Property(a => a.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict();
        }

        return Outcome<Guid>.Ok(id);
    }

    private async Task<(Validator Errors, IReadOnlyList<(Guid Id, string Path)> Systems)> ValidateAsync(Command command, CancellationToken cancellationToken)
    {
        var ids = (command.SystemIds ?? []).Distinct().ToList();
        var errors = new Validator()
            .Required(nameof(Command.Title), command.Title, RiskAnalysis.TitleLength)
            .Optional(nameof(Command.MethodNote), command.MethodNote, RiskAnalysis.TextLength)
            .Optional(nameof(Command.Participants), command.Participants, RiskAnalysis.TextLength)
            .Defined(nameof(Command.Scope), command.Scope)
            .Check(command.Scope is null || ids.Count > 0, nameof(Command.SystemIds), "Validation.Required")
            .Check(command.Scope != RiskAnalysisScope.System || ids.Count <= 1, nameof(Command.SystemIds), "Risk.OneSystem")
            .Check(ids.Count <= 50, nameof(Command.SystemIds), "Risk.TooManySystems");
        var found = await db.InformationSystems.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { s.Id, u.Path }).ToListAsync(cancellationToken);
        errors.Check(found.Count == ids.Count, nameof(Command.SystemIds), "Measure.SystemUnknown");
        return (errors, found.Select(f => (f.Id, f.Path)).ToList());
    }
}

/// <summary>What to do with an analysis's status.</summary>
public enum RiskAnalysisAction
{
    Submit = 0,
    Return = 1,
    Approve = 2,
}

/// <summary>
/// Moves an analysis along: whoever manages it sends a draft with risks for review, returns it to draft, or approves
/// it. An illegal move is refused by the domain and changes nothing.
/// </summary>
public sealed class ChangeRiskAnalysisStatus(TillitDbContext db, RiskAccess access, CurrentUser user)
{
    /// <param name="Action">Submit, Return or Approve.</param>
    /// <param name="Version">The version read.</param>
    public sealed record Command(RiskAnalysisAction? Action, int? Version);

    public async Task<Outcome<Guid>> HandleAsync(Guid id, Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var analysis = await db.RiskAnalyses.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (analysis is null)
        {
            return Outcome<Guid>.NotFound();
        }

        if (!await access.MayManageAsync(await access.SystemsOfAsync(id, cancellationToken), cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = new Validator().Defined(nameof(Command.Action), command.Action).Check(command.Version is not null, nameof(Command.Version), "Validation.Required");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        db.Entry(analysis).Property(a => a.Version).OriginalValue = command.Version!.Value;
        try
        {
            switch (command.Action!.Value)
            {
                case RiskAnalysisAction.Submit:
                    analysis.SubmitForReview(await db.Risks.CountAsync(r => r.AnalysisId == id, cancellationToken));
                    break;
                case RiskAnalysisAction.Return:
                    analysis.ReturnToDraft();
                    break;
                default:
                    analysis.Approve(user.PersonId!.Value, access.Today);
                    break;
            }
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field == "Status" ? nameof(Command.Action) : rule.Field ?? string.Empty, rule.MessageKey);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict();
        }

        return Outcome<Guid>.Ok(id);
    }
}

/// <summary>
/// The next cycle: a new draft over the same systems with every risk copied to be assessed again; the old analysis
/// stays as it was, as history. Only one successor per analysis: asking again returns the one already started.
/// </summary>
public sealed class StartNextRiskCycle(TillitDbContext db, RiskAccess access)
{
    public async Task<Outcome<Guid>> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var analysis = await db.RiskAnalyses.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (analysis is null)
        {
            return Outcome<Guid>.NotFound();
        }

        var systems = await access.SystemsOfAsync(id, cancellationToken);
        if (!await access.MayManageAsync(systems, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        if (await db.RiskAnalyses.Where(a => a.PreviousAnalysisId == id).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken) is { } existing)
        {
            return Outcome<Guid>.Ok(existing);
        }

        var settings = await access.SettingsAsync(cancellationToken);
        RiskAnalysis next;
        try
        {
            next = analysis.StartNextCycle(access.Today, settings.MaxAgeMonths);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(string.Empty, rule.MessageKey);
        }

        db.RiskAnalyses.Add(next);
        db.RiskAnalysisSystems.AddRange(systems.Select(s => new RiskAnalysisSystem(next.OrganisationId, next.Id, s.Id)));
        var risks = await db.Risks.AsNoTracking().Where(r => r.AnalysisId == id).ToListAsync(cancellationToken);
        db.Risks.AddRange(risks.Select(r => r.CopyFor(next.Id)));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(next.Id);
    }
}
