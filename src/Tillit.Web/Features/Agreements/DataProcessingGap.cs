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

        // Each test looks up the one system's holdings and agreements by their system index. Written as IN over every
        // holding and agreement link, SQLite built both lists on each use: 73 ms for one system's page on the large
        // municipality.
        return systems.Where(s => s.Lifecycle != Lifecycle.Retired
            && db.InformationSetSystems.Any(x => x.SystemId == s.Id && db.InformationSets.Any(set => set.Id == x.SetId && set.PersonalData != PersonalData.None))
            && ((s.Supplier != null && s.Supplier != string.Empty) || s.Hosting == Hosting.SupplierHosted || s.Hosting == Hosting.Cloud
                || db.AgreementSystems.Any(x => x.SystemId == s.Id && inForce.Any(a => a.Id == x.AgreementId)))
            && !db.AgreementSystems.Any(x => x.SystemId == s.Id && inForce.Any(a => a.Id == x.AgreementId && a.IncludesDataProcessing)));
    }
}
