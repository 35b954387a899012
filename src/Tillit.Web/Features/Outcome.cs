using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Tillit.Web.Features;

/// <summary>A refused field: the field's name (as in the form and the API body) and a resource key.</summary>
public sealed record FieldError(string Field, string MessageKey, params object[] Args);

public enum OutcomeKind
{
    Ok,
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>What a handler did. Pages and API endpoints both translate it; neither re-applies the rule.</summary>
public sealed class Outcome<T>
{
    private Outcome(OutcomeKind kind, T? value, IReadOnlyList<FieldError> errors)
    {
        Kind = kind;
        Value = value;
        Errors = errors;
    }

    public OutcomeKind Kind { get; }

    public T? Value { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    public bool IsOk => Kind == OutcomeKind.Ok;

    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, []);

    public static Outcome<T> Invalid(IReadOnlyList<FieldError> errors) => new(OutcomeKind.Invalid, default, errors);

    public static Outcome<T> Invalid(string field, string key, params object[] args) => new(OutcomeKind.Invalid, default, [new FieldError(field, key, args)]);

    public static Outcome<T> NotFound() => new(OutcomeKind.NotFound, default, []);

    public static Outcome<T> Forbidden() => new(OutcomeKind.Forbidden, default, []);

    /// <summary>Someone else saved the record since it was read.</summary>
    public static Outcome<T> Conflict() => new(OutcomeKind.Conflict, default, [new FieldError(string.Empty, "Validation.Conflict")]);
}

/// <summary>Collects field errors with the common checks, messages as resource keys.</summary>
public sealed class Validator
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;

    public bool IsValid => _errors.Count == 0;

    public Validator Required(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            _errors.Add(new FieldError(field, "Validation.Required"));
        }
        else if (value.Trim().Length > maxLength)
        {
            _errors.Add(new FieldError(field, "Validation.TooLong", maxLength));
        }

        return this;
    }

    public Validator Optional(string field, string? value, int maxLength = 200)
    {
        if (value is not null && value.Trim().Length > maxLength)
        {
            _errors.Add(new FieldError(field, "Validation.TooLong", maxLength));
        }

        return this;
    }

    public Validator Email(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            _errors.Add(new FieldError(field, "Validation.Required"));
            return this;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > 254)
        {
            _errors.Add(new FieldError(field, "Validation.TooLong", 254));
        }
        else if (!System.Net.Mail.MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed)
        {
            _errors.Add(new FieldError(field, "Validation.Email"));
        }

        return this;
    }

    public Validator Check(bool condition, string field, string key, params object[] args)
    {
        if (!condition)
        {
            _errors.Add(new FieldError(field, key, args));
        }

        return this;
    }

    public Validator Defined<TEnum>(string field, TEnum? value)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            _errors.Add(new FieldError(field, "Validation.Required"));
        }
        else if (!Enum.IsDefined(value.Value))
        {
            _errors.Add(new FieldError(field, "Validation.InvalidValue"));
        }

        return this;
    }
}

public static class OutcomeExtensions
{
    /// <summary>For a page: field errors go to ModelState (prefixed like the form), other kinds become results.</summary>
    public static IActionResult? ToPageResult<T>(this PageModel page, Outcome<T> outcome, IStringLocalizer l, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(l);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                return null;
            case OutcomeKind.NotFound:
                return page.NotFound();
            case OutcomeKind.Forbidden:
                return page.Forbid();
            default:
                foreach (var e in outcome.Errors)
                {
                    var key = e.Field.Length == 0 ? string.Empty : (prefix.Length > 0 ? prefix + "." + e.Field : e.Field);
                    page.ModelState.AddModelError(key, l[e.MessageKey, e.Args]);
                }

                if (outcome.Kind == OutcomeKind.Conflict)
                {
                    page.Response.StatusCode = StatusCodes.Status409Conflict;
                }
                else
                {
                    page.Response.StatusCode = StatusCodes.Status400BadRequest;
                }

                return page.Page();
        }
    }

    /// <summary>
    /// Runs one change of a page that holds several forms (an incident's, an exercise's): when the form binds and the
    /// change succeeds, a flash and a redirect to <paramref name="redirectTo"/>; a refusal (404, 403) becomes its
    /// result; field errors go to ModelState under the form's <paramref name="prefix"/> (form-wide errors and the
    /// version unprefixed; <paramref name="fieldMap"/> renames a command's field to the form's), and the page is
    /// shown again with 400 after <paramref name="reload"/> (which returns a result when the record is gone).
    /// </summary>
    public static async Task<IActionResult> RunChangeAsync(
        this PageModel page,
        Func<Task<Outcome<Guid>>> change,
        string prefix,
        string saved,
        string redirectTo,
        Func<Task<IActionResult?>> reload,
        IStringLocalizer l,
        Func<string, string>? fieldMap = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(reload);
        ArgumentNullException.ThrowIfNull(l);
        if (page.ModelState.IsValid)
        {
            var outcome = await change();
            if (outcome.IsOk)
            {
                page.TempData["Flash"] = saved;
                return new RedirectResult(redirectTo);
            }

            if (outcome.Kind is OutcomeKind.NotFound or OutcomeKind.Forbidden)
            {
                return page.ToPageResult(outcome, l)!;
            }

            foreach (var error in outcome.Errors)
            {
                var field = fieldMap?.Invoke(error.Field) ?? error.Field;
                var key = field.Length == 0 || field == "Version" || prefix.Length == 0 ? field : $"{prefix}.{field}";
                page.ModelState.AddModelError(key, l[error.MessageKey, error.Args]);
            }
        }

        page.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await reload() ?? page.Page();
    }

    /// <summary>For the API: ProblemDetails with field messages, 404, 403 or 409.</summary>
    public static IResult ToProblem<T>(this Outcome<T> outcome, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(l);
        return outcome.Kind switch
        {
            OutcomeKind.NotFound => TypedResults.Problem(statusCode: 404, title: l["Error.NotFound"]),
            OutcomeKind.Forbidden => TypedResults.Problem(statusCode: 403, title: l["Error.Forbidden"]),
            OutcomeKind.Conflict => TypedResults.Problem(statusCode: 409, title: l["Validation.Conflict"]),
            _ => TypedResults.ValidationProblem(
                outcome.Errors.GroupBy(e => ToCamel(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => l[e.MessageKey, e.Args].Value).ToArray()),
                title: l["Validation.Title"]),
        };
    }

    private static string ToCamel(string field) =>
        field.Length == 0 ? string.Empty : char.ToLowerInvariant(field[0]) + field[1..];
}
