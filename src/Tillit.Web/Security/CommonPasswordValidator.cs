using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using Tillit.Data.Identity;

namespace Tillit.Web.Security;

/// <summary>Refuses passwords found on the shipped list of common and breached passwords (case-insensitive).</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<UserAccount>
{
    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    public static int Count => List.Value.Count;

    public static bool IsCommon(string password) => List.Value.Contains(password.Trim().ToLowerInvariant());

    public Task<IdentityResult> ValidateAsync(UserManager<UserAccount> manager, UserAccount user, string? password)
    {
        ArgumentNullException.ThrowIfNull(manager);
        if (password is not null && IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordCommon",
                Description = manager.ErrorDescriber is SwedishIdentityErrorDescriber d ? d.PasswordCommon() : "PasswordCommon",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Tillit.CommonPasswords")
            ?? throw new InvalidOperationException("The common password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}

/// <summary>Identity's messages from Tillit's resources, in the request's language.</summary>
public sealed class SwedishIdentityErrorDescriber(Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    private IdentityError E(string code, params object[] args) => new() { Code = code, Description = l["Identity." + code, args] };

    public string PasswordCommon() => l["Identity.PasswordCommon"];

    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), length);

    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), email);

    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateEmail), userName);

    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), email ?? string.Empty);

    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidEmail), userName ?? string.Empty);

    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch));

    public override IdentityError InvalidToken() => E(nameof(InvalidToken));

    public override IdentityError DefaultError() => E(nameof(DefaultError));

    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure));
}
