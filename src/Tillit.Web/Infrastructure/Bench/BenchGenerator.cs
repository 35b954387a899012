using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tillit.Data;
using Tillit.Data.Identity;
using Tillit.Web.Infrastructure.Demo;

namespace Tillit.Web.Infrastructure.Bench;

public sealed record BenchResult(
    string OrganisationName,
    string Code,
    int Units,
    int People,
    int Accounts,
    int Assignments,
    string Password,
    IReadOnlyList<BenchAccount> RoleAccounts,
    TimeSpan Elapsed)
{
    /// <summary>Systems, information sets and classifications of the register (issue 4).</summary>
    public (int Systems, int Sets, int Classifications) Register { get; init; }

    /// <summary>Requirements, assessments and measures of the action plan (issue 4).</summary>
    public (int Requirements, int Assessments, int Measures) ActionPlan { get; init; }

    /// <summary>Agreements of the agreement register (issue 9).</summary>
    public int Agreements { get; init; }

    /// <summary>Continuity plans and exercises (issue 9).</summary>
    public (int Plans, int Exercises) Continuity { get; init; }

    /// <summary>Legal register entries and their links to units and systems (issue 9).</summary>
    public (int Laws, int Links) Laws { get; init; }

    /// <summary>Training courses and completions (issue 9).</summary>
    public (int Courses, int Completions) Training { get; init; }

    /// <summary>Threats, risk analyses, risks and the measures sent from them (issue 5).</summary>
    public (int Threats, int Analyses, int Risks, int Measures) Risks { get; init; }

    /// <summary>Incidents, their timeline entries, the breaches and significant ones among them, and their measures (issue 6).</summary>
    public (int Incidents, int Entries, int Breaches, int Significant, int Measures) Incidents { get; init; }

    /// <summary>Governing documents, versions, acknowledgement campaigns and acknowledgements (issue 7).</summary>
    public (int Documents, int Versions, int Campaigns, int Acknowledgements) Documents { get; init; }
}

