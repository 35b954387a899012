using Tillit.Domain.Common;

namespace Tillit.Domain.Access;

/// <summary>
/// An appointment: a person holds a role within a scope, appointed by someone, by a decision,
/// from a date and possibly until one. Ended appointments stay as history.
/// </summary>
public sealed class RoleAssignment : Entity
{
    private RoleAssignment()
    {
    }

    public RoleAssignment(
        Guid organisationId,
        Guid personId,
        Role role,
        ScopeKind scopeKind,
        Guid? scopeId,
        Guid? appointedById,
        string? decisionReference,
        DateOnly validFrom,
        DateOnly? validTo)
        : base(organisationId)
    {
        if (!Roles.AllowsScope(role, scopeKind))
        {
            throw new DomainRuleException("RoleAssignment.ScopeNotAllowed", nameof(ScopeKind));
        }

        if ((scopeKind == ScopeKind.Organisation) != (scopeId is null))
        {
            throw new DomainRuleException("RoleAssignment.ScopeIdMismatch", nameof(ScopeId));
        }

        if (validTo is { } to && to < validFrom)
        {
            throw new DomainRuleException("RoleAssignment.EndsBeforeStart", nameof(ValidTo));
        }

        PersonId = personId;
        Role = role;
        ScopeKind = scopeKind;
        ScopeId = scopeId;
        AppointedById = appointedById;
        DecisionReference = decisionReference;
        ValidFrom = validFrom;
        ValidTo = validTo;
    }

    public Guid PersonId { get; private set; }

    public Role Role { get; private set; }

    public ScopeKind ScopeKind { get; private set; }

    /// <summary>The unit or information system; null for the whole organisation.</summary>
    public Guid? ScopeId { get; private set; }

    public Guid? AppointedById { get; private set; }

    public string? DecisionReference { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    public bool IsActiveOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || ValidTo >= day);

    /// <summary>
    /// The appointments whose period shares at least one day with <paramref name="from"/>–<paramref name="to"/>
    /// (no end = open-ended). An expression, so the database applies the same rule the tests check.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<RoleAssignment, bool>> Overlapping(DateOnly from, DateOnly? to) =>
        to is { } last
            ? a => a.ValidFrom <= last && (a.ValidTo == null || a.ValidTo >= from)
            : a => a.ValidTo == null || a.ValidTo >= from;

    /// <summary>Ends the appointment; the record stays as history.</summary>
    public void End(DateOnly lastDay)
    {
        if (lastDay < ValidFrom)
        {
            throw new DomainRuleException("RoleAssignment.EndsBeforeStart", nameof(ValidTo));
        }

        if (ValidTo is { } current && current < lastDay)
        {
            throw new DomainRuleException("RoleAssignment.AlreadyEnded", nameof(ValidTo));
        }

        ValidTo = lastDay;
    }
}
