using Microsoft.AspNetCore.Mvc;
using Tillit.Domain.Access;

namespace Tillit.Web.Features.Agreements;

/// <summary>The "agreements" section of a system's page: the data processing gap for every reader, the agreements for those who may read them.</summary>
public sealed class SystemAgreementsViewComponent(AgreementQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid systemId, string? unitPath = null) =>
        View("~/Features/Agreements/_SystemAgreements.cshtml", await queries.ForSystemAsync(systemId, unitPath, HttpContext.RequestAborted));
}

/// <summary>The agreement register's gaps on the start page (security officer and director).</summary>
public sealed class AgreementGapsViewComponent(AgreementQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Role role) =>
        View("~/Features/Agreements/_AgreementGapsCard.cshtml", new AgreementGapsCard(role, await queries.GapsAsync(HttpContext.RequestAborted), queries.LeadDays));
}

public sealed record AgreementGapsCard(Role Role, AgreementGaps Gaps, int LeadDays);
