using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Delegations;

/// <summary>Who acts in the director's place (/delegations): seen by the director and the security officer, recorded by the director.</summary>
[RequirePermission(Permissions.DelegationsRead)]
public sealed class IndexModel(DelegationQueries queries, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<DelegationRow> Current { get; private set; } = [];

    public IReadOnlyList<DelegationRow> Ended { get; private set; } = [];

    public bool MayManage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = await queries.ListAsync(cancellationToken);
        Current = [.. rows.Where(r => r.IsActive)];
        Ended = [.. rows.Where(r => !r.IsActive)];
        MayManage = (await authorization.AuthorizeAsync(User, null, new PermissionRequirement(Permissions.DelegationsManage))).Succeeded;
    }
}
