using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tillit.Domain.Courses;
using Tillit.Domain.Organisations;

namespace Tillit.Data.Configurations;

internal sealed class TrainingCourseConfiguration : IEntityTypeConfiguration<TrainingCourse>
{
    public void Configure(EntityTypeBuilder<TrainingCourse> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(TrainingCourse.TitleLength);
        builder.Property(c => c.Code).HasMaxLength(TrainingCourse.CodeLength);
        builder.Property(c => c.Description).HasMaxLength(TrainingCourse.TextLength);
        builder.HasIndex(c => new { c.OrganisationId, c.Title });
        builder.HasMany(c => c.Audience).WithOne().HasForeignKey(a => a.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Audience).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CourseAudienceConfiguration : IEntityTypeConfiguration<CourseAudience>
{
    public void Configure(EntityTypeBuilder<CourseAudience> builder)
    {
        builder.HasIndex(a => a.CourseId);
        builder.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrainingCompletionConfiguration : IEntityTypeConfiguration<TrainingCompletion>
{
    public void Configure(EntityTypeBuilder<TrainingCompletion> builder)
    {
        // One completion per person, course and day; the coverage looks a person's latest up by this index.
        builder.HasIndex(c => new { c.CourseId, c.PersonId, c.CompletedOn }).IsUnique();
        builder.HasIndex(c => new { c.PersonId, c.CourseId });
        builder.HasOne<TrainingCourse>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
