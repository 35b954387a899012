using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Tillit.Data.Audit;
using Tillit.Data.Identity;
using Tillit.Domain.Access;
using Tillit.Domain.Common;
using Tillit.Domain.Documents;
using Tillit.Domain.Incidents;
using Tillit.Domain.Measures;
using Tillit.Domain.Organisations;
using Tillit.Domain.Register;
using Tillit.Domain.Requirements;
using Tillit.Domain.Risks;

namespace Tillit.Data;

public class TillitDbContext(DbContextOptions<TillitDbContext> options, ITenantContext tenant, IAuditActor actor, TimeProvider clock)
    : IdentityDbContext<UserAccount, IdentityRole<Guid>, Guid>(options)
{
    /// <summary>Read by the query filters; EF parameterises it per context instance.</summary>
    public Guid? CurrentOrganisationId => tenant.OrganisationId;

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();

    public DbSet<GoverningDocument> Documents => Set<GoverningDocument>();

    public DbSet<DocumentVersion> DocumentVersions => Set<DocumentVersion>();

    public DbSet<InformationSystem> InformationSystems => Set<InformationSystem>();

    public DbSet<SystemDependency> SystemDependencies => Set<SystemDependency>();

    public DbSet<InformationSet> InformationSets => Set<InformationSet>();

    public DbSet<InformationSetSystem> InformationSetSystems => Set<InformationSetSystem>();

    public DbSet<Classification> Classifications => Set<Classification>();

    public DbSet<AppointmentDelegation> AppointmentDelegations => Set<AppointmentDelegation>();

    public DbSet<Requirement> Requirements => Set<Requirement>();

    public DbSet<RequirementAssessment> RequirementAssessments => Set<RequirementAssessment>();

    public DbSet<Measure> Measures => Set<Measure>();

    public DbSet<DecisionDelegation> DecisionDelegations => Set<DecisionDelegation>();

    public DbSet<Deviation> Deviations => Set<Deviation>();

    public DbSet<CampaignReminder> CampaignReminders => Set<CampaignReminder>();

    public DbSet<AcknowledgementCampaign> AcknowledgementCampaigns => Set<AcknowledgementCampaign>();

    public DbSet<CampaignAudience> CampaignAudiences => Set<CampaignAudience>();

    public DbSet<Acknowledgement> Acknowledgements => Set<Acknowledgement>();

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<IncidentEntry> IncidentEntries => Set<IncidentEntry>();

    public DbSet<IncidentSystem> IncidentSystems => Set<IncidentSystem>();

    public DbSet<IncidentSet> IncidentSets => Set<IncidentSet>();

    public DbSet<IncidentSequence> IncidentSequences => Set<IncidentSequence>();

    public DbSet<IncidentReminder> IncidentReminders => Set<IncidentReminder>();

    // Legal register, agreements, continuity and training (issue 9).
    public DbSet<Tillit.Domain.Laws.LegalRequirement> LegalRequirements => Set<Tillit.Domain.Laws.LegalRequirement>();

    public DbSet<Tillit.Domain.Laws.LegalRequirementUnit> LegalRequirementUnits => Set<Tillit.Domain.Laws.LegalRequirementUnit>();

    public DbSet<Tillit.Domain.Laws.LegalRequirementSystem> LegalRequirementSystems => Set<Tillit.Domain.Laws.LegalRequirementSystem>();

    public DbSet<Tillit.Domain.Agreements.Agreement> Agreements => Set<Tillit.Domain.Agreements.Agreement>();

    public DbSet<Tillit.Domain.Agreements.AgreementSystem> AgreementSystems => Set<Tillit.Domain.Agreements.AgreementSystem>();

    public DbSet<Tillit.Domain.Preparedness.ContinuityPlan> ContinuityPlans => Set<Tillit.Domain.Preparedness.ContinuityPlan>();

    public DbSet<Tillit.Domain.Preparedness.CrisisRole> CrisisRoles => Set<Tillit.Domain.Preparedness.CrisisRole>();

    public DbSet<Tillit.Domain.Preparedness.Exercise> Exercises => Set<Tillit.Domain.Preparedness.Exercise>();

    public DbSet<Tillit.Domain.Preparedness.ExerciseSystem> ExerciseSystems => Set<Tillit.Domain.Preparedness.ExerciseSystem>();

    public DbSet<Tillit.Domain.Preparedness.ExerciseLesson> ExerciseLessons => Set<Tillit.Domain.Preparedness.ExerciseLesson>();

    public DbSet<Tillit.Domain.Courses.TrainingCourse> TrainingCourses => Set<Tillit.Domain.Courses.TrainingCourse>();

    public DbSet<Tillit.Domain.Courses.CourseAudience> CourseAudiences => Set<Tillit.Domain.Courses.CourseAudience>();

    public DbSet<Tillit.Domain.Courses.TrainingCompletion> TrainingCompletions => Set<Tillit.Domain.Courses.TrainingCompletion>();

    // Risk analysis (issue 5).
    public DbSet<Threat> Threats => Set<Threat>();

    public DbSet<RiskAnalysis> RiskAnalyses => Set<RiskAnalysis>();

    public DbSet<RiskAnalysisSystem> RiskAnalysisSystems => Set<RiskAnalysisSystem>();

    public DbSet<Risk> Risks => Set<Risk>();

    public DbSet<RiskSettings> RiskSettings => Set<RiskSettings>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();

    // Goals, the yearly report and follow-up (issue 8).
    public DbSet<Domain.Goals.LongTermGoal> LongTermGoals => Set<Domain.Goals.LongTermGoal>();

    public DbSet<Domain.Goals.YearlyGoal> YearlyGoals => Set<Domain.Goals.YearlyGoal>();

    public DbSet<Domain.Goals.YearlyReport> YearlyReports => Set<Domain.Goals.YearlyReport>();

    public DbSet<Domain.Goals.YearlyReportVersion> YearlyReportVersions => Set<Domain.Goals.YearlyReportVersion>();

    public DbSet<Domain.Goals.YearlyReportJob> YearlyReportJobs => Set<Domain.Goals.YearlyReportJob>();

    public DbSet<Domain.Goals.DigestClaim> DigestClaims => Set<Domain.Goals.DigestClaim>();

    // Compliance self-assessment (issue 8, step 3).
    public DbSet<Questionnaire> Questionnaires => Set<Questionnaire>();

    public DbSet<QuestionnaireResponse> QuestionnaireResponses => Set<QuestionnaireResponse>();

    public DbSet<QuestionnaireAnswer> QuestionnaireAnswers => Set<QuestionnaireAnswer>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(400);
        configurationBuilder.Properties<Enum>().HaveConversion<int>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TillitDbContext).Assembly);

        builder.Entity<UserAccount>(b =>
        {
            b.HasIndex(u => u.PersonId).IsUnique();
            b.HasIndex(u => u.OrganisationId);
        });

        // Search keys compare by code point on both databases (see SearchKeys); SQLite's default does.
        if (Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()).Where(p => p.Name.StartsWith("Search", StringComparison.Ordinal) && p.ClrType == typeof(string)))
            {
                property.SetCollation("C");
            }
        }

        // Every organisation-owned type gets the tenant filter and the concurrency token.
        foreach (var type in builder.Model.GetEntityTypes())
        {
            if (typeof(IOrganisationOwned).IsAssignableFrom(type.ClrType) && type.BaseType is null)
            {
                var method = typeof(TillitDbContext).GetMethod(nameof(ApplyTenantFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                    .MakeGenericMethod(type.ClrType);
                method.Invoke(this, [builder]);
            }

            if (typeof(Entity).IsAssignableFrom(type.ClrType))
            {
                builder.Entity(type.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();
                builder.Entity(type.ClrType).HasIndex(nameof(Entity.OrganisationId));
            }
        }
    }

    private void ApplyTenantFilter<T>(ModelBuilder builder)
        where T : class, IOrganisationOwned
    {
        builder.Entity<T>().HasQueryFilter(e => e.OrganisationId == CurrentOrganisationId);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves the changes and their audit events in one transaction: no change without its event,
    /// no event without its change.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareEntries();
        var events = AuditCapture.Capture(ChangeTracker, actor, clock.GetUtcNow().UtcDateTime, CurrentOrganisationId);
        if (events.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await AuditChain.LockAsync(this, cancellationToken);
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await AuditChain.AppendLockedAsync(this, events, (db, ct) => ((TillitDbContext)db).SaveWithoutAuditAsync(ct), cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return written;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>Saves tracked audit events only (the durable writer's batches); refuses anything else.</summary>
    public Task<int> SaveAuditOnlyAsync(CancellationToken cancellationToken)
    {
        if (ChangeTracker.Entries().Any(e => e.State != EntityState.Unchanged && e.State != EntityState.Detached && e.Entity is not AuditEvent and not AuditCheckpoint))
        {
            throw new InvalidOperationException("Only audit events may be saved this way.");
        }

        return base.SaveChangesAsync(true, cancellationToken);
    }

    /// <summary>Saves only what is tracked now (the audit events themselves), without capturing again.</summary>
    private Task<int> SaveWithoutAuditAsync(CancellationToken cancellationToken) => base.SaveChangesAsync(true, cancellationToken);

    private void PrepareEntries()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is IOrganisationOwned owned && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && CurrentOrganisationId is { } current && owned.OrganisationId != current)
            {
                throw new InvalidOperationException("A change to another organisation's data was refused.");
            }

            if (entry.Entity is Entity entity && entry.State == EntityState.Modified)
            {
                entity.Version++;
            }
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
