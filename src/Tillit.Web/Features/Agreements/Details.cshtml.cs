using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Agreements;

/// <summary>One agreement (/agreements/{id}) with the systems it covers; the read is in the audit trail.</summary>
[RequirePermission(Permissions.AgreementsRead)]
public sealed class DetailsModel(AgreementQueries queries, AgreementAccess access, IStringLocalizer<SharedResource> l) : PageModel
{
    public AgreementDetails Agreement { get; private set; } = default!;

    public bool CanEdit { get; private set; }

    public DateOnly Today { get; private set; }

    public int LeadDays { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(id, cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Agreement = outcome.Value!;
        Today = queries.Today;
        LeadDays = queries.LeadDays;
        CanEdit = await access.MayManageAsync(await access.SystemsOfAsync(id, cancellationToken), cancellationToken);
        return Page();
    }
}
