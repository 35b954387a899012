using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tillit.Web.Features.Continuity;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Exercises;

/// <summary>
/// Exercises (/exercises) within the reader's scope, planned and held, with how many lessons still lack a measure;
/// organisation-wide keepers of continuity also set how often each plan must be exercised (handler "interval").
/// </summary>
[RequirePermission(Permissions.ContinuityRead)]
public sealed class IndexModel(ExerciseQueries queries, ContinuityQueries continuity, CurrentUser user, Data.TillitDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxIntervalMonths = 60;

    [BindProperty(SupportsGet = true)]
    public ExerciseView? View { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? System { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    /// <summary>The exercise interval in months (the settings form).</summary>
    [BindProperty]
    public int? IntervalMonths { get; set; }

    public Paged<ExerciseRow> Result { get; private set; } = default!;

    public PagerModel Pager { get; private set; } = default!;

    public bool CanCreate { get; private set; }

    public bool MaySetInterval { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostIntervalAsync(CancellationToken cancellationToken)
    {
        if (!await continuity.MayManageAllAsync(cancellationToken))
        {
            return Forbid();
        }

        if (IntervalMonths is not { } months || months < 1 || months > MaxIntervalMonths)
        {
            ModelState.AddModelError(nameof(IntervalMonths), l["Exercises.IntervalRange", 1, MaxIntervalMonths]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }

        var organisation = await db.Organisations.FirstAsync(o => o.Id == user.OrganisationId, cancellationToken);
        organisation.ExerciseIntervalMonths = months;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect("/exercises");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!ExerciseQueries.Sorts.IsAllowed(Sort))
        {
            Sort = null;
        }

        Result = await queries.ListAsync(new ExerciseFilter(View, System), new PageRequest(PageNumber, PageRequest.DefaultSize, Sort, Desc), cancellationToken);
        Pager = PagerModel.For(Request, Result);
        CanCreate = await user.HasAsync(Permissions.ContinuityManage, cancellationToken);
        MaySetInterval = await continuity.MayManageAllAsync(cancellationToken);
        IntervalMonths ??= await db.Organisations.AsNoTracking().Where(o => o.Id == user.OrganisationId).Select(o => o.ExerciseIntervalMonths).FirstOrDefaultAsync(cancellationToken);
    }
}
