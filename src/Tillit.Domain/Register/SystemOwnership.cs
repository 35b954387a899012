using Tillit.Domain.Access;
using Tillit.Domain.Common;

namespace Tillit.Domain.Register;

/// <summary>
/// The municipal director has delegated the appointing of system owners to a person: itself a
/// recorded appointment (by whom, by which decision, from when, until when).
/// </summary>
public sealed class AppointmentDelegation : Entity
{
    private AppointmentDelegation()
    {
        DecisionReference = string.Empty;
    }

    public AppointmentDelegation(Guid organisationId, Guid personId, Guid delegatedById, string decisionReference, DateOnly validFrom, DateOnly? validTo)
        : base(organisationId)
    {
        if (string.IsNullOrWhiteSpace(decisionReference))
        {
            throw new DomainRuleException("Appointment.DecisionRequired", nameof(DecisionReference));
        }

        if (validTo is { } to && to < validFrom)
        {
            throw new DomainRuleException("RoleAssignment.EndsBeforeStart", nameof(ValidTo));
        }

        PersonId = personId;
        DelegatedById = delegatedById;
        DecisionReference = decisionReference.Trim();
        ValidFrom = validFrom;
        ValidTo = validTo;
    }

    public Guid PersonId { get; private set; }

    public Guid DelegatedById { get; private set; }

    public string DecisionReference { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    public bool IsActiveOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || ValidTo >= day);

    /// <summary>Ends the delegation on <paramref name="lastDay"/>; it stays as history. It cannot end before it began, nor later than it already has.</summary>
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

/// <summary>
/// The policy's rule on system owners: the municipal director appoints them, or someone the director
/// has delegated that to. An appointment is a <see cref="RoleAssignment"/> of <see cref="Role.SystemOwner"/>
/// scoped to the system; changing the owner ends the current one the day before the new one starts.
/// </summary>
public static class SystemOwnership
{
    public static bool MayAppoint(IEnumerable<Role> appointerRoles, bool holdsActiveDelegation)
    {
        ArgumentNullException.ThrowIfNull(appointerRoles);
        return holdsActiveDelegation || appointerRoles.Contains(Role.MunicipalDirector);
    }

    /// <summary>Only the director delegates the appointing (a delegate cannot pass it on).</summary>
    public static bool MayDelegate(IEnumerable<Role> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return roles.Contains(Role.MunicipalDirector);
    }

    /// <summary>
    /// Appoints <paramref name="personId"/> owner of the system from <paramref name="validFrom"/>,
    /// ending <paramref name="current"/> (if any) the day before, or on its first day when it started
    /// that same day. Returns the new appointment.
    /// </summary>
    public static RoleAssignment Appoint(
        Guid organisationId, Guid systemId, Guid personId, Guid appointedById, string decisionReference, DateOnly validFrom, RoleAssignment? current)
    {
        if (string.IsNullOrWhiteSpace(decisionReference))
        {
            throw new DomainRuleException("Appointment.DecisionRequired", "DecisionReference");
        }

        if (current is not null)
        {
            if (current.Role != Role.SystemOwner || current.ScopeKind != ScopeKind.InformationSystem || current.ScopeId != systemId)
            {
                throw new DomainRuleException("Appointment.NotThisSystem");
            }

            if (current.PersonId == personId && current.IsActiveOn(validFrom))
            {
                throw new DomainRuleException("Appointment.AlreadyOwner", "PersonId");
            }

            if (validFrom < current.ValidFrom)
            {
                throw new DomainRuleException("Appointment.BeforeCurrent", "ValidFrom");
            }

            var lastDay = validFrom > current.ValidFrom ? validFrom.AddDays(-1) : current.ValidFrom;
            if (current.ValidTo is null || current.ValidTo > lastDay)
            {
                current.End(lastDay);
            }
        }

        return new RoleAssignment(organisationId, personId, Role.SystemOwner, ScopeKind.InformationSystem, systemId, appointedById, decisionReference.Trim(), validFrom, null);
    }

    /// <summary>The current owner among a system's appointments: active today, latest start first.</summary>
    public static RoleAssignment? CurrentOwner(IEnumerable<RoleAssignment> appointments, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(appointments);
        return appointments
            .Where(a => a.Role == Role.SystemOwner && a.ScopeKind == ScopeKind.InformationSystem && a.IsActiveOn(today))
            .OrderByDescending(a => a.ValidFrom)
            .ThenByDescending(a => a.Id)
            .FirstOrDefault();
    }
}
