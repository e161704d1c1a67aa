using Abm.Core.Demo;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Abm.Bot.Hosting;

/// <summary>
/// Brings the database schema up to date before the host accepts requests, then seeds the demo
/// data set into an empty database when <c>Abm:Demo:SeedOnEmpty</c> is on.
/// </summary>
internal sealed class DatabaseStartup(
    DatabaseInitializer initializer,
    IDbContextFactory<AbmDbContext> contexts,
    IOptions<DemoOptions> demo,
    TimeProvider time,
    ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await initializer.InitializeAsync(cancellationToken);

        if (demo.Value.SeedOnEmpty != true)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Accounts.AnyAsync(cancellationToken))
        {
            return;
        }

        if (await DemoData.SeedAsync(db, time.GetUtcNow(), cancellationToken: cancellationToken))
        {
            Log.DemoDataSeeded(logger);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
