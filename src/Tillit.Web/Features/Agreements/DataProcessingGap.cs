using Tillit.Data;
using Tillit.Domain.Register;

namespace Tillit.Web.Features.Agreements;

/// <summary>
/// The data processing agreement gap, as one query every page uses: a system (not retired) that holds personal
/// data in some information set and has an external supplier — a supplier named on the system, hosting by a
/// supplier or in a cloud service, or an agreement in force covering it — but no agreement in force covering it
/// that includes a data processing agreement (personuppgiftsbiträdesavtal, GDPR art. 28).
/// </summary>
public static class DataProcessingGap
{
    public static IQueryable<InformationSystem> Lacking(TillitDbContext db, IQueryable<InformationSystem> systems, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        var inForce = db.Agreements.Where(a => (a.StartsOn == null || a.StartsOn <= today) && (a.EndsOn == null || a.EndsOn >= today));
        var withPersonalData = db.InformationSetSystems
            .Where(x => db.InformationSets.Any(set => set.Id == x.SetId && set.PersonalData != PersonalData.None))
            .Select(x => x.SystemId);
        var covered = db.AgreementSystems.Where(x => inForce.Any(a => a.Id == x.AgreementId)).Select(x => x.SystemId);
        var coveredByDpa = db.AgreementSystems.Where(x => inForce.Any(a => a.Id == x.AgreementId && a.IncludesDataProcessing)).Select(x => x.SystemId);
        return systems.Where(s => s.Lifecycle != Lifecycle.Retired
            && withPersonalData.Contains(s.Id)
            && ((s.Supplier != null && s.Supplier != string.Empty) || s.Hosting == Hosting.SupplierHosted || s.Hosting == Hosting.Cloud || covered.Contains(s.Id))
            && !coveredByDpa.Contains(s.Id));
    }
}
