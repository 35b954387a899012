using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Tillit.Domain.Organisations;

namespace Tillit.Web.Security;

/// <summary>Names of policies. A permission policy is named "perm:" + the permission.</summary>
public static class Policies
{
    public const string PermissionPrefix = "perm:";

    /// <summary>Any signed-in person, whatever their roles (start page, own profile, reporting).</summary>
    public const string SignedIn = "signed-in";

    public static string For(string permission) => PermissionPrefix + permission;
}

/// <summary>Shorthand for <c>[Authorize(Policy = "perm:…")]</c> on pages.</summary>
public sealed class RequirePermissionAttribute : AuthorizeAttribute
{
    public RequirePermissionAttribute(string permission)
        : base(Policies.For(permission))
    {
        Permission = permission;
    }

    public string Permission { get; }
}

public sealed class PermissionRequirement(string permission) : IAuthorizationRequirement
{
    public string Permission { get; } = permission;
}

/// <summary>Grants a permission requirement when any active role assignment gives it, in any scope.</summary>
public sealed class PermissionHandler(CurrentUser user) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.Resource is Unit or PersonResource)
        {
            return; // resource checks belong to the resource handlers below
        }

        if (await user.HasAsync(requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>Per-record check for a unit: the permission must cover the unit's place in the tree.</summary>
public sealed class UnitAuthorizationHandler(CurrentUser user) : AuthorizationHandler<PermissionRequirement, Unit>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement, Unit resource)
    {
        if (await user.HasForUnitAsync(requirement.Permission, resource.Path))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>
/// Per-record check for a person: the permission must cover the person's unit, or the person is the
/// user themself reading their own details.
/// </summary>
public sealed class PersonAuthorizationHandler(CurrentUser user) : AuthorizationHandler<PermissionRequirement, PersonResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement, PersonResource resource)
    {
        if (requirement.Permission == Permissions.PeopleRead && resource.Person.Id == user.PersonId)
        {
            context.Succeed(requirement);
            return;
        }

        if (await user.HasForUnitAsync(requirement.Permission, resource.UnitPath))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>A person together with the path of their unit, for the scope check.</summary>
public sealed record PersonResource(Person Person, string UnitPath);

/// <summary>Makes "perm:x" policies on demand, so pages name permissions, not policies.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        ArgumentNullException.ThrowIfNull(policyName);
        if (policyName.StartsWith(Policies.PermissionPrefix, StringComparison.Ordinal))
        {
            var permission = policyName[Policies.PermissionPrefix.Length..];
            if (!Permissions.All.Contains(permission))
            {
                throw new InvalidOperationException($"Unknown permission '{permission}'.");
            }

            return new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(permission))
                .Build();
        }

        return await base.GetPolicyAsync(policyName);
    }
}

public static class AuthorizationSetup
{
    public static IServiceCollection AddTillitAuthorization(this IServiceCollection services)
    {
        services.AddScoped<CurrentUser>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddScoped<IAuthorizationHandler, UnitAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, PersonAuthorizationHandler>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())

            // Deny by default: an endpoint that names no policy and is not marked anonymous is refused.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAssertion(_ => false).Build());
        return services;
    }
}
