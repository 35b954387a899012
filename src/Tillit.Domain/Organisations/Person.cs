using Tillit.Domain.Common;

namespace Tillit.Domain.Organisations;

/// <summary>Someone who works for the organisation; may have a user account.</summary>
public sealed class Person : Entity
{
    private string _name = string.Empty;
    private string _email = string.Empty;

    private Person()
    {
    }

    public Person(Guid organisationId, string name, string email, Guid unitId)
        : base(organisationId)
    {
        Name = name;
        Email = email;
        UnitId = unitId;
        IsActive = true;
    }

    public string Name
    {
        get => _name;
        set
        {
            _name = value;
            SearchName = SearchKeys.Normalise(value);
            SearchFamilyName = SearchKeys.AfterFirstWord(SearchName);
        }
    }

    public string Email
    {
        get => _email;
        set
        {
            _email = value;
            SearchEmail = SearchKeys.Normalise(value);
        }
    }

    /// <summary>The name in lower case with single spaces: searched by prefix through an index.</summary>
    public string SearchName { get; private set; } = string.Empty;

    /// <summary>The name after its first word (the surname, or middle and surname), for prefix search.</summary>
    public string SearchFamilyName { get; private set; } = string.Empty;

    /// <summary>The e-mail address in lower case, for prefix search.</summary>
    public string SearchEmail { get; private set; } = string.Empty;

    public string? Title { get; set; }

    public string? Phone { get; set; }

    public Guid UnitId { get; set; }

    public bool IsActive { get; set; }
}
