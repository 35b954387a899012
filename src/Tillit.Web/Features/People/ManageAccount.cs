using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Data.Identity;
using Tillit.Domain.Organisations;
using Tillit.Web.Infrastructure.Demo;
using Tillit.Web.Security;

namespace Tillit.Web.Features.People;

/// <summary>
/// The account work an administrator does for a person: create the sign-in account, unlock it,
/// reset its second factor, end its sessions. Each checks <see cref="Permissions.AccountsManage"/>
/// for the person's unit first.
/// </summary>
public sealed class ManageAccount(
    TillitDbContext db,
    UserManager<UserAccount> users,
    PeopleQueries queries,
    IAuthorizationService authorization,
    IHttpContextAccessor http,
    TimeProvider clock)
{
    /// <param name="Password">The initial password; ignored when <paramref name="Generate"/> is set.</param>
    /// <param name="Generate">Make a password and show it once.</param>
    public sealed record Command(string? Password, bool Generate);

    /// <summary>The new account; <see cref="GeneratedPassword"/> is set only when Tillit made the password.</summary>
    public sealed record Created(Guid AccountId, string? GeneratedPassword);

    public async Task<Outcome<Created>> CreateAsync(Guid personId, Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (refused, person) = await AuthorizeAsync<Created>(personId, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (await db.Users.AnyAsync(a => a.PersonId == personId, cancellationToken))
        {
            return Outcome<Created>.Invalid(string.Empty, "Account.AlreadyExists");
        }

        var password = command.Generate ? DemoSeeder.GeneratePassword() : command.Password;
        if (string.IsNullOrEmpty(password))
        {
            return Outcome<Created>.Invalid(nameof(Command.Password), "Account.PasswordRequired");
        }

        // Identity's own validators (length, the common-password list, a free sign-in name) run first,
        // so each refusal becomes a message next to its field instead of one exception text.
        var candidate = new UserAccount { UserName = person!.Email, Email = person.Email, OrganisationId = person.OrganisationId, PersonId = person.Id };
        var errors = new List<FieldError>();
        foreach (var validator in users.UserValidators)
        {
            var result = await validator.ValidateAsync(users, candidate);
            errors.AddRange(result.Errors.Select(e => new FieldError(string.Empty, "Account.Refused", e.Description)));
        }

        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, candidate, password);
            errors.AddRange(result.Errors.Select(e => new FieldError(nameof(Command.Password), "Account.Refused", e.Description)));
        }

        if (errors.Count > 0)
        {
            return Outcome<Created>.Invalid(errors.DistinctBy(e => (e.Field, e.Args[0])).ToList());
        }

        UserAccount account;
        try
        {
            account = await DemoSeeder.CreateAccountAsync(users, person, password, clock);
        }
        catch (InvalidOperationException refusedByIdentity)
        {
            return Outcome<Created>.Invalid(string.Empty, "Account.Refused", refusedByIdentity.Message);
        }

        return Outcome<Created>.Ok(new Created(account.Id, command.Generate ? password : null));
    }

    /// <summary>Lifts a lockout after failed sign-ins and forgets the failures.</summary>
    public Task<Outcome<bool>> UnlockAsync(Guid personId, CancellationToken cancellationToken) =>
        WithAccountAsync(personId, async account =>
        {
            await users.SetLockoutEndDateAsync(account, null);
            await users.ResetAccessFailedCountAsync(account);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Forgets the authenticator key and turns the second factor off (a lost phone). A privileged role
    /// still requires a second factor, so that person is sent to set up a new one at the next sign-in.
    /// </summary>
    public Task<Outcome<bool>> ResetSecondFactorAsync(Guid personId, CancellationToken cancellationToken) =>
        WithAccountAsync(personId, async account =>
        {
            await users.ResetAuthenticatorKeyAsync(account);
            await users.SetTwoFactorEnabledAsync(account, false);
            return true;
        }, cancellationToken);

    /// <summary>Ends every sign-in session of the person's account at once; returns how many there were.</summary>
    public Task<Outcome<int>> EndSessionsAsync(Guid personId, CancellationToken cancellationToken) =>
        WithAccountAsync(personId, account => DbTicketStore.RemoveAllForUserAsync(db, account.Id, cancellationToken), cancellationToken);

    private async Task<Outcome<T>> WithAccountAsync<T>(Guid personId, Func<UserAccount, Task<T>> act, CancellationToken cancellationToken)
    {
        var (refused, _) = await AuthorizeAsync<T>(personId, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var account = await db.Users.FirstOrDefaultAsync(a => a.PersonId == personId, cancellationToken);
        if (account is null)
        {
            return Outcome<T>.Invalid(string.Empty, "Account.None");
        }

        return Outcome<T>.Ok(await act(account));
    }

    /// <summary>NotFound for a person of another organisation, Forbidden outside the user's scope; else the person.</summary>
    private async Task<(Outcome<T>? Refused, Person? Person)> AuthorizeAsync<T>(Guid personId, CancellationToken cancellationToken)
    {
        var found = await queries.FindAsync(personId, cancellationToken);
        if (found is null)
        {
            return (Outcome<T>.NotFound(), null);
        }

        var check = await authorization.AuthorizeAsync(http.HttpContext!.User, new PersonResource(found.Value.Person, found.Value.UnitPath), new PermissionRequirement(Permissions.AccountsManage));
        return check.Succeeded ? (null, found.Value.Person) : (Outcome<T>.Forbidden(), null);
    }
}
