using Microsoft.AspNetCore.Mvc;

namespace Tillit.Web.Features.Laws;

/// <summary>The "laws that apply" section of a system's page: one query, read by everyone who reads the register.</summary>
public sealed class SystemLawsViewComponent(LawQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid systemId) =>
        View("~/Features/Laws/_SystemLaws.cshtml", new SystemLaws(systemId, await queries.ForSystemAsync(systemId, HttpContext.RequestAborted)));
}

public sealed record SystemLaws(Guid SystemId, IReadOnlyList<LawRow> Laws);
