using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tillit.Domain.Goals;
using Tillit.Domain.Organisations;

namespace Tillit.Data.Configurations;

internal sealed class LongTermGoalConfiguration : IEntityTypeConfiguration<LongTermGoal>
{
    public void Configure(EntityTypeBuilder<LongTermGoal> builder)
    {
        builder.Property(g => g.Title).HasMaxLength(LongTermGoal.TitleLength);
        builder.Property(g => g.TitleEn).HasMaxLength(LongTermGoal.TitleLength);
        builder.Property(g => g.Description).HasMaxLength(LongTermGoal.TextLength);
        builder.Property(g => g.DescriptionEn).HasMaxLength(LongTermGoal.TextLength);
        builder.HasIndex(g => new { g.OrganisationId, g.Number }).IsUnique();
    }
}

internal sealed class YearlyGoalConfiguration : IEntityTypeConfiguration<YearlyGoal>
{
    public void Configure(EntityTypeBuilder<YearlyGoal> builder)
    {
        builder.Property(g => g.Title).HasMaxLength(YearlyGoal.TitleLength);
        builder.Property(g => g.Target).HasMaxLength(YearlyGoal.TextLength);
        builder.Property(g => g.FollowUp).HasMaxLength(YearlyGoal.TextLength);
        builder.Property(g => g.IndicatorKey).HasMaxLength(60);
        builder.Property(g => g.TargetValue).HasPrecision(12, 2);
        builder.HasIndex(g => new { g.OrganisationId, g.Year, g.LongTermGoalId });
        builder.HasIndex(g => new { g.OwnerId, g.Year });
        builder.HasOne<LongTermGoal>().WithMany().HasForeignKey(g => g.LongTermGoalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(g => g.OwnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class YearlyReportConfiguration : IEntityTypeConfiguration<YearlyReport>
{
    public void Configure(EntityTypeBuilder<YearlyReport> builder)
    {
        builder.Property(r => r.Proposals).HasMaxLength(YearlyReport.TextLength);
        builder.Property(r => r.Snapshot).HasMaxLength(YearlyReport.SnapshotLength);
        builder.Property(r => r.NotedBy).HasMaxLength(200);
        builder.Property(r => r.NotedReference).HasMaxLength(200);
        builder.Ignore(r => r.IsNoted);
        builder.HasIndex(r => new { r.OrganisationId, r.Year }).IsUnique();
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.GeneratedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.NotedRecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class YearlyReportVersionConfiguration : IEntityTypeConfiguration<YearlyReportVersion>
{
    public void Configure(EntityTypeBuilder<YearlyReportVersion> builder)
    {
        builder.Property(v => v.Proposals).HasMaxLength(YearlyReport.TextLength);
        builder.Property(v => v.Snapshot).HasMaxLength(YearlyReport.SnapshotLength);
        builder.Property(v => v.Figures).HasMaxLength(YearlyReportVersion.FiguresLength);
        builder.HasIndex(v => new { v.ReportId, v.Number }).IsUnique();
        builder.HasOne<YearlyReport>().WithMany().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(v => v.GeneratedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class YearlyReportJobConfiguration : IEntityTypeConfiguration<YearlyReportJob>
{
    public void Configure(EntityTypeBuilder<YearlyReportJob> builder)
    {
        builder.Property(j => j.Proposals).HasMaxLength(YearlyReport.TextLength);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Step).HasConversion<string>().HasMaxLength(30);
        builder.Property(j => j.ClaimedBy).HasMaxLength(YearlyReportJob.ClaimedByLength);
        builder.Property(j => j.Failure).HasMaxLength(100);
        builder.Ignore(j => j.IsActive);

        // The background service looks for waiting jobs of every organisation by status.
        builder.HasIndex(j => j.Status);
        builder.HasIndex(j => new { j.OrganisationId, j.Year });
        builder.HasOne<Person>().WithMany().HasForeignKey(j => j.RequestedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DigestClaimConfiguration : IEntityTypeConfiguration<DigestClaim>
{
    public void Configure(EntityTypeBuilder<DigestClaim> builder)
    {
        // The claim: a second instance inserting the same person and day fails instead of mailing twice.
        builder.HasIndex(c => new { c.PersonId, c.Day }).IsUnique();
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
