using Tillit.Domain.Common;
using Tillit.Domain.Organisations;

namespace Tillit.Web.Features.People;

/// <summary>
/// Finds people whose first name, surname or e-mail address starts with what was typed ("anna",
/// "sven", "anna sv", "a.svensson@"), through the indexed search keys of <see cref="Person"/>: three
/// index ranges instead of reading every person. The organisation is repeated inside each branch so
/// that each branch is one range of the (organisation, key) index on both databases.
/// </summary>
public static class PersonSearch
{
    public static IQueryable<Person> StartingWith(this IQueryable<Person> people, Guid organisationId, string? search)
    {
        ArgumentNullException.ThrowIfNull(people);
        var low = SearchKeys.Normalise(search);
        if (low.Length == 0)
        {
            return people;
        }

        var high = SearchKeys.UpperBound(low);

        // Translated to SQL "key >= low AND key < high"; the database compares (by code point, see SearchKeys).
#pragma warning disable CA1309
        return people.Where(p =>
            (p.OrganisationId == organisationId && string.Compare(p.SearchName, low) >= 0 && string.Compare(p.SearchName, high) < 0)
            || (p.OrganisationId == organisationId && string.Compare(p.SearchFamilyName, low) >= 0 && string.Compare(p.SearchFamilyName, high) < 0)
            || (p.OrganisationId == organisationId && string.Compare(p.SearchEmail, low) >= 0 && string.Compare(p.SearchEmail, high) < 0));
#pragma warning restore CA1309
    }
}
