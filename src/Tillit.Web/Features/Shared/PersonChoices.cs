using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Tillit.Data;

namespace Tillit.Web.Features.Shared;

/// <summary>
/// The people a form offers for a "responsible person" field: those whose name or e-mail holds the search term
/// (at most 50), and always the one already chosen, so a form never loses its value. Without a term only the chosen one.
/// </summary>
public static class PersonChoices
{
    public static async Task<IReadOnlyList<SelectListItem>> FindAsync(TillitDbContext db, string? term, Guid? chosen, string emptyLabel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var people = db.People.AsNoTracking().Where(p => p.IsActive);
        if (!string.IsNullOrWhiteSpace(term))
        {
            var lower = term.Trim().ToLowerInvariant();
            people = people.Where(p => p.Name.ToLower().Contains(lower) || p.Email.ToLower().Contains(lower) || p.Id == chosen);
        }
        else
        {
            people = people.Where(p => p.Id == chosen);
        }

        var found = await people.OrderBy(p => p.Name).Take(50).Select(p => new { p.Id, p.Name, p.Email }).ToListAsync(cancellationToken);
        return [new SelectListItem(emptyLabel, string.Empty), .. found.Select(p => new SelectListItem($"{p.Name} ({p.Email})", p.Id.ToString()))];
    }
}
