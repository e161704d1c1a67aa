using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Abm.Bot.Hosting;

/// <summary>
/// Probes for a load balancer or orchestrator. <c>/healthz</c> returns 200 while the process
/// serves requests. <c>/readyz</c> also reads the migrated schema's data-version row and returns
/// 503 when that fails, so an instance that lost its database leaves the rotation instead of
/// failing every turn. A bare connection test would pass on SQLite, which creates an empty file. Neither needs authentication, and both return only the status word.
/// </summary>
internal static class HealthEndpoints
{
    public const string LivePath = "/healthz";
    public const string ReadyPath = "/readyz";
    private const string DatabaseTag = "database";

    public static IServiceCollection AddAbmHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<AbmDbContext>(
            "database",
            tags: [DatabaseTag],
            customTestQuery: (db, cancellationToken) => db.DataVersions.AsNoTracking().AnyAsync(cancellationToken));
        return services;
    }

    public static IEndpointRouteBuilder MapAbmHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(DatabaseTag) });
        return endpoints;
    }
}
