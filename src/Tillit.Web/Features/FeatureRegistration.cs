using System.Reflection;
using Tillit.Web.Security;

namespace Tillit.Web.Features;

public static class FeatureRegistration
{
    /// <summary>
    /// Registers every handler and query class of the features (classes named *Queries, or in
    /// Features/ with a public HandleAsync/CreateAsync/UpdateAsync), scoped per request.
    /// </summary>
    public static IServiceCollection AddFeatureHandlers(this IServiceCollection services)
    {
        var types = typeof(FeatureRegistration).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true }
                && t.Namespace?.StartsWith("Tillit.Web.Features", StringComparison.Ordinal) == true
                && !typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel).IsAssignableFrom(t)
                && (t.Name.EndsWith("Queries", StringComparison.Ordinal)
                    || t.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(m => m.Name is "HandleAsync" or "CreateAsync" or "UpdateAsync")));
        foreach (var type in types)
        {
            services.AddScoped(type);
        }

        services.AddScoped<ApiTokenService>();
        services.AddScoped<Documents.DocumentAccess>();
        services.AddScoped<Documents.DocumentChoices>();
        services.AddScoped<Measures.MeasureAccess>();
        services.AddScoped<Shared.Import.ImportUploads>();
        services.AddSingleton<Infrastructure.MarkdownRenderer>();
        services.AddSingleton<ApiDocs.ApiCatalogue>();
        services.AddScoped<Infrastructure.Demo.DemoSeeder>();

        // Legal register, agreements, continuity and training (issue 9).
        services.AddSingleton<Laws.LawReviewReminders>();
        services.AddHostedService<Infrastructure.Mail.MailRunService<Laws.LawReviewReminders>>();
        services.AddScoped<Shared.LinkedSystemAccess>();
        services.AddScoped<Agreements.AgreementAccess>();
        services.AddScoped<Exercises.ExerciseAccess>();
        services.AddSingleton<Continuity.ContinuityReminders>();
        services.AddHostedService<Infrastructure.Mail.MailRunService<Continuity.ContinuityReminders>>();
        services.AddSingleton<Agreements.AgreementReminders>();
        services.AddHostedService<Infrastructure.Mail.MailRunService<Agreements.AgreementReminders>>();
        // Incident handling (issue 6); a new incident on a system marks its risk analysis for review (issue 5).
        services.AddScoped<Incidents.IncidentAccess>();
        services.AddScoped<Incidents.IncidentWork>();
        services.AddSingleton<Incidents.IncidentReminders>();
        services.AddHostedService<Infrastructure.Mail.MailRunService<Incidents.IncidentReminders>>();
        // The daily digest of what waits for each person (issue 8).
        services.AddSingleton<Goals.DailyDigest>();
        services.AddHostedService<Infrastructure.Mail.MailRunService<Goals.DailyDigest>>();
        // Compliance self-assessment (issue 8).
        services.AddScoped<SelfAssessments.SelfAssessmentWork>();
        services.AddSingleton<SelfAssessments.QuestionnaireReminders>();
        services.AddHostedService<Infrastructure.Mail.MailRunService<SelfAssessments.QuestionnaireReminders>>();
        // The yearly report is generated in the background (issue 8, decision 32).
        services.AddSingleton<Reports.YearlyReportJobs>();
        services.AddHostedService<Reports.YearlyReportJobService>();
        // Risk analysis (issue 5).
        services.AddScoped<Risk.RiskAccess>();
        services.AddScoped<Shared.ISystemRiskReviewMarker, Risk.RiskReviewMarker>();
        return services;
    }
}
