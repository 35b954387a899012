using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Access;
using Tillit.Domain.Common;
using Tillit.Domain.Courses;
using Tillit.Domain.Documents;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Training;

/// <summary>Creates or changes a training course (training.manage, organisation-wide).</summary>
public sealed class SaveCourse(TillitDbContext db, CurrentUser user)
{
    /// <param name="Title">The course's title.</param>
    /// <param name="Code">The learning platform's code (optional); an import may name the course by it.</param>
    /// <param name="Description">What the course covers (optional).</param>
    /// <param name="AudienceKind">Everyone, Units or Roles.</param>
    /// <param name="UnitIds">The units (with their sub-units) that must take it, when Units.</param>
    /// <param name="Roles">The roles whose holders must take it, when Roles.</param>
    /// <param name="RepeatMonths">Months a completion stays current; empty when the course is taken once.</param>
    /// <param name="IsActive">Counted in the coverage and shown to its audience.</param>
    /// <param name="Version">The version read, when changing.</param>
    public sealed record Command(
        string? Title,
        string? Code,
        string? Description,
        AudienceKind? AudienceKind,
        IReadOnlyList<Guid>? UnitIds,
        IReadOnlyList<Role>? Roles,
        int? RepeatMonths,
        bool IsActive,
        int? Version = null);

    public async Task<Outcome<Guid>> CreateAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await user.HasOrganisationWideAsync(Permissions.TrainingManage, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = await ValidateAsync(command, null, cancellationToken);
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        var course = new TrainingCourse(user.OrganisationId!.Value, command.Title!);
        try
        {
            Apply(course, command);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }

        db.TrainingCourses.Add(course);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(course.Id);
    }

    public async Task<Outcome<Guid>> UpdateAsync(Guid id, Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await user.HasOrganisationWideAsync(Permissions.TrainingManage, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var course = await db.TrainingCourses.Include(c => c.Audience).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (course is null)
        {
            return Outcome<Guid>.NotFound();
        }

        var errors = (await ValidateAsync(command, id, cancellationToken)).Check(command.Version is not null, nameof(Command.Version), "Validation.Required");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        db.Entry(course).Property(c => c.Version).OriginalValue = command.Version!.Value;
        try
        {
            Apply(course, command);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<Guid>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }

        // The audience rows are rows of their own; the course's version moves with them so a stale form is refused.
        if (db.Entry(course).State == EntityState.Unchanged)
        {
            db.Entry(course).Property(c => c.Version).IsModified = true;
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

    private void Apply(TrainingCourse course, Command command)
    {
        course.Describe(command.Title!, command.Code, command.Description);
        course.SetRepeat(command.RepeatMonths, command.IsActive);
        var removed = course.SetAudience(command.AudienceKind!.Value, command.UnitIds ?? [], command.Roles ?? []);
        db.CourseAudiences.RemoveRange(removed);
        foreach (var added in course.Audience)
        {
            db.CourseAudiences.Add(added);
        }
    }

    private async Task<Validator> ValidateAsync(Command command, Guid? id, CancellationToken cancellationToken)
    {
        var errors = new Validator()
            .Required(nameof(Command.Title), command.Title, TrainingCourse.TitleLength)
            .Optional(nameof(Command.Code), command.Code, TrainingCourse.CodeLength)
            .Optional(nameof(Command.Description), command.Description, TrainingCourse.TextLength)
            .Defined(nameof(Command.AudienceKind), command.AudienceKind);
        errors.Check(command.RepeatMonths is null or (>= 1 and <= TrainingCourse.MaxRepeatMonths), nameof(Command.RepeatMonths), "Training.RepeatOutOfRange", TrainingCourse.MaxRepeatMonths);
        errors.Check(command.AudienceKind != AudienceKind.Units || command.UnitIds is { Count: > 0 }, nameof(Command.UnitIds), "Campaign.AudienceEmpty");
        errors.Check(command.AudienceKind != AudienceKind.Roles || command.Roles is { Count: > 0 }, nameof(Command.Roles), "Campaign.AudienceEmpty");
        errors.Check((command.Roles ?? []).All(Enum.IsDefined), nameof(Command.Roles), "Validation.InvalidValue");
        if (!errors.IsValid)
        {
            return errors;
        }

        // Titles and codes name a course in an import: each must be unique in the organisation.
        var title = command.Title!.Trim();
        errors.Check(!await db.TrainingCourses.AnyAsync(c => c.Id != id && c.Title == title, cancellationToken), nameof(Command.Title), "Training.TitleTaken");
        if (!string.IsNullOrWhiteSpace(command.Code))
        {
            var code = command.Code.Trim();
            errors.Check(!await db.TrainingCourses.AnyAsync(c => c.Id != id && c.Code == code, cancellationToken), nameof(Command.Code), "Training.CodeTaken");
        }

        var units = (command.UnitIds ?? []).Distinct().ToList();
        if (command.AudienceKind == AudienceKind.Units && units.Count > 0)
        {
            // The tenant filter makes another organisation's ids count as missing.
            errors.Check(await db.Units.CountAsync(u => units.Contains(u.Id), cancellationToken) == units.Count, nameof(Command.UnitIds), "Validation.InvalidValue");
        }

        return errors;
    }
}
