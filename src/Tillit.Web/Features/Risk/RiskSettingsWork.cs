using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Domain.Common;
using Tillit.Domain.Risks;
using Tillit.Web.Security;

namespace Tillit.Web.Features.Risk;

/// <summary>The organisation's risk settings as the form shows them; <see cref="Version"/> is null while it has none of its own (the defaults).</summary>
public sealed record RiskSettingsView(int LowMax, int MediumMax, int HighMax, RiskBand SystemOwnerMaxBand, int MaxAgeMonths, int? Version);

/// <summary>
/// The security officer sets the organisation's risk rules: where the bands end on the 1–16 scale, up to which residual
/// band a system owner may accept a risk (above it the municipal director), and how many months an approved analysis
/// of an important system holds. The first save creates the organisation's row; later saves are checked against the
/// version read. Changes reach the audit trail through SaveChanges.
/// </summary>
public sealed class RiskSettingsWork(TillitDbContext db, CurrentUser user)
{
    /// <summary>The levels likelihood × consequence can give; a band that holds none of them could never be used.</summary>
    public static readonly int[] PossibleLevels = [1, 2, 3, 4, 6, 8, 9, 12, 16];

    /// <param name="LowMax">The highest level that is låg.</param>
    /// <param name="MediumMax">The highest level that is medel.</param>
    /// <param name="HighMax">The highest level that is hög; above it extremt hög.</param>
    /// <param name="SystemOwnerMaxBand">The highest residual band a system owner may accept.</param>
    /// <param name="MaxAgeMonths">Months an approved analysis of an important system holds (1–60).</param>
    /// <param name="Version">The version read; null when the form showed the defaults.</param>
    public sealed record Command(int? LowMax, int? MediumMax, int? HighMax, RiskBand? SystemOwnerMaxBand, int? MaxAgeMonths, int? Version);

    public async Task<RiskSettingsView> CurrentAsync(CancellationToken cancellationToken)
    {
        var row = await db.RiskSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var s = row ?? RiskSettings.DefaultFor(db.CurrentOrganisationId ?? Guid.Empty);
        return new RiskSettingsView(s.LowMax, s.MediumMax, s.HighMax, s.SystemOwnerMaxBand, s.MaxAgeMonths, row?.Version);
    }

    public async Task<Outcome<RiskSettingsView>> UpdateAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await user.HasOrganisationWideAsync(Permissions.RiskSettingsManage, cancellationToken))
        {
            return Outcome<RiskSettingsView>.Forbidden();
        }

        var errors = Validate(command);
        if (!errors.IsValid)
        {
            return Outcome<RiskSettingsView>.Invalid(errors.Errors);
        }

        var row = await db.RiskSettings.FirstOrDefaultAsync(cancellationToken);

        // Saved over the defaults while someone else created the row, or over a row that is gone: the form is stale.
        if ((row is null) != (command.Version is null))
        {
            return Outcome<RiskSettingsView>.Conflict();
        }

        if (row is null)
        {
            row = new RiskSettings(user.OrganisationId!.Value);
            db.RiskSettings.Add(row);
        }
        else
        {
            db.Entry(row).Property(r => r.Version).OriginalValue = command.Version!.Value;
        }

        try
        {
            row.Change(new RiskBands(command.LowMax!.Value, command.MediumMax!.Value, command.HighMax!.Value), command.SystemOwnerMaxBand!.Value, command.MaxAgeMonths!.Value);
        }
        catch (DomainRuleException rule)
        {
            return Outcome<RiskSettingsView>.Invalid(rule.Field ?? string.Empty, rule.MessageKey);
        }

        if (db.Entry(row).State != EntityState.Added)
        {
            db.Entry(row).Property(r => r.Version).IsModified = true;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<RiskSettingsView>.Conflict();
        }
        catch (DbUpdateException) when (command.Version is null)
        {
            // Two first saves at once: the unique organisation index kept one.
            return Outcome<RiskSettingsView>.Conflict();
        }

        return Outcome<RiskSettingsView>.Ok(new RiskSettingsView(row.LowMax, row.MediumMax, row.HighMax, row.SystemOwnerMaxBand, row.MaxAgeMonths, row.Version));
    }

    /// <summary>
    /// Each band a step above the one below, each holding at least one level a risk can have (so låg ends at 1–12,
    /// medel above låg, hög above medel and below 16, since 16 is always extremt hög), and an age of 1–60 months.
    /// </summary>
    public static Validator Validate(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new Validator();
        static bool Holds(int from, int to) => PossibleLevels.Any(l => l >= from && l <= to);
        var (low, medium, high) = (command.LowMax, command.MediumMax, command.HighMax);
        errors.Check(low is not null, nameof(Command.LowMax), "Validation.Required");
        errors.Check(medium is not null, nameof(Command.MediumMax), "Validation.Required");
        errors.Check(high is not null, nameof(Command.HighMax), "Validation.Required");
        if (low is { } lo)
        {
            errors.Check(lo is >= 1 and <= 15 && Holds(1, lo), nameof(Command.LowMax), "RiskSettings.LowMaxInvalid");
        }

        if (low is { } l2 && medium is { } me)
        {
            errors.Check(me > l2 && me < 16 && Holds(l2 + 1, me), nameof(Command.MediumMax), "RiskSettings.MediumMaxInvalid");
        }

        if (medium is { } m2 && high is { } hi)
        {
            errors.Check(hi > m2 && hi < 16 && Holds(m2 + 1, hi), nameof(Command.HighMax), "RiskSettings.HighMaxInvalid");
        }

        errors.Defined(nameof(Command.SystemOwnerMaxBand), command.SystemOwnerMaxBand);
        errors.Check(command.MaxAgeMonths is >= 1 and <= 60, nameof(Command.MaxAgeMonths), command.MaxAgeMonths is null ? "Validation.Required" : "Risk.MaxAgeInvalid");
        return errors;
    }
}
