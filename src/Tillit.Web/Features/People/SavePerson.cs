using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Organisations;
using Tillit.Web.Security;

namespace Tillit.Web.Features.People;

/// <summary>
/// Creates or changes a person. The one place the rules of a person's name, e-mail and unit apply.
/// A person's e-mail is also their sign-in name, so a changed address moves to their account in the same save.
/// </summary>
public sealed class SavePerson(
    TillitDbContext db,
    CurrentUser user,
    PeopleQueries queries,
    IAuthorizationService authorization,
    IHttpContextAccessor http,
    ILookupNormalizer normalizer)
{
    public sealed record Command(string? Name, string? Email, string? Title, string? Phone, Guid? UnitId, int? Version);

    public async Task<Outcome<Guid>> CreateAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await user.HasAsync(Permissions.PeopleManage, cancellationToken))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = Validate(command);
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        var email = command.Email!.Trim();
        var checks = await CheckAsync(null, email, command.UnitId!.Value, cancellationToken);
        if (checks.Count > 0)
        {
            return Outcome<Guid>.Invalid(checks);
        }

        var person = new Person(user.OrganisationId!.Value, command.Name!.Trim(), email, command.UnitId.Value)
        {
            Title = Blank(command.Title),
            Phone = Blank(command.Phone),
        };
        db.People.Add(person);
        return await SaveAsync(person, email, cancellationToken);
    }

    public async Task<Outcome<Guid>> UpdateAsync(Guid id, Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var found = await queries.FindAsync(id, cancellationToken);
        if (found is null)
        {
            return Outcome<Guid>.NotFound();
        }

        var check = await authorization.AuthorizeAsync(http.HttpContext!.User, new PersonResource(found.Value.Person, found.Value.UnitPath), new PermissionRequirement(Permissions.PeopleManage));
        if (!check.Succeeded)
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = Validate(command).Check(command.Version is not null, nameof(Command.Version), "Validation.Required");
        if (!errors.IsValid)
        {
            return Outcome<Guid>.Invalid(errors.Errors);
        }

        var email = command.Email!.Trim();
        var checks = await CheckAsync(id, email, command.UnitId!.Value, cancellationToken);
        if (checks.Count > 0)
        {
            return Outcome<Guid>.Invalid(checks);
        }

        var person = await db.People.FirstAsync(p => p.Id == id, cancellationToken);
        db.Entry(person).Property(p => p.Version).OriginalValue = command.Version!.Value;
        var emailChanged = !string.Equals(person.Email, email, StringComparison.Ordinal);
        person.Name = command.Name!.Trim();
        person.Email = email;
        person.Title = Blank(command.Title);
        person.Phone = Blank(command.Phone);
        person.UnitId = command.UnitId.Value;

        if (emailChanged)
        {
            var account = await db.Users.FirstOrDefaultAsync(a => a.PersonId == id, cancellationToken);
            if (account is not null)
            {
                var normalized = normalizer.NormalizeName(email);
                if (await db.Users.AnyAsync(a => a.NormalizedUserName == normalized && a.Id != account.Id, cancellationToken))
                {
                    return Outcome<Guid>.Invalid(nameof(Command.Email), "Identity.DuplicateEmail", email);
                }

                account.UserName = email;
                account.NormalizedUserName = normalized;
                account.Email = email;
                account.NormalizedEmail = normalizer.NormalizeEmail(email);
            }
        }

        return await SaveAsync(person, email, cancellationToken);
    }

    private async Task<Outcome<Guid>> SaveAsync(Person person, string email, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict();
        }
        catch (DbUpdateException)
        {
            // Someone saved the same address between our check and our save; the unique index refused it.
            if (await EmailTakenAsync(person.Id, email, cancellationToken))
            {
                return Outcome<Guid>.Invalid(nameof(Command.Email), "Person.EmailTaken");
            }

            throw;
        }

        return Outcome<Guid>.Ok(person.Id);
    }

    /// <summary>The checks that need the database: the unit exists and is within the user's scope, the e-mail is free.</summary>
    private async Task<IReadOnlyList<FieldError>> CheckAsync(Guid? id, string email, Guid unitId, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var unitPath = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken);
        if (unitPath is null)
        {
            errors.Add(new FieldError(nameof(Command.UnitId), "Person.UnitUnknown"));
        }
        else if (!await user.HasForUnitAsync(Permissions.PeopleManage, unitPath, cancellationToken))
        {
            errors.Add(new FieldError(nameof(Command.UnitId), "Person.UnitOutsideScope"));
        }

        if (await EmailTakenAsync(id, email, cancellationToken))
        {
            errors.Add(new FieldError(nameof(Command.Email), "Person.EmailTaken"));
        }

        return errors;
    }

    /// <summary>E-mail addresses are compared without regard to case: two people must not differ by case alone.</summary>
    private Task<bool> EmailTakenAsync(Guid? id, string email, CancellationToken cancellationToken)
    {
        var lower = email.ToLowerInvariant();
        return db.People.AsNoTracking().AnyAsync(p => p.Email.ToLower() == lower && p.Id != id, cancellationToken);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Validator Validate(Command command) => new Validator()
        .Required(nameof(Command.Name), command.Name, 200)
        .Email(nameof(Command.Email), command.Email)
        .Optional(nameof(Command.Title), command.Title, 200)
        .Optional(nameof(Command.Phone), command.Phone, 40)
        .Check(command.UnitId is not null, nameof(Command.UnitId), "Validation.Required");
}
