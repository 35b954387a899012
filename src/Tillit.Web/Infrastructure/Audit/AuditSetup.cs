using Tillit.Data.Audit;

namespace Tillit.Web.Infrastructure.Audit;

public static class AuditSetup
{
    public static IServiceCollection AddTillitAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuditOptions>(configuration.GetSection(AuditOptions.Section));
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddSingleton<AuditWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditWriter>());
        services.AddSingleton<AuditSigner>();
        services.AddSingleton<AuditCheckpointer>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditCheckpointer>());
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<AuditStateVerifier>();
        services.AddScoped<AuditedBulkInsert>();
        return services;
    }
}
