using Tillit.Domain.Access;

namespace Tillit.Web.Features.Roles;

/// <summary>
/// What _AssignmentTable shows: the rows, a caption for screen readers, whether to name the person,
/// the roles whose appointments the user may end (an "End" link each), and the pager when the table sorts.
/// </summary>
public sealed record AssignmentTable(IReadOnlyList<AssignmentRow> Rows, string Caption, bool ShowPerson, IReadOnlySet<Role> Endable, PagerModel? Pager = null);
