using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tillit.Domain.Common;

namespace Tillit.Web.Infrastructure;

/// <summary>
/// Turns exceptions on API paths into ProblemDetails in one place. Pages get the error page.
/// A refused domain rule is the client's fault (400); anything else is ours (500, no details leaked).
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> l, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        var (status, title) = exception switch
        {
            DomainRuleException rule => (StatusCodes.Status400BadRequest, l[rule.MessageKey].Value),
            BadHttpRequestException bad => (bad.StatusCode, l["Error.BadRequest"].Value),
            _ => (StatusCodes.Status500InternalServerError, l["Error.Unexpected"].Value),
        };
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled API error");
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = status, Title = title },
            Exception = exception,
        });
    }
}

/// <summary>Model binding messages ("the value is not valid") from Tillit's resources.</summary>
public sealed class LocalizedModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var l = factory.Create(typeof(SharedResource));
        var p = options.ModelBindingMessageProvider;
        p.SetAttemptedValueIsInvalidAccessor((_, _) => l["Validation.InvalidValue"]);
        p.SetMissingBindRequiredValueAccessor(_ => l["Validation.Required"]);
        p.SetMissingKeyOrValueAccessor(() => l["Validation.Required"]);
        p.SetMissingRequestBodyRequiredValueAccessor(() => l["Validation.BodyRequired"]);
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => l["Validation.InvalidValue"]);
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Validation.InvalidValue"]);
        p.SetNonPropertyValueMustBeANumberAccessor(() => l["Validation.MustBeNumber"]);
        p.SetUnknownValueIsInvalidAccessor(_ => l["Validation.InvalidValue"]);
        p.SetValueIsInvalidAccessor(_ => l["Validation.InvalidValue"]);
        p.SetValueMustBeANumberAccessor(_ => l["Validation.MustBeNumber"]);
        p.SetValueMustNotBeNullAccessor(_ => l["Validation.Required"]);
    }
}

