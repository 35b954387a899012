using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tillit.Domain.Measures;
using Tillit.Domain.Organisations;
using Tillit.Domain.Register;
using Tillit.Domain.Requirements;

namespace Tillit.Data.Configurations;

internal sealed class RequirementConfiguration : IEntityTypeConfiguration<Requirement>
{
    public void Configure(EntityTypeBuilder<Requirement> builder)
    {
        builder.Property(r => r.Code).HasMaxLength(20);
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.TitleEn).HasMaxLength(200);
        builder.Property(r => r.Description).HasMaxLength(4000);
        builder.Property(r => r.IsoControls).HasMaxLength(200);
        builder.Property(r => r.Nis2Areas).HasMaxLength(40);
        builder.HasIndex(r => new { r.OrganisationId, r.Code }).IsUnique();
        builder.HasIndex(r => new { r.OrganisationId, r.IsActive, r.Aspect, r.FromLevel });
    }
}

internal sealed class RequirementAssessmentConfiguration : IEntityTypeConfiguration<RequirementAssessment>
{
    public void Configure(EntityTypeBuilder<RequirementAssessment> builder)
    {
        builder.Property(a => a.How).HasMaxLength(4000);
        builder.Ignore(a => a.IsGap);

        // One per system and requirement; the statement of applicability counts per requirement and status.
        builder.HasIndex(a => new { a.SystemId, a.RequirementId }).IsUnique();
        builder.HasIndex(a => new { a.RequirementId, a.Status });
        builder.HasOne<InformationSystem>().WithMany().HasForeignKey(a => a.SystemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Requirement>().WithMany().HasForeignKey(a => a.RequirementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.AssessedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(Measure.TitleLength);
        builder.Property(m => m.Description).HasMaxLength(Measure.TextLength);
        builder.Property(m => m.Evidence).HasMaxLength(Measure.TextLength);
        builder.Property(m => m.CancelReason).HasMaxLength(Measure.TextLength);
        builder.Ignore(m => m.IsOpen);
        builder.Ignore(m => m.IsClosed);

        // The action plan's filters (person, unit, system, status and due date) and its sort columns, id as tie-breaker.
        builder.HasIndex(m => new { m.OrganisationId, m.DueDate, m.Id });
        builder.HasIndex(m => new { m.OrganisationId, m.Status, m.DueDate });
        builder.HasIndex(m => new { m.OwnerId, m.DueDate });
        builder.HasIndex(m => new { m.SystemId, m.DueDate });
        builder.HasIndex(m => new { m.UnitId, m.DueDate });
        builder.HasIndex(m => new { m.Origin, m.OriginId });
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.VerifiedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InformationSystem>().WithMany().HasForeignKey(m => m.SystemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
