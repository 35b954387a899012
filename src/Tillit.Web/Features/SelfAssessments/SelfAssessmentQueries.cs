using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Documents;
using Tillit.Domain.Requirements;
using Tillit.Web.Infrastructure.Audit;
using Tillit.Web.Security;

namespace Tillit.Web.Features.SelfAssessments;

/// <summary>
/// Counts of answers. The share met is met / (met + partly + not met): "not applicable" is left out of the
/// share (it is neither followed nor broken), "partly" counts against it, and only submitted forms count.
/// </summary>
public sealed record AnswerCounts(int Met, int Partly, int NotMet, int NotApplicable)
{
    public static AnswerCounts Of(IEnumerable<AssessmentStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var list = statuses.ToList();
        return new AnswerCounts(
            list.Count(s => s == AssessmentStatus.Met),
            list.Count(s => s == AssessmentStatus.PartlyMet),
            list.Count(s => s == AssessmentStatus.NotMet),
            list.Count(s => s == AssessmentStatus.NotApplicable));
    }

    public int Applicable => Met + Partly + NotMet;

    /// <summary>Met of the applicable answers, 0–1; null when nothing applicable was answered.</summary>
    public decimal? ShareMet => Applicable == 0 ? null : (decimal)Met / Applicable;

    /// <summary>"met,partly,not met,not applicable;share in whole per cent" (machine-readable, on the roll-up's rows).</summary>
    public string Key => FormattableString.Invariant($"{Met},{Partly},{NotMet},{NotApplicable};{(ShareMet is { } s ? Math.Round(s * 100, MidpointRounding.AwayFromZero).ToString(System.Globalization.CultureInfo.InvariantCulture) : "-")}");
}

public sealed record QuestionnaireRow(Guid Id, string Title, string DocumentTitle, QuestionnaireRecipients Recipients, DateOnly SentOn, DateOnly DueDate, int Forms, int Submitted);

public sealed record UnitRollUp(Guid UnitId, string UnitName, int Forms, int Submitted, AnswerCounts Counts);

public sealed record RequirementRollUp(Guid RequirementId, string Code, string Title, AnswerCounts Counts);

public sealed record ResponseRow(Guid Id, string RespondentName, string UnitName, string? SystemName, DateTime? SubmittedUtc, DateOnly? ReminderSentOn, int Answered, int Questions);

public sealed record GapRow(Guid AnswerId, string UnitName, string? SystemName, string RequirementCode, string RequirementTitle, AssessmentStatus Status, string Comment, Guid? MeasureId);

/// <summary>The security officer's view of one questionnaire: the forms, the roll-up per unit, for the organisation and per requirement, and the gaps.</summary>
public sealed record QuestionnaireDetails(
    Guid Id,
    string Title,
    Guid DocumentId,
    string DocumentTitle,
    QuestionnaireRecipients Recipients,
    DateOnly SentOn,
    DateOnly DueDate,
    IReadOnlyList<ResponseRow> Responses,
    IReadOnlyList<UnitRollUp> Units,
    AnswerCounts Organisation,
    IReadOnlyList<RequirementRollUp> Requirements,
    IReadOnlyList<GapRow> Gaps);

public sealed record MyQuestionnaire(Guid ResponseId, string Title, string DocumentTitle, string UnitName, string? SystemName, DateOnly DueDate, DateTime? SubmittedUtc, int Answered, int Questions);

public sealed record FormQuestion(Guid RequirementId, string Code, string Title, string? TitleEn, string Description, AssessmentStatus? Status, string Comment);

public sealed record ResponseForm(Guid Id, Guid QuestionnaireId, string Title, string DocumentTitle, string UnitName, string? SystemName, string RespondentName, DateOnly DueDate, DateTime? SubmittedUtc, bool MayManage, IReadOnlyList<FormQuestion> Questions);

/// <summary>
/// Reads self-assessments. The answers show where guidelines are not followed, so the roll-up is a protected
/// read (audited); a recipient reads their own forms.
/// </summary>
public sealed class SelfAssessmentQueries(TillitDbContext db, CurrentUser user, SelfAssessmentWork work, AuditTrail trail)
{
    public const string ProtectedType = "Questionnaire";

