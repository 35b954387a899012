using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tillit.Data;
using Tillit.Web.Features.Indicators;

namespace Tillit.Web.Features.Goals;

/// <summary>What the goal pages post: the owner is named by e-mail address, the page finds the person.</summary>
public sealed record GoalForm(Guid? LongTermGoalId, int? Year, string? Title, string? Target, string? OwnerEmail, string? IndicatorKey, decimal? TargetValue, int? Version);

/// <summary>Choices and the owner look-up shared by the new and edit pages.</summary>
public sealed class GoalFormQueries(TillitDbContext db, GoalQueries goals, IStringLocalizer<SharedResource> l)
{
    public async Task<IReadOnlyList<SelectListItem>> LongTermChoicesAsync(CancellationToken cancellationToken) =>
        [new SelectListItem(l["Common.Choose"], string.Empty), .. (await goals.LongTermChoicesAsync(cancellationToken)).Select(g => new SelectListItem(g.Title, g.Id.ToString()))];

    public IReadOnlyList<SelectListItem> IndicatorChoices() =>
        [new SelectListItem(l["Common.None"], string.Empty), .. IndicatorCatalogue.All.Where(d => d.WaitingFor is null).Select(d => new SelectListItem(l["Indicator_" + d.Key], d.Key))];

    /// <summary>The active person with the address, or null (the handler then says the owner is unknown).</summary>
    public async Task<Guid?> OwnerAsync(string? email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var normalised = email.Trim().ToLowerInvariant();
        var id = await db.People.AsNoTracking().Where(p => p.IsActive && p.Email.ToLower() == normalised).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        return id ?? Guid.Empty;
    }

    public async Task<string?> EmailAsync(Guid personId, CancellationToken cancellationToken) =>
        await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.Email).FirstOrDefaultAsync(cancellationToken);
}
