using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Tillit.Web.Infrastructure;

/// <summary>Second routes of pages that serve both "new" and "edit".</summary>
public static class PageRoutes
{
    public static void Add(PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        conventions.AddPageRoute("/Units/Edit", "units/new");
        conventions.AddPageRoute("/People/Edit", "people/new");
        conventions.AddPageRoute("/Systems/Edit", "systems/new");
        conventions.AddPageRoute("/InformationSets/Edit", "information-sets/new");
        conventions.AddPageRoute("/Requirements/Edit", "requirements/new");
        conventions.AddPageRoute("/Measures/Edit", "measures/new");

        // Legal register, agreements, continuity and training (issue 9).
        conventions.AddPageRoute("/Laws/Edit", "laws/new");
        conventions.AddPageRoute("/Agreements/Edit", "agreements/new");
        conventions.AddPageRoute("/Exercises/Edit", "exercises/new");
        conventions.AddPageRoute("/Training/Edit", "training/new");
        conventions.AddPageRoute("/Risk/Edit", "risk/new");
        conventions.AddPageRoute("/Risk/EditRisk", "risk/{id:guid}/risks/new");
        conventions.AddPageRoute("/Risk/EditThreat", "risk/threats/new");
    }
}
