using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tillit.Data;
using Tillit.Domain.Organisations;
using Tillit.Web.Features.Documents;
using Tillit.Web.Features.Goals;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Home;

/// <summary>
/// What waits for the signed-in person (/due): the daily digest's figures in Tillit, each linking to its list, and
/// the person's choice of digest e-mail (on or off, from which hour Swedish time). Anyone signed in, for themselves.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DueModel(TillitDbContext db, CurrentUser user, AcknowledgementQueries acknowledgements, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public DigestItems Items { get; private set; } = DigestItems.None;

    /// <summary>The hours to choose from, 00:00 to 23:00.</summary>
    public IEnumerable<SelectListItem> Hours => Enumerable.Range(0, 24)
        .Select(h => new SelectListItem($"{h.ToString("00", CultureInfo.InvariantCulture)}:00", h.ToString(CultureInfo.InvariantCulture)));

    [BindProperty]
    public bool ReceivesDigest { get; set; } = true;

    [BindProperty]
    public int? DigestHour { get; set; } = Person.DefaultDigestHour;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (user.PersonId is not { } personId)
        {
            return NotFound();
        }

        var choice = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.ReceivesDigest, p.DigestHour }).FirstAsync(cancellationToken);
        (ReceivesDigest, DigestHour) = (choice.ReceivesDigest, choice.DigestHour);
        await LoadAsync(personId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (user.PersonId is not { } personId)
        {
            return NotFound();
        }

        if (DigestHour is not { } hour || hour is < 0 or > 23)
        {
            ModelState.AddModelError(nameof(DigestHour), l["Digest.HourOutOfRange"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(personId, cancellationToken);
            return Page();
        }

        var person = await db.People.FirstAsync(p => p.Id == personId, cancellationToken);
        person.ChooseDigest(ReceivesDigest, hour);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect("/due");
    }

    private async Task LoadAsync(Guid personId, CancellationToken cancellationToken) =>
        Items = await DailyDigest.ForPersonAsync(db, acknowledgements, personId, DailyDigest.SwedishDayAndHour(clock.GetUtcNow()).Day, cancellationToken);
}
