using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Access;
using Tillit.Domain.Common;
using Tillit.Domain.Documents;
using Tillit.Domain.Measures;
using Tillit.Domain.Requirements;
using Tillit.Web.Features.Measures;
using Tillit.Web.Security;

namespace Tillit.Web.Features.SelfAssessments;

/// <summary>
/// The changes of a compliance self-assessment: sending a questionnaire (one form per recipient), answering a
/// form (a draft until submitted, then locked; only its recipient or the security officer) and making a measure
/// of a gap (once per answer).
/// </summary>
public sealed class SelfAssessmentWork(TillitDbContext db, CurrentUser user, CreateMeasure create, TimeProvider clock)
{
    /// <param name="DocumentId">The guideline asked about.</param>
    /// <param name="Title">The questionnaire's title.</param>
    /// <param name="Areas">Only the active requirements of these areas; none: every active requirement.</param>
    /// <param name="RequirementIds">Exactly these requirements (overrides the areas).</param>
    /// <param name="Recipients">Units (their managers answer) or SystemOwners (one form per owned system).</param>
    /// <param name="UnitIds">The units asked, when the recipients are units.</param>
    /// <param name="DueDate">The deadline, after today.</param>
    public sealed record SendCommand(Guid? DocumentId, string? Title, IReadOnlyList<RequirementArea>? Areas, IReadOnlyList<Guid>? RequirementIds, QuestionnaireRecipients? Recipients, IReadOnlyList<Guid>? UnitIds, DateOnly? DueDate);

    /// <summary>One requirement's answer in a form.</summary>
    public sealed record AnswerInput(Guid RequirementId, AssessmentStatus? Status, string? Comment);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Outcome<Guid>> SendAsync(SendCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await user.HasOrganisationWideAsync(Permissions.SelfAssessmentsManage, cancellationToken) || user.PersonId is not { } me)
        {
            return Outcome<Guid>.Forbidden();
        }

        var today = Today;
        var errors = new Validator()
            .Required(nameof(SendCommand.Title), command.Title, Questionnaire.TitleLength)
            .Check(command.DocumentId is not null, nameof(SendCommand.DocumentId), "Validation.Required")
            .Defined(nameof(SendCommand.Recipients), command.Recipients)
            .Check(command.DueDate is not null, nameof(SendCommand.DueDate), "Validation.Required")
            .Check(command.DueDate is null || command.DueDate > today, nameof(SendCommand.DueDate), "SelfAssessment.DueInPast");
        if (command.DocumentId is { } documentId
            && !await db.Documents.AnyAsync(d => d.Id == documentId && d.Type == DocumentType.Guideline && db.DocumentVersions.Any(v => v.DocumentId == d.Id && v.Status == DocumentStatus.Current), cancellationToken))
        {
            errors.Check(false, nameof(SendCommand.DocumentId), "SelfAssessment.NotCurrentGuideline");
        }

        var requirements = await RequirementsAsync(command, cancellationToken);
        errors.Check(requirements.Count > 0, nameof(SendCommand.Areas), "SelfAssessment.NoRequirements");
        var recipients = command.Recipients switch
        {
            QuestionnaireRecipients.Units => await UnitRecipientsAsync(command.UnitIds ?? [], today, errors, cancellationToken),
            QuestionnaireRecipients.SystemOwners => await OwnerRecipientsAsync(today, errors, cancellationToken),
            _ => [],
        };
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        var organisationId = user.OrganisationId!.Value;
        var questionnaire = new Questionnaire(organisationId, command.DocumentId!.Value, command.Title!, command.Recipients!.Value, command.DueDate!.Value, me, today);
        db.Questionnaires.Add(questionnaire);
        foreach (var (unitId, systemId, respondentId) in recipients)
        {
            var response = new QuestionnaireResponse(organisationId, questionnaire.Id, unitId, systemId, respondentId);
            db.QuestionnaireResponses.Add(response);
            db.QuestionnaireAnswers.AddRange(requirements.Select(r => new QuestionnaireAnswer(organisationId, response.Id, r)));
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(questionnaire.Id);
    }

