using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Tillit.Web.Features.Systems;

namespace Tillit.Web.Features.Shared;

/// <summary>What <c>_SystemPicker.cshtml</c> shows: the field, its label and hint keys, the offered and chosen systems, the search words and the field's error.</summary>
public sealed record SystemPicker(string Field, string Label, string Hint, IReadOnlyList<SystemLink> Choices, IReadOnlySet<Guid> Chosen, string? Search, string? Error, bool Multiple = true);

public static class SystemPickerPages
{
    /// <summary>
    /// The search of a form's system list (<c>?handler=findsystems</c>), the same on every page that has one: an
    /// existing record must still be the reader's to edit (<paramref name="get"/>; 404 or 403 as on the edit page),
    /// then the form is shown again as it was posted, unchecked and unsaved, with the systems found.
    /// </summary>
    public static async Task<IActionResult> ShowFoundSystemsAsync<T>(this PageModel page, Guid? id, Func<Guid, Task<Outcome<T>>> get, Func<Task> loadChoices, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(loadChoices);
        if (id is { } existing && page.ToPageResult(await get(existing), l) is { } refused)
        {
            return refused;
        }

        page.ModelState.Clear();
        await loadChoices();
        return page.Page();
    }
}

/// <summary>
/// Where a form with a system search posts. Without an action a form posts to the address in the browser, and after a
/// search that address names the search handler: Save would then search again instead of saving. So the form names
/// the page's own address without a handler, and the search button the same address with its handler; either keeps
/// the rest of the query (a person search's words, a preselected system).
/// </summary>
public static class PostBack
{
    public static string Action(HttpRequest request, string? handler = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var kept = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => !string.Equals(p.Key, "handler", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        if (handler is not null)
        {
            kept = kept.Append(new KeyValuePair<string, string?>("handler", handler));
        }

        return QueryHelpers.AddQueryString((request.PathBase + request.Path).Value ?? "/", kept);
    }
}
