using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tillit.Data.Identity;
using Tillit.Domain.Access;
using Tillit.Domain.Documents;
using Tillit.Domain.Organisations;

namespace Tillit.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Code).HasMaxLength(60);
        builder.HasIndex(o => o.Code).IsUnique();
        builder.Property(o => o.Version).IsConcurrencyToken();
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.Property(u => u.Name).HasMaxLength(200);
        builder.Property(u => u.Path).HasMaxLength(2000);
        builder.Ignore(u => u.Depth);
        // Lists page by a sort column with the id as tie-breaker: an index in that order lets the
        // database read one page in order instead of sorting every unit (and evaluating each row's
        // subqueries) first.
        builder.HasIndex(u => new { u.OrganisationId, u.Path, u.Id });
        builder.HasIndex(u => new { u.OrganisationId, u.Name, u.Id });
        builder.HasIndex(u => new { u.OrganisationId, u.Kind, u.Id });

        // A unit's children by name; without it SQLite walks every unit in name order to find them.
        builder.HasIndex(u => new { u.OrganisationId, u.ParentId, u.Name });
        builder.HasOne<Unit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Phone).HasMaxLength(40);
        builder.HasIndex(p => new { p.OrganisationId, p.Email }).IsUnique();
        builder.HasIndex(p => new { p.OrganisationId, p.Name, p.Id });
        builder.HasIndex(p => new { p.OrganisationId, p.UnitId });

        // Prefix search (SearchKeys): each key has its own index, so "anna" is three short index ranges.
        builder.Property(p => p.SearchName).HasMaxLength(200);
        builder.Property(p => p.SearchFamilyName).HasMaxLength(200);
        builder.Property(p => p.SearchEmail).HasMaxLength(254);
        builder.HasIndex(p => new { p.OrganisationId, p.SearchName });
        builder.HasIndex(p => new { p.OrganisationId, p.SearchFamilyName });
        builder.HasIndex(p => new { p.OrganisationId, p.SearchEmail });
        builder.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> builder)
    {
        builder.Property(r => r.DecisionReference).HasMaxLength(200);
        // A person's appointments, newest first (their page, their grants at every request).
        builder.HasIndex(r => new { r.OrganisationId, r.PersonId, r.ValidFrom });
        builder.HasIndex(r => new { r.OrganisationId, r.Role, r.ScopeId });

        // The list's sort columns with the id as tie-breaker (see UnitConfiguration).
        builder.HasIndex(r => new { r.OrganisationId, r.ValidFrom, r.Id });
        builder.HasIndex(r => new { r.OrganisationId, r.ValidTo, r.Id });
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.AppointedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GoverningDocumentConfiguration : IEntityTypeConfiguration<GoverningDocument>
{
    public void Configure(EntityTypeBuilder<GoverningDocument> builder)
    {
        builder.Property(d => d.Title).HasMaxLength(300);
        builder.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<GoverningDocument>().WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(d => d.Current);
        builder.Ignore(d => d.Open);
        builder.Ignore(d => d.IsRevoked);

        // The library pages by type or title with the id as tie-breaker; the reminder run looks for review dates.
        builder.HasIndex(d => new { d.OrganisationId, d.Type, d.Id });
        builder.HasIndex(d => new { d.OrganisationId, d.Title, d.Id });
        builder.HasIndex(d => new { d.OrganisationId, d.NextReview });
        builder.HasIndex(d => new { d.OrganisationId, d.UnitId });
    }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> builder)
    {
        builder.Property(v => v.Markdown).HasMaxLength(500_000);
        builder.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
        builder.HasIndex(v => new { v.OrganisationId, v.Status, v.DocumentId });
        builder.Property(v => v.DecisionBody).HasMaxLength(200);
        builder.Property(v => v.DecisionParagraph).HasMaxLength(40);
        builder.Property(v => v.RegistryNumber).HasMaxLength(60);
        builder.Ignore(v => v.IsDecided);
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.Ticket).HasMaxLength(64_000);
        builder.HasIndex(s => s.UserId);
        builder.HasIndex(s => s.ExpiresUtc);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.SecretHash).HasMaxLength(64);
        builder.Property(t => t.Prefix).HasMaxLength(16);
        builder.HasIndex(t => t.SecretHash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<Audit.AuditEvent>
{
    public void Configure(EntityTypeBuilder<Audit.AuditEvent> builder)
    {
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.Action).HasMaxLength(40);
        builder.Property(e => e.ActorName).HasMaxLength(200);
        builder.Property(e => e.ClientAddress).HasMaxLength(64);
        builder.Property(e => e.RecordType).HasMaxLength(80);
        builder.Property(e => e.RecordId).HasMaxLength(200);
        builder.Property(e => e.Data).HasMaxLength(1_000_000);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => new { e.RecordType, e.RecordId, e.Sequence });
        builder.HasIndex(e => new { e.OrganisationId, e.TimeUtc });
        builder.HasIndex(e => new { e.ActorPersonId, e.Sequence });

        // The trail search, newest first: without it every view sorted all of the organisation's events.
        builder.HasIndex(e => new { e.OrganisationId, e.Sequence });

        // A person's own sign-ins and account events, found among the many reads, lists and token uses.
        builder.HasIndex(e => new { e.OrganisationId, e.ActorPersonId, e.Action, e.Sequence });
    }
}

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<Audit.AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<Audit.AuditCheckpoint> builder)
    {
        builder.HasKey(c => new { c.Sequence, c.Kind });
        builder.Property(c => c.Sequence).ValueGeneratedNever();
        builder.Property(c => c.Hash).HasMaxLength(64);
        builder.Property(c => c.Kind).HasMaxLength(20);
        builder.Property(c => c.KeyId).HasMaxLength(64);
        builder.Property(c => c.Signature).HasMaxLength(200);
    }
}