/// <summary>
/// Writes the benchmark's large municipality (DESIGN.md: 50,000 people with accounts, 400 units) in
/// one transaction. Speed matters more than in a normal save: every account shares one precomputed
/// password hash (hashing 50,000 passwords would take minutes) and the rows bypass the change tracker
/// (<see cref="BulkWriter"/>: COPY on PostgreSQL, a prepared INSERT on SQLite).
/// </summary>
public sealed class BenchGenerator(
    TillitDbContext db,
    TenantContext tenant,
    IPasswordHasher<UserAccount> hasher,
    ILookupNormalizer normalizer,
    TimeProvider clock)
{
    public async Task<BenchResult> GenerateAsync(BenchOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        if (options.Units < 1 || options.People < options.MinimumPeople)
        {
            throw new InvalidOperationException($"need at least one unit and at least {options.MinimumPeople} people for {options.Units} units");
        }

        var name = options.OrganisationName;
        if (await db.Organisations.AnyAsync(o => o.Code == options.Code || o.Name == name, cancellationToken))
        {
            throw new InvalidOperationException($"the organisation '{options.Code}' ({name}) already exists; the generator only creates a new one");
        }

        var watch = Stopwatch.StartNew();
        var now = clock.GetUtcNow().UtcDateTime;
        var plan = BenchPlan.Build(options, DateOnly.FromDateTime(now));
        var register = BenchRegister.Build(plan);
        var actionPlan = BenchActionPlan.Build(plan, register);
        var agreements = BenchAgreements.Build(plan, register);
        var continuity = BenchContinuity.Build(plan, register);
        var laws = BenchLaws.Build(plan, register);
        var training = BenchTraining.Build(plan);
        var risks = BenchRisks.Build(plan, register);
        var incidents = BenchIncidents.Build(plan, register, risks, now);
        var documents = BenchDocuments.Build(plan, now);
        var password = DemoSeeder.GeneratePassword();
        var passwordHash = hasher.HashPassword(new UserAccount(), password);
        progress.WriteLine($"Planned {plan.Units.Count} units, {plan.People.Count} people, {plan.Assignments.Count} role assignments in {watch.Elapsed.TotalSeconds:0.0} s.");

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // All or nothing: a failure leaves no half-made organisation behind.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Organisations.Add(plan.Organisation);
            await db.SaveChangesAsync(cancellationToken);
            tenant.Set(plan.Organisation.Id);

            // Parents come before children in the plan, so foreign keys hold row by row.
            await InsertAsync(plan.Units, "units", progress, watch, cancellationToken);
            await InsertAsync(plan.People, "people", progress, watch, cancellationToken);
            var accounts = plan.People.Select(p => NewAccount(p, passwordHash, now)).ToList();
            await InsertAsync(accounts, "accounts", progress, watch, cancellationToken);
            await InsertAsync(plan.Assignments, "role assignments", progress, watch, cancellationToken);
            await InsertAsync(register.Systems, "information systems", progress, watch, cancellationToken);
            await InsertAsync(register.Dependencies, "system dependencies", progress, watch, cancellationToken);
            await InsertAsync(register.Owners, "system owner appointments", progress, watch, cancellationToken);
            await InsertAsync(register.Sets, "information sets", progress, watch, cancellationToken);
            await InsertAsync(register.Holdings, "sets held in systems", progress, watch, cancellationToken);
            await InsertAsync(register.Classifications, "classifications", progress, watch, cancellationToken);
            await InsertAsync(actionPlan.Requirements, "requirements", progress, watch, cancellationToken);
            await InsertAsync(actionPlan.Assessments, "requirement assessments", progress, watch, cancellationToken);
            await InsertAsync(actionPlan.Measures, "measures", progress, watch, cancellationToken);
            await InsertAsync(agreements.Agreements, "agreements", progress, watch, cancellationToken);
            await InsertAsync(agreements.Links, "systems covered by agreements", progress, watch, cancellationToken);
            await InsertAsync(laws.Laws, "legal register entries", progress, watch, cancellationToken);
            await InsertAsync(laws.Units, "units under the laws", progress, watch, cancellationToken);
            await InsertAsync(laws.Systems, "systems under the laws", progress, watch, cancellationToken);
            await InsertAsync(continuity.Plans, "continuity plans", progress, watch, cancellationToken);
            await InsertAsync(continuity.CrisisRoles, "crisis roles", progress, watch, cancellationToken);
            await InsertAsync(continuity.Exercises, "exercises", progress, watch, cancellationToken);
            await InsertAsync(continuity.ExerciseSystems, "systems tried by exercises", progress, watch, cancellationToken);
            await InsertAsync(continuity.ExerciseLessons, "lessons of exercises", progress, watch, cancellationToken);
            await InsertAsync(training.CourseList, "training courses", progress, watch, cancellationToken);
            await InsertAsync(training.Audience, "training course audiences", progress, watch, cancellationToken);
            await InsertAsync(training.Completions, "training completions", progress, watch, cancellationToken);
            await InsertAsync(risks.Threats, "threats", progress, watch, cancellationToken);
            await InsertAsync(risks.Analyses, "risk analyses", progress, watch, cancellationToken);
            await InsertAsync(risks.AnalysisSystems, "systems of risk analyses", progress, watch, cancellationToken);
            await InsertAsync(risks.Risks, "risks", progress, watch, cancellationToken);
            await InsertAsync(risks.Measures, "measures from risks", progress, watch, cancellationToken);
            await InsertAsync(incidents.Incidents, "incidents", progress, watch, cancellationToken);
            await InsertAsync(incidents.Entries, "incident timeline entries", progress, watch, cancellationToken);
            await InsertAsync(incidents.Systems, "systems of incidents", progress, watch, cancellationToken);
            await InsertAsync(incidents.Sets, "information sets of incidents", progress, watch, cancellationToken);
            await InsertAsync(incidents.Sequences, "incident number sequences", progress, watch, cancellationToken);
            await InsertAsync(incidents.Measures, "measures from incidents", progress, watch, cancellationToken);
            await InsertAsync(documents.Documents, "governing documents", progress, watch, cancellationToken);
            await InsertAsync(documents.Versions, "document versions", progress, watch, cancellationToken);
            await InsertAsync(documents.Campaigns, "acknowledgement campaigns", progress, watch, cancellationToken);
            await InsertAsync(documents.Audience, "campaign audiences", progress, watch, cancellationToken);
            await InsertAsync(documents.Acknowledgements, "acknowledgements", progress, watch, cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            // Fresh statistics, so the planner sees 50,000 rows and not an empty table.
            await AnalyzeAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return new BenchResult(
            plan.Organisation.Name,
            plan.Organisation.Code,
            plan.Units.Count,
            plan.People.Count,
            plan.People.Count,
            plan.Assignments.Count,
            password,
            plan.Accounts.OrderBy(a => a.Role).ToList(),
            watch.Elapsed)
        {
            Register = (register.Systems.Count, register.Sets.Count, register.Classifications.Count),
            ActionPlan = (actionPlan.Requirements.Count, actionPlan.Assessments.Count, actionPlan.Measures.Count),
            Agreements = agreements.Agreements.Count,
            Continuity = (continuity.Plans.Count, continuity.Exercises.Count),
            Laws = (laws.Laws.Count, laws.Units.Count + laws.Systems.Count),
            Training = (training.CourseList.Count, training.Completions.Count),
            Risks = (risks.Threats.Count, risks.Analyses.Count, risks.Risks.Count, risks.Measures.Count),
            Incidents = (incidents.Incidents.Count, incidents.Entries.Count, incidents.Incidents.Count(i => i.IsPersonalDataBreach), incidents.Incidents.Count(i => i.IsSignificant), incidents.Measures.Count),
            Documents = (documents.Documents.Count, documents.Versions.Count, documents.Campaigns.Count, documents.Acknowledgements.Count),
        };
    }

    private UserAccount NewAccount(Domain.Organisations.Person person, string passwordHash, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        UserName = person.Email,
        NormalizedUserName = normalizer.NormalizeName(person.Email),
        Email = person.Email,
        NormalizedEmail = normalizer.NormalizeEmail(person.Email),
        EmailConfirmed = true,
        PasswordHash = passwordHash,

        // Identity compares these on every security-stamp check; each account gets its own.
        SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)),
        ConcurrencyStamp = Guid.NewGuid().ToString(),
        LockoutEnabled = true,
        OrganisationId = person.OrganisationId,
        PersonId = person.Id,
        CreatedUtc = now,
    };

    private async Task InsertAsync<T>(IReadOnlyList<T> rows, string what, TextWriter progress, Stopwatch watch, CancellationToken cancellationToken)
        where T : class
    {
        var before = watch.Elapsed;
        await BulkWriter.WriteAsync(db, rows, growCache: true, cancellationToken);
        progress.WriteLine($"  {rows.Count,7} {what} written in {(watch.Elapsed - before).TotalSeconds:0.0} s ({watch.Elapsed.TotalSeconds:0.0} s)");
    }

    private async Task AnalyzeAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        }
        else
        {
            await DatabaseSetup.RefreshStatisticsAsync(db, cancellationToken);
        }
    }
}