    public async Task<IReadOnlyList<QuestionnaireRow>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Questionnaires.AsNoTracking()
            .Join(db.Documents, q => q.DocumentId, d => d.Id, (q, d) => new { q, d.Title })
            .OrderByDescending(x => x.q.SentOn).ThenBy(x => x.q.Title)
            .Select(x => new QuestionnaireRow(
                x.q.Id, x.q.Title, x.Title, x.q.Recipients, x.q.SentOn, x.q.DueDate,
                db.QuestionnaireResponses.Count(r => r.QuestionnaireId == x.q.Id),
                db.QuestionnaireResponses.Count(r => r.QuestionnaireId == x.q.Id && r.SubmittedUtc != null)))
            .ToListAsync(cancellationToken);
        await trail.RecordListAsync(ProtectedType, string.Empty, rows.Count);
        return rows;
    }

    public async Task<Outcome<QuestionnaireDetails>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var questionnaire = await db.Questionnaires.AsNoTracking()
            .Where(q => q.Id == id)
            .Join(db.Documents, q => q.DocumentId, d => d.Id, (q, d) => new { q, d.Title })
            .FirstOrDefaultAsync(cancellationToken);
        if (questionnaire is null)
        {
            return Outcome<QuestionnaireDetails>.NotFound();
        }

        var responses = await db.QuestionnaireResponses.AsNoTracking()
            .Where(r => r.QuestionnaireId == id)
            .Join(db.Units, r => r.UnitId, u => u.Id, (r, u) => new { r, UnitName = u.Name })
            .Join(db.People, x => x.r.RespondentId, p => p.Id, (x, p) => new { x.r, x.UnitName, Respondent = p.Name })
            .Select(x => new
            {
                x.r.Id,
                x.r.UnitId,
                x.UnitName,
                x.r.SystemId,
                SystemName = db.InformationSystems.Where(s => s.Id == x.r.SystemId).Select(s => s.Name).FirstOrDefault(),
                x.Respondent,
                x.r.SubmittedUtc,
                x.r.ReminderSentOn,
            })
            .ToListAsync(cancellationToken);
        var responseIds = responses.Select(r => r.Id).ToList();
        var answers = await db.QuestionnaireAnswers.AsNoTracking()
            .Where(a => responseIds.Contains(a.ResponseId))
            .Join(db.Requirements, a => a.RequirementId, r => r.Id, (a, r) => new { a.Id, a.ResponseId, a.RequirementId, r.Code, r.Title, a.Status, a.Comment, a.MeasureId })
            .ToListAsync(cancellationToken);
        await trail.RecordReadAsync(ProtectedType, id);

        var byResponse = responses.ToDictionary(r => r.Id);
        var submitted = answers.Where(a => byResponse[a.ResponseId].SubmittedUtc is not null && a.Status is not null).ToList();
        var units = responses.GroupBy(r => new { r.UnitId, r.UnitName })
            .Select(g => new UnitRollUp(
                g.Key.UnitId,
                g.Key.UnitName,
                g.Count(),
                g.Count(r => r.SubmittedUtc is not null),
                AnswerCounts.Of(submitted.Where(a => byResponse[a.ResponseId].UnitId == g.Key.UnitId).Select(a => a.Status!.Value))))
            .OrderBy(u => u.UnitName, StringComparer.CurrentCulture)
            .ToList();
        var requirements = answers.GroupBy(a => new { a.RequirementId, a.Code, a.Title })
            .Select(g => new RequirementRollUp(g.Key.RequirementId, g.Key.Code, g.Key.Title, AnswerCounts.Of(submitted.Where(a => a.RequirementId == g.Key.RequirementId).Select(a => a.Status!.Value))))
            .OrderBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        var gaps = submitted.Where(a => a.Status is AssessmentStatus.NotMet or AssessmentStatus.PartlyMet)
            .Select(a => new GapRow(a.Id, byResponse[a.ResponseId].UnitName, byResponse[a.ResponseId].SystemName, a.Code, a.Title, a.Status!.Value, a.Comment, a.MeasureId))
            .OrderBy(g => g.UnitName, StringComparer.CurrentCulture).ThenBy(g => g.SystemName, StringComparer.CurrentCulture).ThenBy(g => g.RequirementCode, StringComparer.Ordinal)
            .ToList();
        var rows = responses
            .Select(r => new ResponseRow(r.Id, r.Respondent, r.UnitName, r.SystemName, r.SubmittedUtc, r.ReminderSentOn, answers.Count(a => a.ResponseId == r.Id && a.Status is not null), answers.Count(a => a.ResponseId == r.Id)))
            .OrderBy(r => r.UnitName, StringComparer.CurrentCulture).ThenBy(r => r.SystemName, StringComparer.CurrentCulture)
            .ToList();
        var q = questionnaire.q;
        return Outcome<QuestionnaireDetails>.Ok(new QuestionnaireDetails(
            q.Id, q.Title, q.DocumentId, questionnaire.Title, q.Recipients, q.SentOn, q.DueDate, rows, units,
            AnswerCounts.Of(submitted.Select(a => a.Status!.Value)), requirements, gaps));
    }

    /// <summary>The current person's forms: open ones first by deadline, then the submitted.</summary>
    public async Task<IReadOnlyList<MyQuestionnaire>> MineAsync(CancellationToken cancellationToken)
    {
        if (user.PersonId is not { } me)
        {
            return [];
        }

        return await db.QuestionnaireResponses.AsNoTracking()
            .Where(r => r.RespondentId == me)
            .Join(db.Questionnaires, r => r.QuestionnaireId, q => q.Id, (r, q) => new { r, q })
            .Join(db.Documents, x => x.q.DocumentId, d => d.Id, (x, d) => new { x.r, x.q, DocumentTitle = d.Title })
            .Join(db.Units, x => x.r.UnitId, u => u.Id, (x, u) => new { x.r, x.q, x.DocumentTitle, UnitName = u.Name })
            .OrderBy(x => x.r.SubmittedUtc != null).ThenBy(x => x.q.DueDate)
            .Select(x => new MyQuestionnaire(
                x.r.Id, x.q.Title, x.DocumentTitle, x.UnitName,
                db.InformationSystems.Where(s => s.Id == x.r.SystemId).Select(s => s.Name).FirstOrDefault(),
                x.q.DueDate, x.r.SubmittedUtc,
                db.QuestionnaireAnswers.Count(a => a.ResponseId == x.r.Id && a.Status != null),
                db.QuestionnaireAnswers.Count(a => a.ResponseId == x.r.Id)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>How many forms wait for the current person (not submitted).</summary>
    public async Task<int> OpenCountAsync(CancellationToken cancellationToken) =>
        user.PersonId is { } me ? await db.QuestionnaireResponses.CountAsync(r => r.RespondentId == me && r.SubmittedUtc == null, cancellationToken) : 0;

    /// <summary>One form with its questions, for its recipient or the security officer; anyone else is refused.</summary>
    public async Task<Outcome<ResponseForm>> FormAsync(Guid responseId, CancellationToken cancellationToken)
    {
        var response = await db.QuestionnaireResponses.AsNoTracking().FirstOrDefaultAsync(r => r.Id == responseId, cancellationToken);
        if (response is null)
        {
            return Outcome<ResponseForm>.NotFound();
        }

        if (!await work.MayAnswerAsync(response, cancellationToken))
        {
            return Outcome<ResponseForm>.Forbidden();
        }

        var head = await db.Questionnaires.AsNoTracking().Where(q => q.Id == response.QuestionnaireId)
            .Join(db.Documents, q => q.DocumentId, d => d.Id, (q, d) => new { q.Title, DocumentTitle = d.Title, q.DueDate })
            .FirstAsync(cancellationToken);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == response.UnitId).Select(u => u.Name).FirstAsync(cancellationToken);
        var system = response.SystemId is { } sid ? await db.InformationSystems.AsNoTracking().Where(s => s.Id == sid).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var respondent = await db.People.AsNoTracking().Where(p => p.Id == response.RespondentId).Select(p => p.Name).FirstAsync(cancellationToken);
        var questions = await db.QuestionnaireAnswers.AsNoTracking().Where(a => a.ResponseId == responseId)
            .Join(db.Requirements, a => a.RequirementId, r => r.Id, (a, r) => new FormQuestion(r.Id, r.Code, r.Title, r.TitleEn, r.Description, a.Status, a.Comment))
            .ToListAsync(cancellationToken);
        var mayManage = await user.HasOrganisationWideAsync(Permissions.SelfAssessmentsManage, cancellationToken);
        return Outcome<ResponseForm>.Ok(new ResponseForm(
            response.Id, response.QuestionnaireId, head.Title, head.DocumentTitle, unit, system, respondent, head.DueDate, response.SubmittedUtc, mayManage,
            [.. questions.OrderBy(q => q.Code, StringComparer.Ordinal)]));
    }

    /// <summary>The guidelines in force, for the send form.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Title)>> GuidelinesAsync(CancellationToken cancellationToken) =>
        (await db.Documents.AsNoTracking()
            .Where(d => d.Type == DocumentType.Guideline && db.DocumentVersions.Any(v => v.DocumentId == d.Id && v.Status == DocumentStatus.Current))
            .OrderBy(d => d.Title)
            .Select(d => new { d.Id, d.Title })
            .ToListAsync(cancellationToken))
        .Select(d => (d.Id, d.Title)).ToList();
}
