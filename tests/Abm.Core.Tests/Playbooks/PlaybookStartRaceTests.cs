using Abm.Core.Playbooks;
using Abm.Core.Tests.Import;
using Abm.Core.Tests.TargetList;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Abm.Core.Tests.Playbooks;

/// <summary>
/// Several starts of one playbook on one account race through separate connections, as a
/// double click or two bot instances would: one program runs and every other start gets the
/// reply a repeated start gets. On SQLite and, when configured, PostgreSQL.
/// </summary>
public sealed class PlaybookStartRaceTests
{
    private const int Attempts = 6;

    [Fact]
    public async Task Sqlite_race_starts_once()
    {
        using var database = WorkflowDatabase.Sqlite();

        await AssertStartsOnceAsync(database);
    }

    [Fact]
    public async Task Postgres_race_starts_once()
    {
        using var database = WorkflowDatabase.PostgresOrNull();
        if (database is null)
        {
            return; // Runs only when ABM_TEST_POSTGRES names a server.
        }

        await AssertStartsOnceAsync(database);
    }

    [Fact]
    public async Task Restart_after_completion_allowed()
    {
        using var database = WorkflowDatabase.Sqlite();
        var service = Service(database, new RecordingPlaybookNotifier());
        var (first, _) = await service.StartAsync("a-contoso", "custom-workshop", "p-rex", CancellationToken.None);
        await using (var db = database.CreateDbContext())
        {
            await db.PlaybookPrograms.Where(p => p.Id == first!.Id)
                .ExecuteUpdateAsync(p => p.SetProperty(x => x.Status, ProgramStatus.Completed));
        }

        var (second, error) = await service.StartAsync("a-contoso", "custom-workshop", "p-rex", CancellationToken.None);

        Assert.Null(error);
        Assert.NotNull(second);
    }

    private static async Task AssertStartsOnceAsync(WorkflowDatabase database)
    {
        var notifier = new RecordingPlaybookNotifier();

        // Each attempt gets its own service, as each bot instance would.
        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, Attempts)
            .Select(_ => Task.Run(async () =>
            {
                start.Wait();
                return await Service(database, notifier).StartAsync("a-contoso", "custom-workshop", "p-rex", CancellationToken.None);
            }))
            .ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        await using var db = database.CreateDbContext();
        var active = await db.PlaybookPrograms.CountAsync(p => p.AccountId == "a-contoso" && p.TemplateId == "custom-workshop" && p.Status == ProgramStatus.Active);
        var rejections = results.Where(r => r.Program is null).Select(r => r.Error).ToList();
        Assert.Equal(1, active);
        Assert.Equal(1, results.Count(r => r.Program is not null));
        Assert.Equal(Attempts - 1, rejections.Count);
        Assert.All(rejections, e => Assert.StartsWith("Customised workshop on the customer's data already runs on Contoso Ltd.", e, StringComparison.Ordinal));
        Assert.Single(notifier.Assigned);
    }

    private static PlaybookService Service(WorkflowDatabase database, RecordingPlaybookNotifier notifier)
    {
        var catalog = new PlaybookCatalog(PlaybookTemplateLoader.LoadDirectory(Path.Combine(RepositoryPaths.Root, "playbooks")));
        return new PlaybookService(database, catalog, notifier, database.Clock, NullLogger<PlaybookService>.Instance);
    }
}
