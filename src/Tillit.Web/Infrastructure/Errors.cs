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
        // The middleware has already pointed the request at /error; the path asked for is in the feature.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (!new PathString(path).StartsWithSegments("/api"))
        {
            return false;
        }

        // A body that is not JSON, or a value of the wrong type: a validation problem naming the field.
        if (exception is BadHttpRequestException { InnerException: System.Text.Json.JsonException json })
        {
            // A syntax error carries the reader's exception inside; a wrong value names its path ("$.kind").
            var syntax = json.InnerException is System.Text.Json.JsonException;
            var field = !syntax && json.Path is { Length: > 2 } jsonPath && jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : "body";
            var message = field == "body" ? l["Validation.NotJson"].Value : l["Validation.WrongJsonValue"].Value;
            httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = l["Validation.Title"].Value,
                },
            });
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

