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
