using Tillit.Domain.Common;

namespace Tillit.Domain.Documents;

/// <summary>
/// A recorded delegation of decision work on governing documents: a board secretary who enters the
/// board's decisions from the minutes (<see cref="DecisionAuthority.Board"/>), or a delegate who
/// decides in the municipal director's place (<see cref="DecisionAuthority.Director"/>). Recorded by
/// the director with the decision reference; ended delegations stay as history.
/// </summary>
public sealed class DecisionDelegation : Entity
{
    private DecisionDelegation()
    {
        DecisionReference = string.Empty;
    }

    public DecisionDelegation(Guid organisationId, Guid personId, DecisionAuthority authority, string decisionReference, DateOnly validFrom, DateOnly? validTo, Guid recordedById)
        : base(organisationId)
    {
        if (!Enum.IsDefined(authority))
        {
            throw new DomainRuleException("Validation.InvalidValue", nameof(Authority));
        }

        if (string.IsNullOrWhiteSpace(decisionReference))
        {
            throw new DomainRuleException("Validation.Required", nameof(DecisionReference));
        }

        if (validTo is { } to && to < validFrom)
        {
            throw new DomainRuleException("RoleAssignment.EndsBeforeStart", nameof(ValidTo));
        }

        PersonId = personId;
        Authority = authority;
        DecisionReference = decisionReference.Trim();
        ValidFrom = validFrom;
        ValidTo = validTo;
        RecordedById = recordedById;
    }

    public Guid PersonId { get; private set; }

    public DecisionAuthority Authority { get; private set; }

    public string DecisionReference { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    public Guid RecordedById { get; private set; }

    public bool IsActiveOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || ValidTo >= day);

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
