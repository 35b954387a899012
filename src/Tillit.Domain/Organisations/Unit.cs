using Tillit.Domain.Common;

namespace Tillit.Domain.Organisations;

public enum UnitKind
{
    Organisation = 0,
    Board = 1,
    Administration = 2,
    Company = 3,
    Department = 4,
    Section = 5,
}

/// <summary>
/// A part of the organisation (förvaltning, nämnd, bolag, enhet). <see cref="Path"/> holds the ids
/// of the unit and its ancestors, so "is X within Y" is a prefix test and needs no recursive query.
/// </summary>
public sealed class Unit : Entity
{
    private Unit()
    {
        Name = string.Empty;
        Path = string.Empty;
    }

    public Unit(Guid organisationId, string name, UnitKind kind, Unit? parent)
        : base(organisationId)
    {
        Name = name;
        Kind = kind;
        Path = string.Empty;
        MoveUnder(parent);
    }

    public string Name { get; set; }

    public UnitKind Kind { get; set; }

    public Guid? ParentId { get; private set; }

    /// <summary>"/{rootId}/{childId}/.../{Id}/" in compact hex.</summary>
    public string Path { get; private set; }

    public int Depth => Path.AsSpan().Count('/') - 2;

    public static string Segment(Guid id) => id.ToString("N");

    public bool IsWithin(string ancestorPath) => Path.StartsWith(ancestorPath, StringComparison.Ordinal);

    /// <summary>Places the unit under a new parent; refuses a cycle.</summary>
    public void MoveUnder(Unit? parent)
    {
        if (parent is not null)
        {
            if (parent.OrganisationId != OrganisationId)
            {
                throw new DomainRuleException("Unit.ParentOtherOrganisation", nameof(ParentId));
            }

            if (parent.Id == Id || (Path.Length > 0 && parent.IsWithin(Path)))
            {
                throw new DomainRuleException("Unit.ParentCycle", nameof(ParentId));
            }
        }

        ParentId = parent?.Id;
        Path = (parent?.Path ?? "/") + Segment(Id) + "/";
    }

    /// <summary>Rewrites the path after an ancestor moved.</summary>
    public void RebaseFrom(string oldAncestorPath, string newAncestorPath)
    {
        if (!IsWithin(oldAncestorPath))
        {
            throw new DomainRuleException("Unit.NotDescendant");
        }

        Path = newAncestorPath + Path[oldAncestorPath.Length..];
    }
}
