using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tillit.Domain.Laws;
using Tillit.Domain.Organisations;
using Tillit.Domain.Register;

namespace Tillit.Data.Configurations;

internal sealed class LegalRequirementConfiguration : IEntityTypeConfiguration<LegalRequirement>
{
    public void Configure(EntityTypeBuilder<LegalRequirement> builder)
    {
        builder.Property(l => l.Reference).HasMaxLength(LegalRequirement.ReferenceLength);
        builder.Property(l => l.Title).HasMaxLength(LegalRequirement.TitleLength);
        builder.Property(l => l.TitleEn).HasMaxLength(LegalRequirement.TitleLength);
        builder.Property(l => l.Demands).HasMaxLength(LegalRequirement.TextLength);
        builder.Property(l => l.DemandsEn).HasMaxLength(LegalRequirement.TextLength);
        builder.Property(l => l.ComplianceComment).HasMaxLength(LegalRequirement.TextLength);
        builder.HasIndex(l => new { l.OrganisationId, l.Reference }).IsUnique();
        builder.HasIndex(l => new { l.OrganisationId, l.NextReview });
        builder.HasIndex(l => new { l.OrganisationId, l.Compliance });
        builder.HasIndex(l => l.ResponsibleId);
        builder.HasOne<Person>().WithMany().HasForeignKey(l => l.ResponsibleId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LegalRequirementUnitConfiguration : IEntityTypeConfiguration<LegalRequirementUnit>
{
    public void Configure(EntityTypeBuilder<LegalRequirementUnit> builder)
    {
        builder.HasIndex(l => new { l.LegalRequirementId, l.UnitId }).IsUnique();
        builder.HasIndex(l => l.UnitId);
        builder.HasOne<LegalRequirement>().WithMany().HasForeignKey(l => l.LegalRequirementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Unit>().WithMany().HasForeignKey(l => l.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LegalRequirementSystemConfiguration : IEntityTypeConfiguration<LegalRequirementSystem>
{
    public void Configure(EntityTypeBuilder<LegalRequirementSystem> builder)
    {
        builder.HasIndex(l => new { l.LegalRequirementId, l.SystemId }).IsUnique();
        builder.HasIndex(l => l.SystemId);
        builder.HasOne<LegalRequirement>().WithMany().HasForeignKey(l => l.LegalRequirementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<InformationSystem>().WithMany().HasForeignKey(l => l.SystemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Tillit.Domain.Agreements.Agreement>
{
    public void Configure(EntityTypeBuilder<Tillit.Domain.Agreements.Agreement> builder)
    {
        builder.Property(a => a.Supplier).HasMaxLength(Tillit.Domain.Agreements.Agreement.SupplierLength);
        builder.Property(a => a.Title).HasMaxLength(Tillit.Domain.Agreements.Agreement.TitleLength);
        builder.Property(a => a.Reference).HasMaxLength(Tillit.Domain.Agreements.Agreement.ReferenceLength);
        builder.Property(a => a.SecurityRequirements).HasMaxLength(Tillit.Domain.Agreements.Agreement.TextLength);
        builder.Property(a => a.TransferBasis).HasMaxLength(Tillit.Domain.Agreements.Agreement.TextLength);
        builder.HasIndex(a => new { a.OrganisationId, a.Supplier });
        builder.HasIndex(a => new { a.OrganisationId, a.EndsOn });
        builder.HasIndex(a => new { a.OrganisationId, a.NoticeBy });
        builder.HasIndex(a => a.ResponsibleId);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.ResponsibleId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgreementSystemConfiguration : IEntityTypeConfiguration<Tillit.Domain.Agreements.AgreementSystem>
{
    public void Configure(EntityTypeBuilder<Tillit.Domain.Agreements.AgreementSystem> builder)
    {
        builder.HasIndex(a => new { a.AgreementId, a.SystemId }).IsUnique();
        builder.HasIndex(a => a.SystemId);
        builder.HasOne<Tillit.Domain.Agreements.Agreement>().WithMany().HasForeignKey(a => a.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<InformationSystem>().WithMany().HasForeignKey(a => a.SystemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContinuityPlanConfiguration : IEntityTypeConfiguration<Tillit.Domain.Preparedness.ContinuityPlan>
{
    public void Configure(EntityTypeBuilder<Tillit.Domain.Preparedness.ContinuityPlan> builder)
    {
        builder.Property(p => p.FallbackRoutines).HasMaxLength(Tillit.Domain.Preparedness.ContinuityPlan.TextLength);
        builder.Property(p => p.Contacts).HasMaxLength(Tillit.Domain.Preparedness.ContinuityPlan.TextLength);
        builder.Property(p => p.Dependencies).HasMaxLength(Tillit.Domain.Preparedness.ContinuityPlan.TextLength);
        builder.Ignore(p => p.Objectives);
        builder.HasIndex(p => p.SystemId).IsUnique();
        builder.HasIndex(p => new { p.OrganisationId, p.NextReview });
        builder.HasIndex(p => p.ResponsibleId);
        builder.HasOne<InformationSystem>().WithMany().HasForeignKey(p => p.SystemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.ResponsibleId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CrisisRoleConfiguration : IEntityTypeConfiguration<Tillit.Domain.Preparedness.CrisisRole>
{
    public void Configure(EntityTypeBuilder<Tillit.Domain.Preparedness.CrisisRole> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(Tillit.Domain.Preparedness.CrisisRole.TitleLength);
        builder.Property(r => r.Holder).HasMaxLength(Tillit.Domain.Preparedness.CrisisRole.TextLength);
        builder.Property(r => r.Deputy).HasMaxLength(Tillit.Domain.Preparedness.CrisisRole.TextLength);
        builder.Property(r => r.Reach).HasMaxLength(Tillit.Domain.Preparedness.CrisisRole.TextLength);
    }
}

internal sealed class ExerciseConfiguration : IEntityTypeConfiguration<Tillit.Domain.Preparedness.Exercise>
{
    public void Configure(EntityTypeBuilder<Tillit.Domain.Preparedness.Exercise> builder)
    {
        builder.Property(e => e.Title).HasMaxLength(Tillit.Domain.Preparedness.Exercise.TitleLength);
        builder.Property(e => e.Scenario).HasMaxLength(Tillit.Domain.Preparedness.Exercise.TextLength);
        builder.Property(e => e.Participants).HasMaxLength(Tillit.Domain.Preparedness.Exercise.TextLength);
        builder.Property(e => e.Outcome).HasMaxLength(Tillit.Domain.Preparedness.Exercise.TextLength);
        builder.Ignore(e => e.IsHeld);
        builder.HasIndex(e => new { e.OrganisationId, e.PlannedOn });
        builder.HasIndex(e => new { e.OrganisationId, e.HeldOn });
        builder.HasIndex(e => e.LeaderId);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.LeaderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExerciseSystemConfiguration : IEntityTypeConfiguration<Tillit.Domain.Preparedness.ExerciseSystem>
{
    public void Configure(EntityTypeBuilder<Tillit.Domain.Preparedness.ExerciseSystem> builder)
    {
        builder.HasIndex(x => new { x.ExerciseId, x.SystemId }).IsUnique();
        builder.HasIndex(x => x.SystemId);
        builder.HasOne<Tillit.Domain.Preparedness.Exercise>().WithMany().HasForeignKey(x => x.ExerciseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<InformationSystem>().WithMany().HasForeignKey(x => x.SystemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExerciseLessonConfiguration : IEntityTypeConfiguration<Tillit.Domain.Preparedness.ExerciseLesson>
{
    public void Configure(EntityTypeBuilder<Tillit.Domain.Preparedness.ExerciseLesson> builder)
    {
        builder.Property(x => x.Text).HasMaxLength(Tillit.Domain.Preparedness.ExerciseLesson.TextLength);
        builder.HasIndex(x => x.ExerciseId);
        builder.HasIndex(x => x.MeasureId);
        builder.HasOne<Tillit.Domain.Preparedness.Exercise>().WithMany().HasForeignKey(x => x.ExerciseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tillit.Domain.Measures.Measure>().WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.SetNull);
    }
}
