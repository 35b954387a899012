using Microsoft.Extensions.Localization;
using Tillit.Web.Features;
using Tillit.Web.Features.People;
using Tillit.Web.Features.Roles;
using Tillit.Web.Security;

namespace Tillit.Web.Api;

/// <summary>/api/v1/people and /api/v1/role-assignments: the same handlers and checks as the pages.</summary>
internal static class PeopleApi
{
    public static void MapPeopleApi(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people");
        people.MapGet("/", ListAsync).RequirePermission(Permissions.PeopleRead).WithName("ListPeople")
            .WithMetadata(new SortableBy(PeopleQueries.SortNames, PeopleQueries.SortNames[0]))
            .Produces<PagedResponse<PersonRow>>().ProducesValidationProblem()
            .WithSummary("List people")
            .WithDescription("The people within the caller's scope (a manager sees the people of their units), paged. Search by name or e-mail (q), filter by unit (unit = unit id).");

        // Anyone signed in may read their own record; the per-record check decides the rest.
        people.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.SignedIn).WithName("GetPerson")
            .Produces<PersonDetails>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Get a person")
            .WithDescription("One person with their current and earlier role assignments and whether they have a sign-in account. Everyone may read their own record; others need people.read covering the person's unit (403 otherwise). 404 when the person is not in the caller's organisation.");
        people.MapPost("/", CreateAsync).RequirePermission(Permissions.PeopleManage).WithName("CreatePerson")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Create a person")
            .WithDescription("Creates a person in a unit. The e-mail address must be unique within the organisation (compared without regard to case). Field errors come back as a validation ProblemDetails.");
        people.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.PeopleManage).WithName("UpdatePerson")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Change a person")
            .WithDescription("Changes name, e-mail, title, phone and unit. A changed e-mail also changes the person's sign-in name. Send the version you read: a changed record gives 409 instead of overwriting.");
    }

    private static async Task<IResult> ListAsync(
        PeopleQueries queries, IStringLocalizer<SharedResource> l, string? q, Guid? unit, int? page, int? pageSize, string? sort, bool? desc, CancellationToken cancellationToken)
    {
        if (!PeopleQueries.IsAllowedSort(sort))
        {
            return SortRefused(l, PeopleQueries.SortNames);
        }

        var result = await queries.ListAsync(q, unit, new ListParameters(page, pageSize, sort, desc).ToRequest(), cancellationToken);
        return TypedResults.Ok(new PagedResponse<PersonRow>(result.Items, result.Total, result.Page, result.Size, result.Sort, result.Descending));
    }

    private static async Task<IResult> GetAsync(Guid id, PeopleQueries queries, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        return outcome.IsOk ? TypedResults.Ok(outcome.Value) : outcome.ToProblem(l);
    }

    private static async Task<IResult> CreateAsync(SavePerson.Command body, SavePerson save, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await save.CreateAsync(body, cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/v1/people/{outcome.Value}", new { id = outcome.Value }) : outcome.ToProblem(l);
    }

    private static async Task<IResult> UpdateAsync(Guid id, SavePerson.Command body, SavePerson save, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await save.UpdateAsync(id, body, cancellationToken);
        return outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem(l);
    }

    internal static IResult SortRefused(IStringLocalizer<SharedResource> l, IEnumerable<string> allowed) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sort"] = [l["Validation.SortNotAllowed", string.Join(", ", allowed)]] }, title: l["Validation.Title"]);
}

internal static class RoleAssignmentsApi
{
    public static void MapRoleAssignmentsApi(this RouteGroupBuilder api)
    {
        var assignments = api.MapGroup("/role-assignments");
        assignments.MapGet("/", ListAsync).RequirePermission(Permissions.RolesRead).WithName("ListRoleAssignments")
            .WithMetadata(new SortableBy(RoleAssignmentQueries.SortNames, RoleAssignmentQueries.SortNames[0]))
            .Produces<PagedResponse<AssignmentRow>>().ProducesValidationProblem()
            .WithSummary("List role assignments")
            .WithDescription("Who holds which role, for which scope, appointed by whom and by which decision, paged. Filter by role, status (Active, Upcoming, Ended) and person (person id). A reader with a unit scope sees the assignments of the people in their units.");
        assignments.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.RolesRead).WithName("GetRoleAssignment")
            .Produces<AssignmentRow>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get a role assignment")
            .WithDescription("One role assignment. 404 when it is not in the caller's organisation, 403 when its person is outside the caller's scope.");
        assignments.MapPost("/", CreateAsync).RequirePermission(Permissions.RolesAssign).WithName("CreateRoleAssignment")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Appoint a person to a role")
            .WithDescription("Records an appointment: person, role, scope (Organisation, or Unit with unitId), decision reference (required), valid from (default today) and to. The caller is recorded as the one who appointed. Only the municipal director or an administrator may appoint a municipal director, security officer or administrator (403 otherwise); an overlapping appointment of the same role and scope is refused.");
        assignments.MapPost("/{id:guid}/end", EndAsync).RequirePermission(Permissions.RolesAssign).WithName("EndRoleAssignment")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("End a role assignment")
            .WithDescription("Sets the last day of an appointment; the record stays as history. Who may end it follows the same rule as who may appoint. Send the version you read: a changed record gives 409.");
    }

    private static async Task<IResult> ListAsync(
        RoleAssignmentQueries queries,
        IStringLocalizer<SharedResource> l,
        Domain.Access.Role? role,
        AssignmentStatus? status,
        Guid? person,
        int? page,
        int? pageSize,
        string? sort,
        bool? desc,
        CancellationToken cancellationToken)
    {
        if (!RoleAssignmentQueries.IsAllowedSort(sort))
        {
            return PeopleApi.SortRefused(l, RoleAssignmentQueries.SortNames);
        }

        var result = await queries.ListAsync(role, status, person, new ListParameters(page, pageSize, sort, desc).ToRequest(), cancellationToken);
        return TypedResults.Ok(new PagedResponse<AssignmentRow>(result.Items, result.Total, result.Page, result.Size, result.Sort, result.Descending));
    }

    private static async Task<IResult> GetAsync(Guid id, RoleAssignmentQueries queries, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        return outcome.IsOk ? TypedResults.Ok(outcome.Value) : outcome.ToProblem(l);
    }

    private static async Task<IResult> CreateAsync(SaveRoleAssignment.Command body, SaveRoleAssignment save, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await save.CreateAsync(body, cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/v1/role-assignments/{outcome.Value}", new { id = outcome.Value }) : outcome.ToProblem(l);
    }

    private static async Task<IResult> EndAsync(Guid id, SaveRoleAssignment.EndCommand body, SaveRoleAssignment save, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = await save.EndAsync(id, body, cancellationToken);
        return outcome.IsOk ? TypedResults.NoContent() : outcome.ToProblem(l);
    }
}
