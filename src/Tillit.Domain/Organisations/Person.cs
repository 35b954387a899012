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

    /// <summary>The hour of the day (Swedish time) from which the daily digest goes out when nobody chose another.</summary>
    public const int DefaultDigestHour = 7;

    /// <summary>Whether the person gets the daily digest by e-mail (the in-app list is always there).</summary>
    public bool ReceivesDigest { get; private set; } = true;

    /// <summary>The hour of the day, Swedish time (0–23), from which the day's digest may be sent.</summary>
    public int DigestHour { get; private set; } = DefaultDigestHour;

    /// <summary>The person's choice of digest: on or off, and from which hour.</summary>
    public void ChooseDigest(bool receives, int hour)
    {
        if (hour is < 0 or > 23)
        {
            throw new DomainRuleException("Digest.HourOutOfRange", nameof(DigestHour));
        }

        ReceivesDigest = receives;
        DigestHour = hour;
    }
}
