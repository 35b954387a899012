using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.People;

/// <summary>
/// A person's sign-in account: the form that creates it (/people/{id}/account) and the actions on it,
/// each a POST: /people/{id}/account/unlock, /resetsecondfactor and /endsessions.
/// </summary>
[RequirePermission(Permissions.AccountsManage)]
public sealed class AccountModel(ManageAccount manage, PeopleQueries queries, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ManageAccount.Command Input { get; set; } = new(null, false);

    public Guid Id { get; private set; }

    public string PersonName { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    /// <summary>Set only in the answer to the POST that made it: the password is shown once and never stored in clear.</summary>
    public string? GeneratedPassword { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (RouteData.Values["handler"] is not null)
        {
            return NotFound();
        }

        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (RouteData.Values["handler"] is not null)
        {
            return NotFound(); // an action name this page does not have
        }

        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await manage.CreateAsync(id, Input, cancellationToken);
        if (this.ToPageResult(outcome, l, nameof(Input)) is { } invalid)
        {
            return invalid;
        }

        if (outcome.Value!.GeneratedPassword is { } generated)
        {
            GeneratedPassword = generated;
            return Page();
        }

        TempData["Flash"] = l["Account.Created"].Value;
        return Redirect($"/people/{id}");
    }

    public async Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken cancellationToken) =>
        Done(id, await manage.UnlockAsync(id, cancellationToken), l["Account.Unlocked"]);

    public async Task<IActionResult> OnPostResetSecondFactorAsync(Guid id, CancellationToken cancellationToken) =>
        Done(id, await manage.ResetSecondFactorAsync(id, cancellationToken), l["Account.SecondFactorReset"]);

    public async Task<IActionResult> OnPostEndSessionsAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await manage.EndSessionsAsync(id, cancellationToken);
        return Done(id, outcome, outcome.IsOk ? l["Account.SessionsEnded", outcome.Value] : string.Empty);
    }

    /// <summary>Back to the person's page with what happened; a refusal that is no field error is said there too.</summary>
    private IActionResult Done<T>(Guid id, Outcome<T> outcome, string message)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Flash"] = message;
                break;
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
            default:
                TempData["Flash"] = string.Join(" ", outcome.Errors.Select(e => l[e.MessageKey, e.Args].Value));
                break;
        }

        return Redirect($"/people/{id}");
    }

    /// <summary>The person, if the user may manage their account and they have none yet.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        var outcome = await queries.GetAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        var person = outcome.Value!;
        if (!await user.HasForUnitAsync(Permissions.AccountsManage, person.UnitPath, cancellationToken))
        {
            return Forbid();
        }

        PersonName = person.Name;
        Email = person.Email;
        if (person.Account.Exists)
        {
            TempData["Flash"] = l["Account.AlreadyExists"].Value;
            return Redirect($"/people/{id}");
        }

        return null;
    }
}
