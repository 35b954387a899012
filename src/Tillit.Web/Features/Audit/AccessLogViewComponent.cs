using Microsoft.AspNetCore.Mvc;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Audit;

/// <summary>
/// The "who read and changed this" box of a protected record's page. Shown to the security officer
/// and to the record's owner; for anyone else it renders nothing (and reads nothing).
/// </summary>
public sealed class AccessLogViewComponent(AuditQueries queries, CurrentUser user) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string recordType, Guid id, Guid? ownerPersonId)
    {
        var allowed = (ownerPersonId is not null && ownerPersonId == user.PersonId) || await user.HasAsync(Permissions.AuditRead);
        if (!allowed)
        {
            return Content(string.Empty);
        }

        return View(await queries.AccessLogAsync(recordType, id, HttpContext.RequestAborted));
    }
}
