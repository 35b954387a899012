using Tillit.Domain.Common;

namespace Tillit.Domain.Organisations;

/// <summary>Someone who works for the organisation; may have a user account.</summary>
public sealed class Person : Entity
{
    private Person()
    {
        Name = string.Empty;
        Email = string.Empty;
    }

    public Person(Guid organisationId, string name, string email, Guid unitId)
        : base(organisationId)
    {
        Name = name;
        Email = email;
        UnitId = unitId;
        IsActive = true;
    }

    public string Name { get; set; }

    public string Email { get; set; }

    public string? Title { get; set; }

    public string? Phone { get; set; }

    public Guid UnitId { get; set; }

    public bool IsActive { get; set; }
}
