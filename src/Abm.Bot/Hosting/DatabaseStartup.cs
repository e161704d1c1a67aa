using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Abm.Bot.Hosting;

/// <summary>Brings the database schema up to date before the host accepts requests.</summary>
internal sealed class DatabaseStartup(IServiceScopeFactory scopes, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
        var applied = await PrepareAsync(db, cancellationToken);
        Log.DatabaseMigrated(logger, db.Database.ProviderName ?? "unknown", applied);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Applies pending migrations and returns how many were applied.</summary>
    public static async Task<int> PrepareAsync(AbmDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.GetMigrations().Any())
        {
            // TODO: drop this branch once the storage migrations land; until then the model creates the schema.
            await db.Database.EnsureCreatedAsync(cancellationToken);
            return 0;
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }
}
