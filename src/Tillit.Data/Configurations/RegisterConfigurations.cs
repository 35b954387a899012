using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tillit.Domain.Organisations;
using Tillit.Domain.Register;

namespace Tillit.Data.Configurations;

internal sealed class InformationSystemConfiguration : IEntityTypeConfiguration<InformationSystem>
{
    public void Configure(EntityTypeBuilder<InformationSystem> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Purpose).HasMaxLength(2000);
        builder.Property(s => s.Supplier).HasMaxLength(200);
        builder.Ignore(s => s.ProtectionNeed);

        // The register's sort columns with the id as tie-breaker (see UnitConfiguration).
        builder.HasIndex(s => new { s.OrganisationId, s.Name, s.Id });
        builder.HasIndex(s => new { s.OrganisationId, s.UnitId, s.Name });
        builder.HasIndex(s => new { s.OrganisationId, s.NeedHighest, s.Id });
        builder.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SystemDependencyConfiguration : IEntityTypeConfiguration<SystemDependency>
{
    public void Configure(EntityTypeBuilder<SystemDependency> builder)
    {
        builder.HasIndex(d => new { d.SystemId, d.DependsOnId }).IsUnique();
        builder.HasIndex(d => d.DependsOnId);
        builder.HasOne<InformationSystem>().WithMany().HasForeignKey(d => d.SystemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<InformationSystem>().WithMany().HasForeignKey(d => d.DependsOnId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InformationSetConfiguration : IEntityTypeConfiguration<InformationSet>
{
    public void Configure(EntityTypeBuilder<InformationSet> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Description).HasMaxLength(2000);
        builder.Property(s => s.SecrecyReference).HasMaxLength(200);
        builder.HasIndex(s => new { s.OrganisationId, s.Name, s.Id });
        builder.HasIndex(s => new { s.OrganisationId, s.OwningUnitId, s.Name });
        builder.HasOne<Unit>().WithMany().HasForeignKey(s => s.OwningUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InformationSetSystemConfiguration : IEntityTypeConfiguration<InformationSetSystem>
{
    public void Configure(EntityTypeBuilder<InformationSetSystem> builder)
    {
        builder.HasIndex(h => new { h.SetId, h.SystemId }).IsUnique();
        builder.HasIndex(h => new { h.SystemId, h.SetId });
        builder.HasOne<InformationSet>().WithMany().HasForeignKey(h => h.SetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<InformationSystem>().WithMany().HasForeignKey(h => h.SystemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClassificationConfiguration : IEntityTypeConfiguration<Classification>
{
    public void Configure(EntityTypeBuilder<Classification> builder)
    {
        builder.Property(c => c.ConfidentialityMotivation).HasMaxLength(4000);
        builder.Property(c => c.IntegrityMotivation).HasMaxLength(4000);
        builder.Property(c => c.AvailabilityMotivation).HasMaxLength(4000);
        builder.Property(c => c.TraceabilityMotivation).HasMaxLength(4000);
        builder.Property(c => c.Participants).HasMaxLength(1000);
        builder.Ignore(c => c.Levels);
        builder.Ignore(c => c.NeedsSeparateAnalysis);

        // A set's current classification and its history; the gap counts (never classified, stale).
        builder.HasIndex(c => new { c.SetId, c.IsCurrent, c.ClassifiedOn });
        builder.HasIndex(c => new { c.OrganisationId, c.IsCurrent, c.ValidUntil });
        builder.HasOne<InformationSet>().WithMany().HasForeignKey(c => c.SetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.ApprovedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppointmentDelegationConfiguration : IEntityTypeConfiguration<AppointmentDelegation>
{
    public void Configure(EntityTypeBuilder<AppointmentDelegation> builder)
    {
        builder.Property(d => d.DecisionReference).HasMaxLength(200);
        builder.HasIndex(d => new { d.OrganisationId, d.PersonId, d.ValidFrom });
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.DelegatedById).OnDelete(DeleteBehavior.Restrict);
    }
}
