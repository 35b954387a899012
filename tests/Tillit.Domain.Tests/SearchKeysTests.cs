using Tillit.Domain.Common;
using Tillit.Domain.Organisations;

namespace Tillit.Domain.Tests;

public sealed class SearchKeysTests
{
    [Theory]
    [InlineData("  Anna   Maria  Svensson ", "anna maria svensson")]
    [InlineData("ÅSA ÖBERG", "åsa öberg")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Normalise_lowers_and_collapses_spaces(string? text, string expected) =>
        Assert.Equal(expected, SearchKeys.Normalise(text));

    [Theory]
    [InlineData("anna", "annb")]
    [InlineData("å", "æ")]
    [InlineData("a\uffff", "b")]
    public void The_upper_bound_is_above_every_string_with_the_prefix(string prefix, string expected)
    {
        var bound = SearchKeys.UpperBound(prefix);
        Assert.Equal(expected, bound);
        Assert.True(string.CompareOrdinal(prefix + "\ufffe\ufffe", bound) < 0);
        Assert.True(string.CompareOrdinal(prefix, bound) < 0);
    }

    [Fact]
    public void A_person_keeps_its_search_keys_in_step_with_name_and_e_mail()
    {
        var person = new Person(Guid.NewGuid(), "Anna-Lena  Öst Berg", "AL.Ost@Kommun.SE", Guid.NewGuid());
        Assert.Equal("anna-lena öst berg", person.SearchName);
        Assert.Equal("öst berg", person.SearchFamilyName);
        Assert.Equal("al.ost@kommun.se", person.SearchEmail);

        person.Name = "Bo";
        Assert.Equal("bo", person.SearchName);
        Assert.Equal(string.Empty, person.SearchFamilyName);
    }
}
