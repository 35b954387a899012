using Tillit.Domain.Common;

namespace Tillit.Domain.Agreements;

/// <summary>Whether the supplier moves data outside the EU/EEA under the agreement. Values are stored.</summary>
public enum ThirdCountryTransfer
{
    Unknown = 0,
    No = 1,
    Yes = 2,
}

/// <summary>
/// One entry of the agreement register: an agreement with a supplier, its period and the dates by which
/// notice must be given and on which it ends, whether a data processing agreement (personuppgiftsbiträdesavtal)
/// is part of it, whether data leaves the EU/EEA and on what basis, the security requirements it sets, the
/// systems it covers (<see cref="AgreementSystem"/>) and the person who follows it up and is reminded before
/// the notice and end dates. A protected record: every read is in the audit trail.
/// </summary>
public sealed class Agreement : Entity
{
    public const int SupplierLength = 200;
    public const int TitleLength = 300;
    public const int ReferenceLength = 60;
    public const int TextLength = 4000;

    private Agreement()
    {
        Supplier = Title = string.Empty;
    }

    public Agreement(Guid organisationId, string supplier, string title)
        : base(organisationId)
    {
        Supplier = Title = string.Empty;
        Describe(supplier, title, null, null);
    }

    /// <summary>The other party: the supplier's name.</summary>
    public string Supplier { get; private set; }

    /// <summary>What the agreement is for, e.g. "Drift och support av Procapita".</summary>
    public string Title { get; private set; }

    /// <summary>The agreement's number or registry number (diarienummer), when it has one.</summary>
    public string? Reference { get; private set; }

    /// <summary>The security requirements the agreement places on the supplier, in short.</summary>
    public string? SecurityRequirements { get; private set; }

    public DateOnly? StartsOn { get; private set; }

    /// <summary>The day the agreement ends unless it is extended; null while it runs until further notice.</summary>
    public DateOnly? EndsOn { get; private set; }

    /// <summary>The last day notice can be given (to end it, or to keep it from being extended).</summary>
    public DateOnly? NoticeBy { get; private set; }

    /// <summary>A data processing agreement (personuppgiftsbiträdesavtal) is part of the agreement.</summary>
    public bool IncludesDataProcessing { get; private set; }

    public ThirdCountryTransfer TransferOutsideEea { get; private set; }

    /// <summary>On what basis data leaves the EU/EEA (adequacy decision, standard contractual clauses…); required when it does.</summary>
    public string? TransferBasis { get; private set; }

    /// <summary>The person who follows the agreement up; reminded before the notice and end dates.</summary>
    public Guid? ResponsibleId { get; private set; }

    /// <summary>The notice date a reminder was last sent for (so it goes out once per date).</summary>
    public DateOnly? NoticeReminderSentFor { get; private set; }

    /// <summary>The end date a reminder was last sent for.</summary>
    public DateOnly? EndReminderSentFor { get; private set; }

    public void Describe(string supplier, string title, string? reference, string? securityRequirements)
    {
        if (string.IsNullOrWhiteSpace(supplier))
        {
            throw new DomainRuleException("Validation.Required", nameof(Supplier));
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("Validation.Required", nameof(Title));
        }

        Supplier = supplier.Trim();
        Title = title.Trim();
        Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        SecurityRequirements = string.IsNullOrWhiteSpace(securityRequirements) ? null : securityRequirements.Trim();
    }

    /// <summary>Records what the agreement says about personal data: the data processing agreement and transfers outside the EU/EEA.</summary>
    public void SetDataProtection(bool includesDataProcessing, ThirdCountryTransfer transfer, string? transferBasis)
    {
        if (!Enum.IsDefined(transfer))
        {
            throw new DomainRuleException("Validation.InvalidValue", nameof(TransferOutsideEea));
        }

        if (transfer == ThirdCountryTransfer.Yes && string.IsNullOrWhiteSpace(transferBasis))
        {
            // A transfer without a stated legal basis cannot be judged lawful.
            throw new DomainRuleException("Agreement.TransferBasisRequired", nameof(TransferBasis));
        }

        IncludesDataProcessing = includesDataProcessing;
        TransferOutsideEea = transfer;
        TransferBasis = transfer == ThirdCountryTransfer.Yes ? transferBasis!.Trim() : null;
    }

    /// <summary>Sets the period, the notice date and who follows the agreement; a changed date allows a new reminder.</summary>
    public void Plan(Guid? responsibleId, DateOnly? startsOn, DateOnly? endsOn, DateOnly? noticeBy)
    {
        if (startsOn is { } start && endsOn is { } end && end < start)
        {
            throw new DomainRuleException("Agreement.EndsBeforeStart", nameof(EndsOn));
        }

        if (noticeBy is { } notice && endsOn is { } ends && notice > ends)
        {
            throw new DomainRuleException("Agreement.NoticeAfterEnd", nameof(NoticeBy));
        }

        if ((noticeBy is not null || endsOn is not null) && responsibleId is null)
        {
            // A date nobody is reminded of would pass unnoticed.
            throw new DomainRuleException("Agreement.DatesNeedResponsible", nameof(ResponsibleId));
        }

        if (noticeBy != NoticeBy)
        {
            NoticeReminderSentFor = null;
        }

        if (endsOn != EndsOn)
        {
            EndReminderSentFor = null;
        }

        ResponsibleId = responsibleId;
        StartsOn = startsOn;
        EndsOn = endsOn;
        NoticeBy = noticeBy;
    }

    /// <summary>The agreement has started (or has no start date) and has not ended.</summary>
    public bool IsInForce(DateOnly today) => (StartsOn is null || StartsOn <= today) && (EndsOn is null || EndsOn >= today);

    /// <summary>Claims the reminder for the current notice date; false when there is none or it was already sent.</summary>
    public bool ClaimNoticeReminder()
    {
        if (NoticeBy is not { } due || NoticeReminderSentFor == due || ResponsibleId is null)
        {
            return false;
        }

        NoticeReminderSentFor = due;
        return true;
    }

    /// <summary>Claims the reminder for the current end date.</summary>
    public bool ClaimEndReminder()
    {
        if (EndsOn is not { } due || EndReminderSentFor == due || ResponsibleId is null)
        {
            return false;
        }

        EndReminderSentFor = due;
        return true;
    }

    /// <summary>Gives the claims back when the mail could not be sent.</summary>
    public void ReleaseReminders(bool notice, bool end)
    {
        if (notice)
        {
            NoticeReminderSentFor = null;
        }

        if (end)
        {
            EndReminderSentFor = null;
        }
    }
}

/// <summary>An information system an agreement covers (its supplier delivers, runs or supports it).</summary>
public sealed class AgreementSystem : Entity
{
    private AgreementSystem()
    {
    }

    public AgreementSystem(Guid organisationId, Guid agreementId, Guid systemId)
        : base(organisationId)
    {
        AgreementId = agreementId;
        SystemId = systemId;
    }

    public Guid AgreementId { get; private set; }

    public Guid SystemId { get; private set; }
}
