using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Documents;

/// <summary>Creates a governing document with its first draft (/documents/new).</summary>
[RequirePermission(Permissions.DocumentsWrite)]
public sealed class NewModel(DocumentWork work, DocumentChoices choices, CurrentUser user, Data.TillitDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public DocumentWork.CreateCommand Input { get; set; } = new(null, null, null, null, null, 12, null);

    public DocumentChoices.Lists Choices { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var email = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            db.People.Where(p => p.Id == user.PersonId).Select(p => p.Email), cancellationToken);
        Input = Input with { OwnerEmail = email };
        Choices = await choices.LoadAsync(null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = ModelState.IsValid ? await work.CreateAsync(Input, cancellationToken) : null;
        if (outcome is null || this.ToPageResult(outcome, l, nameof(Input)) is { } refused)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Choices = await choices.LoadAsync(null, cancellationToken);
            return Page();
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/documents/{outcome.Value}");
    }
}

/// <summary>The choices of the document forms: types, parents (central documents), units.</summary>
public sealed class DocumentChoices(Data.TillitDbContext db, Units.UnitQueries units, IStringLocalizer<SharedResource> l)
{
    public sealed record Lists(IReadOnlyList<SelectListItem> Types, IReadOnlyList<SelectListItem> Parents, IReadOnlyList<SelectListItem> Units);

    public async Task<Lists> LoadAsync(Guid? self, CancellationToken cancellationToken)
    {
        var parents = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Documents.Where(d => d.UnitId == null && d.Id != self).OrderBy(d => d.Type).ThenBy(d => d.Title).Select(d => new { d.Id, d.Title, d.Type }).Take(1000),
            cancellationToken);
        var unitList = await units.ChoicesAsync(cancellationToken);
        return new Lists(
            [new SelectListItem(l["Common.Choose"], string.Empty), .. Enum.GetValues<Domain.Documents.DocumentType>().Select(t => new SelectListItem(l["DocumentType." + t], t.ToString()))],
            [new SelectListItem(l["Common.None"], string.Empty), .. parents.Select(p => new SelectListItem($"{l["DocumentType." + p.Type]}: {p.Title}", p.Id.ToString()))],
            [new SelectListItem(l["Document.Central"], string.Empty), .. unitList.Select(u => new SelectListItem(new string('\u00a0', Math.Max(0, u.Depth) * 2) + u.Name, u.Id.ToString()))]);
    }
}
