using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tillit.Domain.Documents;
using Tillit.Domain.Measures;
using Tillit.Domain.Organisations;
using Tillit.Domain.Register;
using Tillit.Domain.Requirements;

namespace Tillit.Data.Configurations;

internal sealed class QuestionnaireConfiguration : IEntityTypeConfiguration<Questionnaire>
{
    public void Configure(EntityTypeBuilder<Questionnaire> builder)
    {
        builder.Property(q => q.Title).HasMaxLength(Questionnaire.TitleLength);
        builder.HasIndex(q => new { q.OrganisationId, q.DueDate });
        builder.HasOne<GoverningDocument>().WithMany().HasForeignKey(q => q.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(q => q.SentById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QuestionnaireResponseConfiguration : IEntityTypeConfiguration<QuestionnaireResponse>
{
    public void Configure(EntityTypeBuilder<QuestionnaireResponse> builder)
    {
        builder.Ignore(r => r.IsSubmitted);

        // "My questionnaires" and the reminder run look forms up by respondent and by questionnaire.
        builder.HasIndex(r => new { r.RespondentId, r.SubmittedUtc });
        builder.HasIndex(r => new { r.QuestionnaireId, r.UnitId, r.SystemId }).IsUnique();
        builder.HasOne<Questionnaire>().WithMany().HasForeignKey(r => r.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InformationSystem>().WithMany().HasForeignKey(r => r.SystemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.RespondentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QuestionnaireAnswerConfiguration : IEntityTypeConfiguration<QuestionnaireAnswer>
{
    public void Configure(EntityTypeBuilder<QuestionnaireAnswer> builder)
    {
        builder.Property(a => a.Comment).HasMaxLength(QuestionnaireAnswer.CommentLength);
        builder.Ignore(a => a.IsGap);
        builder.HasIndex(a => new { a.ResponseId, a.RequirementId }).IsUnique();
        builder.HasOne<QuestionnaireResponse>().WithMany().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Requirement>().WithMany().HasForeignKey(a => a.RequirementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Measure>().WithMany().HasForeignKey(a => a.MeasureId).OnDelete(DeleteBehavior.Restrict);
    }
}
