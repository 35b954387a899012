using Microsoft.AspNetCore.Mvc;
using Tillit.Domain.Access;

namespace Tillit.Web.Features.Laws;

/// <summary>
/// The legal register's gaps on the start page (security officer and director cards): overdue reviews,
/// rules not followed, rules never assessed. One query; self-contained so the start page can place it.
/// </summary>
public sealed class LawGapsViewComponent(LawQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Role role) =>
        View("~/Features/Laws/_LawGapsCard.cshtml", new LawGapsCard(role, await queries.GapsAsync(HttpContext.RequestAborted)));
}

public sealed record LawGapsCard(Role Role, LawGaps Gaps);
