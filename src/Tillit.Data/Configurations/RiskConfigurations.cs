using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tillit.Domain.Organisations;
using Tillit.Domain.Register;
using Tillit.Domain.Risks;

namespace Tillit.Data.Configurations;

internal sealed class ThreatConfiguration : IEntityTypeConfiguration<Threat>
{
    public void Configure(EntityTypeBuilder<Threat> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(20);
        builder.Property(t => t.Name).HasMaxLength(Threat.NameLength);
        builder.Property(t => t.NameEn).HasMaxLength(Threat.NameLength);
        builder.Property(t => t.Description).HasMaxLength(Threat.TextLength);
        builder.Property(t => t.DescriptionEn).HasMaxLength(Threat.TextLength);
        builder.HasIndex(t => new { t.OrganisationId, t.Code }).IsUnique();
    }
}

internal sealed class RiskAnalysisConfiguration : IEntityTypeConfiguration<RiskAnalysis>
{
    public void Configure(EntityTypeBuilder<RiskAnalysis> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(RiskAnalysis.TitleLength);
        builder.Property(a => a.MethodNote).HasMaxLength(RiskAnalysis.TextLength);
        builder.Property(a => a.Participants).HasMaxLength(RiskAnalysis.TextLength);
        builder.Property(a => a.ReviewReason).HasMaxLength(RiskAnalysis.TextLength);
        builder.Ignore(a => a.IsDraft);

        // The list's filters and sort columns, id as tie-breaker; the next cycle finds its predecessor.
        builder.HasIndex(a => new { a.OrganisationId, a.AnalysedOn, a.Id });
        builder.HasIndex(a => new { a.OrganisationId, a.Status, a.ApprovedOn });
        builder.HasIndex(a => a.PreviousAnalysisId);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.ApprovedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RiskAnalysis>().WithMany().HasForeignKey(a => a.PreviousAnalysisId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RiskAnalysisSystemConfiguration : IEntityTypeConfiguration<RiskAnalysisSystem>
{
    public void Configure(EntityTypeBuilder<RiskAnalysisSystem> builder)
    {
        builder.HasKey(x => new { x.AnalysisId, x.SystemId });

        // "The current analysis of a system" and the gap list start from the system.
        builder.HasIndex(x => new { x.SystemId, x.AnalysisId });
        builder.HasOne<RiskAnalysis>().WithMany().HasForeignKey(x => x.AnalysisId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<InformationSystem>().WithMany().HasForeignKey(x => x.SystemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RiskConfiguration : IEntityTypeConfiguration<Risk>
{
    public void Configure(EntityTypeBuilder<Risk> builder)
    {
        builder.Property(r => r.Cause).HasMaxLength(Risk.TextLength);
        builder.Property(r => r.Event).HasMaxLength(Risk.TextLength);
        builder.Property(r => r.Effect).HasMaxLength(Risk.TextLength);
        builder.Property(r => r.TreatmentNote).HasMaxLength(Risk.TextLength);
        builder.Property(r => r.AcceptanceReason).HasMaxLength(Risk.TextLength);
        builder.Ignore(r => r.IsAccepted);

        // The analysis's risks; the register's sort columns and the heat map's counts per cell.
        builder.HasIndex(r => new { r.AnalysisId, r.Level });
        builder.HasIndex(r => new { r.OrganisationId, r.Level, r.Id });
        builder.HasIndex(r => new { r.OrganisationId, r.Likelihood, r.Consequence });
        builder.HasIndex(r => new { r.OrganisationId, r.ResidualLikelihood, r.ResidualConsequence });
        builder.HasIndex(r => r.ThreatId);
        builder.HasOne<RiskAnalysis>().WithMany().HasForeignKey(r => r.AnalysisId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Threat>().WithMany().HasForeignKey(r => r.ThreatId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.AcceptedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RiskSettingsConfiguration : IEntityTypeConfiguration<RiskSettings>
{
    public void Configure(EntityTypeBuilder<RiskSettings> builder)
    {
        builder.ToTable("RiskSettings");
        builder.Ignore(s => s.Bands);
        builder.HasIndex(s => s.OrganisationId).IsUnique();
    }
}
