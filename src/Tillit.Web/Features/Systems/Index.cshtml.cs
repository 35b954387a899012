using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tillit.Domain.Register;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Systems;

/// <summary>The register of information systems: search, filters (unit, owner, protection need, gaps), sorting and paging.</summary>
[RequirePermission(Permissions.SystemsRead)]
public sealed class IndexModel(RegisterExportQueries exports, SystemQueries queries, CurrentUser user, Infrastructure.OrganisationCache cache, Data.TillitDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Owner { get; set; }

    [BindProperty(SupportsGet = true)]
    public ConsequenceLevel? Need { get; set; }

    [BindProperty(SupportsGet = true)]
    public SystemGap? Gap { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    public Paged<SystemRow> Result { get; private set; } = default!;

    public PagerModel Pager { get; private set; } = default!;

    public bool CanCreate { get; private set; }

    public bool SeesNeed { get; private set; }

    public IReadOnlyList<(Guid Id, string Name, int Depth)> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!SystemQueries.Sorts.IsAllowed(Sort))
        {
            Sort = null;
        }

        Result = await queries.ListAsync(new SystemFilter(Q, Unit, Owner, Need, Gap), new PageRequest(PageNumber, PageRequest.DefaultSize, Sort, Desc), cancellationToken);
        Pager = PagerModel.For(Request, Result);
        CanCreate = await user.HasOrganisationWideAsync(Permissions.SystemsManage, cancellationToken);
        SeesNeed = await user.HasAsync(Permissions.ClassificationsRead, cancellationToken);
        Units = await Features.Units.UnitQueries.CachedChoicesAsync(db, cache, null, cancellationToken);
        return Page();
    }

    /// <summary>The whole list with its filters and sort as .xlsx (default) or .csv.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (!Shared.Export.TableExport.TryParseFormat(format, out var parsed))
        {
            return BadRequest();
        }

        var file = await exports.SystemsAsync(new SystemFilter(Q, Unit, Owner, Need, Gap), Sort, Desc, parsed, cancellationToken);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
