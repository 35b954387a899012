using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tillit.Domain.Measures;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Measures;

/// <summary>The action plan (/measures): every measure, filtered by person, unit, system, status and overdue, sorted and paged.</summary>
[RequirePermission(Permissions.MeasuresRead)]
public sealed class IndexModel(MeasureQueries queries, CurrentUser user, Infrastructure.OrganisationCache cache, Data.TillitDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Owner { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? System { get; set; }

    [BindProperty(SupportsGet = true)]
    public MeasureStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public MeasureState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    public Paged<MeasureRow> Result { get; private set; } = default!;

    public PagerModel Pager { get; private set; } = default!;

    public bool CanCreate { get; private set; }

    public Guid? Me { get; private set; }

    public IReadOnlyList<(Guid Id, string Name, int Depth)> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!MeasureQueries.Sorts.IsAllowed(Sort))
        {
            Sort = null;
        }

        var outcome = await queries.ListAsync(new MeasureFilter(Q, Owner, Unit, System, Status, State, Overdue), new PageRequest(PageNumber, PageRequest.DefaultSize, Sort, Desc), cancellationToken);
        if (this.ToPageResult(outcome, l) is { } refused)
        {
            return refused;
        }

        Result = outcome.Value!;
        Pager = PagerModel.For(Request, Result);
        CanCreate = await user.HasOrganisationWideAsync(Permissions.MeasuresManage, cancellationToken);
        Me = user.PersonId;
        Units = await Features.Units.UnitQueries.CachedChoicesAsync(db, cache, null, cancellationToken);
        return Page();
    }
}
