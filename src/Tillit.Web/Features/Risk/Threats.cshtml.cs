using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Risk;

/// <summary>The threat catalogue (/risk/threats), for those who analyse risks; the security officer keeps it.</summary>
[RequirePermission(Permissions.RisksRead)]
public sealed class ThreatsModel(ThreatQueries queries, CurrentUser user) : PageModel
{
    public IReadOnlyList<ThreatRow> Threats { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public bool English => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Threats = await queries.ListAsync(cancellationToken);
        CanEdit = await user.HasOrganisationWideAsync(Permissions.ThreatsManage, cancellationToken);
    }
}
