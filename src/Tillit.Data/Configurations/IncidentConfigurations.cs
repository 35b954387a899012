using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tillit.Domain.Incidents;
using Tillit.Domain.Organisations;
using Tillit.Domain.Register;

namespace Tillit.Data.Configurations;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.Ignore(i => i.Reference);
        builder.Ignore(i => i.IsOpen);
        builder.Property(i => i.Description).HasMaxLength(Incident.MaxText);
        builder.Property(i => i.Title).HasMaxLength(200);
        builder.Property(i => i.Lessons).HasMaxLength(Incident.MaxText);
        builder.Property(i => i.MeasuresText).HasMaxLength(Incident.MaxText);
        builder.Property(i => i.DismissReason).HasMaxLength(2000);
        builder.Property(i => i.BreachDataCategories).HasMaxLength(2000);
        builder.Property(i => i.BreachSubjectCategories).HasMaxLength(2000);
        builder.Property(i => i.BreachConsequences).HasMaxLength(Incident.MaxText);
        builder.Property(i => i.BreachMeasures).HasMaxLength(Incident.MaxText);
        builder.HasMany(i => i.Entries).WithOne().HasForeignKey(e => e.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Entries).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The reference is unique; lists: my reports, the handling list by status and time, a handler's work.
        builder.HasIndex(i => new { i.OrganisationId, i.Year, i.Number }).IsUnique();
        builder.HasIndex(i => new { i.OrganisationId, i.ReporterId, i.ReportedUtc });
        builder.HasIndex(i => new { i.OrganisationId, i.Status, i.ReportedUtc });
        builder.HasIndex(i => new { i.OrganisationId, i.ReportedUtc, i.Id });
        builder.HasIndex(i => new { i.OrganisationId, i.HandlerId, i.Status });
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.ReporterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.HandlerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IncidentEntryConfiguration : IEntityTypeConfiguration<IncidentEntry>
{
    public void Configure(EntityTypeBuilder<IncidentEntry> builder)
    {
        builder.Property(e => e.Text).HasMaxLength(Incident.MaxText);
        builder.HasIndex(e => new { e.IncidentId, e.AtUtc });
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IncidentSystemConfiguration : IEntityTypeConfiguration<IncidentSystem>
{
    public void Configure(EntityTypeBuilder<IncidentSystem> builder)
    {
        builder.HasIndex(l => new { l.IncidentId, l.SystemId }).IsUnique();
        builder.HasIndex(l => new { l.SystemId, l.IncidentId });
        builder.HasOne<Incident>().WithMany().HasForeignKey(l => l.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<InformationSystem>().WithMany().HasForeignKey(l => l.SystemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IncidentSetConfiguration : IEntityTypeConfiguration<IncidentSet>
{
    public void Configure(EntityTypeBuilder<IncidentSet> builder)
    {
        builder.HasIndex(l => new { l.IncidentId, l.SetId }).IsUnique();
        builder.HasIndex(l => l.SetId);
        builder.HasOne<Incident>().WithMany().HasForeignKey(l => l.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<InformationSet>().WithMany().HasForeignKey(l => l.SetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IncidentSequenceConfiguration : IEntityTypeConfiguration<IncidentSequence>
{
    public void Configure(EntityTypeBuilder<IncidentSequence> builder) =>
        builder.HasIndex(s => new { s.OrganisationId, s.Year }).IsUnique();
}

internal sealed class IncidentReminderConfiguration : IEntityTypeConfiguration<IncidentReminder>
{
    public void Configure(EntityTypeBuilder<IncidentReminder> builder)
    {
        // The unique key is the claim: a second instance inserting the same reminder fails and sends nothing.
        builder.HasIndex(r => new { r.IncidentId, r.Kind, r.Percent, r.DueUtc }).IsUnique();
        builder.HasIndex(r => new { r.OrganisationId, r.HandlerId, r.SentUtc });
        builder.HasOne<Incident>().WithMany().HasForeignKey(r => r.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}
