using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tillit.Web.Features.ApiDocs;

/// <summary>The readable API page: how to authenticate, page, sort and read errors, and every endpoint.</summary>
[AllowAnonymous]
public sealed class IndexModel(ApiCatalogue catalogue) : PageModel
{
    public IReadOnlyList<ApiEndpointDoc> Endpoints { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Endpoints = await catalogue.EndpointsAsync();
        return Page();
    }
}
