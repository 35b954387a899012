using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tillit.Domain.Documents;
using Tillit.Domain.Organisations;

namespace Tillit.Data.Configurations;

internal sealed class DecisionDelegationConfiguration : IEntityTypeConfiguration<DecisionDelegation>
{
    public void Configure(EntityTypeBuilder<DecisionDelegation> builder)
    {
        builder.Property(d => d.DecisionReference).HasMaxLength(200);
        builder.HasIndex(d => new { d.OrganisationId, d.PersonId, d.ValidFrom });
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeviationConfiguration : IEntityTypeConfiguration<Deviation>
{
    public void Configure(EntityTypeBuilder<Deviation> builder)
    {
        builder.Property(d => d.Requirement).HasMaxLength(1000);
        builder.Property(d => d.Reason).HasMaxLength(4000);
        builder.Property(d => d.CompensatingMeasures).HasMaxLength(4000);
        builder.Property(d => d.Assessment).HasMaxLength(4000);
        builder.Property(d => d.DecisionReference).HasMaxLength(200);
        builder.Property(d => d.DecisionComment).HasMaxLength(4000);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);

        // The list by status and the expired-gap count (status Approved, expiry before today) use this.
        builder.HasIndex(d => new { d.OrganisationId, d.Status, d.ExpiresOn });
        builder.HasIndex(d => new { d.OrganisationId, d.UnitId });
        builder.HasOne<GoverningDocument>().WithMany().HasForeignKey(d => d.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.RequestedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AcknowledgementCampaignConfiguration : IEntityTypeConfiguration<AcknowledgementCampaign>
{
    public void Configure(EntityTypeBuilder<AcknowledgementCampaign> builder)
    {
        builder.HasMany(c => c.Audience).WithOne().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Audience).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(c => c.IsOpen);
        builder.HasIndex(c => new { c.OrganisationId, c.ClosedOn, c.DueDate });
        builder.HasIndex(c => new { c.OrganisationId, c.DocumentId });
        builder.HasOne<GoverningDocument>().WithMany().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DocumentVersion>().WithMany().HasForeignKey(c => c.VersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.StartedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CampaignAudienceConfiguration : IEntityTypeConfiguration<CampaignAudience>
{
    public void Configure(EntityTypeBuilder<CampaignAudience> builder)
    {
        builder.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CampaignReminderConfiguration : IEntityTypeConfiguration<CampaignReminder>
{
    public void Configure(EntityTypeBuilder<CampaignReminder> builder)
    {
        // The claim: a second instance inserting the same person and campaign fails instead of mailing twice.
        builder.HasIndex(r => new { r.CampaignId, r.PersonId }).IsUnique();
        builder.HasOne<AcknowledgementCampaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AcknowledgementConfiguration : IEntityTypeConfiguration<Acknowledgement>
{
    public void Configure(EntityTypeBuilder<Acknowledgement> builder)
    {
        // One confirmation per person and version; coverage looks confirmations up by document and person.
        builder.HasIndex(a => new { a.PersonId, a.VersionId }).IsUnique();
        builder.HasIndex(a => new { a.OrganisationId, a.DocumentId, a.PersonId, a.VersionNumber });
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DocumentVersion>().WithMany().HasForeignKey(a => a.VersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
