using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Risks;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Risk;

/// <summary>
/// The organisation's risk register (/risk/register): the risks of the current analyses the reader may see, with the
/// organisation-wide heat maps (inherent and residual) whose cells filter the list; filtered, sorted and paged.
/// </summary>
[RequirePermission(Permissions.RisksRead)]
public sealed class RegisterModel(RiskQueries queries, RiskAccess access, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "l")]
    public int? Likelihood { get; set; }

    [BindProperty(SupportsGet = true, Name = "c")]
    public int? Consequence { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Residual { get; set; }

    [BindProperty(SupportsGet = true)]
    public RiskBand? Band { get; set; }

    [BindProperty(SupportsGet = true)]
    public RiskTreatment? Treatment { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Analysis { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    public Paged<RiskRegisterRow> Result { get; private set; } = default!;

    public PagerModel Pager { get; private set; } = default!;

    public HeatMapModel? Inherent { get; private set; }

    public HeatMapModel? ResidualMap { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!RiskQueries.RegisterSorts.IsAllowed(Sort))
        {
            Sort = null;
        }

        var filter = new RiskRegisterFilter(Q, Likelihood is >= 1 and <= 4 ? Likelihood : null, Consequence is >= 1 and <= 4 ? Consequence : null, Residual, Band, Treatment, Analysis);
        var outcome = await queries.RegisterAsync(filter, new PageRequest(PageNumber, PageRequest.DefaultSize, Sort ?? "level", Sort is null || Desc), cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Result = outcome.Value!;
        Pager = PagerModel.For(Request, Result);
        if (Analysis is null)
        {
            var bands = (await access.SettingsForReadingAsync(cancellationToken)).Bands;
            var (inherent, residual) = await queries.HeatMapsAsync(cancellationToken);
            Inherent = new HeatMapModel("org-inherent", "Risk.HeatInherent", inherent, bands, "/risk/register?residual=false");
            ResidualMap = new HeatMapModel("org-residual", "Risk.HeatResidual", residual, bands, "/risk/register?residual=true");
        }

        return Page();
    }
}