    /// <summary>
    /// Saves a form's answers; with <paramref name="submit"/> also locks it, which needs every requirement
    /// answered. Only the form's recipient or the security officer may; a submitted form is not changed.
    /// </summary>
    public async Task<Outcome<Guid>> SaveAsync(Guid responseId, IReadOnlyList<AnswerInput> answers, bool submit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var response = await db.QuestionnaireResponses.FirstOrDefaultAsync(r => r.Id == responseId, cancellationToken);
        if (response is null)
        {
            return Outcome<Guid>.NotFound();
        }

        if (!await MayAnswerAsync(response, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        if (response.IsSubmitted)
        {
            return Outcome<Guid>.Invalid(string.Empty, "SelfAssessment.Submitted");
        }

        var stored = await db.QuestionnaireAnswers.Where(a => a.ResponseId == responseId).ToListAsync(cancellationToken);
        var errors = new Validator();
        for (var i = 0; i < answers.Count; i++)
        {
            var input = answers[i];
            errors.Optional($"Answers[{i}].Comment", input.Comment, QuestionnaireAnswer.CommentLength)
                .Check(input.Status is null || Enum.IsDefined(input.Status.Value), $"Answers[{i}].Status", "Validation.InvalidValue")
                .Check(stored.Any(a => a.RequirementId == input.RequirementId), $"Answers[{i}].Status", "SelfAssessment.UnknownRequirement");
        }

        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        foreach (var input in answers)
        {
            stored.Single(a => a.RequirementId == input.RequirementId).Record(input.Status, input.Comment);
        }

        if (submit)
        {
            try
            {
                response.Submit(stored, user.PersonId!.Value, clock.GetUtcNow().UtcDateTime);
            }
            catch (DomainRuleException rule)
            {
                db.ChangeTracker.Clear();
                return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict();
        }

        return Outcome<Guid>.Ok(response.Id);
    }

    /// <summary>Whether the current person answers this form: its recipient, or the security officer.</summary>
    public async Task<bool> MayAnswerAsync(QuestionnaireResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        return (user.PersonId is { } me && me == response.RespondentId)
            || await user.HasOrganisationWideAsync(Permissions.SelfAssessmentsManage, cancellationToken);
    }

    /// <summary>
    /// The gap of a submitted answer (not met or partly) becomes a measure of the action plan, owned by the one who
    /// answered, due in <see cref="CreateMeasure.DefaultDueDays"/> days, linked both ways (the measure's origin is
    /// the answer; the answer keeps the measure). A second measure of the same answer is refused.
    /// </summary>
    public async Task<Outcome<Guid>> MeasureFromAnswerAsync(Guid questionnaireId, Guid answerId, CancellationToken cancellationToken)
    {
        if (!await user.HasOrganisationWideAsync(Permissions.SelfAssessmentsManage, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var answer = await db.QuestionnaireAnswers.FirstOrDefaultAsync(a => a.Id == answerId, cancellationToken);
        var response = answer is null ? null : await db.QuestionnaireResponses.AsNoTracking().FirstOrDefaultAsync(r => r.Id == answer.ResponseId && r.QuestionnaireId == questionnaireId, cancellationToken);
        if (answer is null || response is null)
        {
            return Outcome<Guid>.NotFound();
        }

        if (answer.MeasureId is not null)
        {
            return Outcome<Guid>.Invalid(string.Empty, "SelfAssessment.MeasureExists");
        }

        if (!response.IsSubmitted || !answer.IsGap)
        {
            return Outcome<Guid>.Invalid(string.Empty, "Measure.NoGap");
        }

        var requirement = await db.Requirements.AsNoTracking().FirstAsync(r => r.Id == answer.RequirementId, cancellationToken);
        var title = $"{requirement.Code} {requirement.Title}";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var made = await create.HandleAsync(
            new CreateMeasure.Command(
                title.Length > Measure.TitleLength ? title[..Measure.TitleLength] : title,
                answer.Comment,
                MeasureOrigin.SelfAssessment,
                answer.Id,
                response.SystemId,
                response.UnitId,
                response.RespondentId,
                Today.AddDays(CreateMeasure.DefaultDueDays)),
            cancellationToken);
        if (!made.IsOk)
        {
            return made;
        }

        answer.LinkMeasure(made.Value);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone made the measure at the same moment: theirs stands, this one is rolled back.
            return Outcome<Guid>.Invalid(string.Empty, "SelfAssessment.MeasureExists");
        }

        await transaction.CommitAsync(cancellationToken);
        return made;
    }

    private async Task<List<Guid>> RequirementsAsync(SendCommand command, CancellationToken cancellationToken)
    {
        var query = db.Requirements.AsNoTracking().Where(r => r.IsActive);
        if (command.RequirementIds is { Count: > 0 } ids)
        {
            query = query.Where(r => ids.Contains(r.Id));
        }
        else if (command.Areas is { Count: > 0 } areas)
        {
            query = query.Where(r => areas.Contains(r.Area));
        }

        return await query.OrderBy(r => r.Code).Select(r => r.Id).ToListAsync(cancellationToken);
    }

    // Each unit is answered by its manager (a current manager appointment scoped to the unit); a unit without one is refused.
    private async Task<List<(Guid UnitId, Guid? SystemId, Guid RespondentId)>> UnitRecipientsAsync(IReadOnlyList<Guid> unitIds, DateOnly today, Validator errors, CancellationToken cancellationToken)
    {
        if (unitIds.Count == 0)
        {
            errors.Check(false, nameof(SendCommand.UnitIds), "SelfAssessment.NoUnits");
            return [];
        }

        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
        var managers = await db.RoleAssignments.AsNoTracking()
            .Where(a => a.Role == Role.Manager && a.ScopeKind == ScopeKind.Unit && a.ScopeId != null && unitIds.Contains(a.ScopeId.Value) && a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today))
            .OrderByDescending(a => a.ValidFrom).ThenByDescending(a => a.Id)
            .Select(a => new { UnitId = a.ScopeId!.Value, a.PersonId })
            .ToListAsync(cancellationToken);
        errors.Check(units.Count == unitIds.Distinct().Count(), nameof(SendCommand.UnitIds), "System.UnitUnknown");
        var result = new List<(Guid, Guid?, Guid)>();
        foreach (var unit in units)
        {
            var manager = managers.FirstOrDefault(m => m.UnitId == unit.Id);
            if (manager is null)
            {
                errors.Check(false, nameof(SendCommand.UnitIds), "SelfAssessment.NoManager", unit.Name);
                continue;
            }

            result.Add((unit.Id, null, manager.PersonId));
        }

        return result;
    }

    // Every system with a current owner (an appointment scoped to the system) gets a form; systems without one are left out.
    private async Task<List<(Guid UnitId, Guid? SystemId, Guid RespondentId)>> OwnerRecipientsAsync(DateOnly today, Validator errors, CancellationToken cancellationToken)
    {
        var owners = await db.RoleAssignments.AsNoTracking()
            .Where(a => a.Role == Role.SystemOwner && a.ScopeKind == ScopeKind.InformationSystem && a.ScopeId != null && a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today))
            .Join(db.InformationSystems, a => a.ScopeId, s => s.Id, (a, s) => new { SystemId = s.Id, s.UnitId, a.PersonId, a.ValidFrom, a.Id })
            .ToListAsync(cancellationToken);
        var result = owners.GroupBy(o => o.SystemId)
            .Select(g => g.OrderByDescending(o => o.ValidFrom).ThenByDescending(o => o.Id).First())
            .Select(o => (o.UnitId, (Guid?)o.SystemId, o.PersonId))
            .ToList();
        errors.Check(result.Count > 0, nameof(SendCommand.Recipients), "SelfAssessment.NoOwners");
        return result;
    }
}
