using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Courses;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Training;

/// <summary>Records one person's completion of a course, entered by hand on the course's page (training.manage).</summary>
public sealed class RecordCompletion(TillitDbContext db, CurrentUser user, TimeProvider clock)
{
    /// <param name="PersonId">Who completed the course.</param>
    /// <param name="CompletedOn">The day; not in the future.</param>
    public sealed record Command(Guid? PersonId, DateOnly? CompletedOn);

    public async Task<Outcome<Guid>> HandleAsync(Guid courseId, Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await user.HasOrganisationWideAsync(Permissions.TrainingManage, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        if (!await db.TrainingCourses.AnyAsync(c => c.Id == courseId, cancellationToken))
        {
            return Outcome<Guid>.NotFound();
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = new Validator()
            .Check(command.PersonId is not null, nameof(Command.PersonId), "Validation.Required")
            .Check(command.CompletedOn is not null, nameof(Command.CompletedOn), "Validation.Required");
        errors.Check(command.CompletedOn is null || command.CompletedOn <= today, nameof(Command.CompletedOn), "Training.DateInFuture");
        if (errors.IsValid)
        {
            errors.Check(await db.People.AnyAsync(p => p.Id == command.PersonId, cancellationToken), nameof(Command.PersonId), "Validation.InvalidValue");
            errors.Check(!await db.TrainingCompletions.AnyAsync(c => c.CourseId == courseId && c.PersonId == command.PersonId && c.CompletedOn == command.CompletedOn, cancellationToken), nameof(Command.CompletedOn), "Training.AlreadyRecorded");
        }

        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        var completion = new TrainingCompletion(user.OrganisationId!.Value, courseId, command.PersonId!.Value, command.CompletedOn!.Value, imported: false);
        db.TrainingCompletions.Add(completion);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(completion.Id);
    }
}
