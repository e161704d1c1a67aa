using Abm.Core.Answers;
using Abm.Core.Demo;
using Abm.Core.Domain;
using Abm.Core.Scoring;
using Abm.Core.Storage;
using Abm.Core.Tests.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Abm.Core.Tests.Answers;

/// <summary>
/// The cached portfolio path against the full load and analysis it replaces: same figures for
/// every account, and every committed write visible to the next question on any instance.
/// </summary>
public sealed class PortfolioCacheTests
{
    private static readonly ScoringOptions Options = new();
    private static readonly FitScorer Fit = new(Options);
    private static readonly EngagementScorer Engagement = new(new AesModel(Options));
    private static readonly DateTimeOffset DemoAnchor = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Score_RandomData_EqualsFullAnalysis(int seed)
    {
        using var database = new TestDatabase();
        await using (var db = database.CreateContext())
        {
            RandomPortfolio.Add(db, seed, accountCount: 60);
            await db.SaveChangesAsync();
        }

        using var cache = NewCache(database);
        foreach (var asOf in new[] { RandomPortfolio.AsOf, RandomPortfolio.AsOf.AddDays(-3).AddMinutes(7), RandomPortfolio.AsOf.AddDays(30) })
        {
            var expected = await AnalyzeFullyAsync(database, asOf);

            var actual = await cache.ScoreAsync(asOf, CancellationToken.None);

            Assert.Equal(expected, actual.Snapshots.Select(Figures.Of).ToList());
        }
    }

    [Fact]
    public async Task Score_DemoData_EqualsFullAnalysis()
    {
        using var database = await DemoDatabaseAsync();
        using var cache = NewCache(database);
        var expected = await AnalyzeFullyAsync(database, DemoAnchor);

        var actual = await cache.ScoreAsync(DemoAnchor, CancellationToken.None);

        Assert.Equal(expected, actual.Snapshots.Select(Figures.Of).ToList());
    }

    [Fact]
    public async Task Score_DemoData_CountsEveryEvent()
    {
        using var database = await DemoDatabaseAsync();
        using var cache = NewCache(database);
        await using var check = database.CreateContext();
        var stored = await check.Events.CountAsync();

        var scores = await cache.ScoreAsync(DemoAnchor, CancellationToken.None);

        Assert.Equal(stored, scores.EventCount);
    }

    [Fact]
    public async Task Score_AddedEvent_ReachesNextQuestion()
    {
        using var database = new TestDatabase();
        await SeedOneAccountAsync(database);
        using var cache = NewCache(database);
        var before = await cache.ScoreAsync(RandomPortfolio.AsOf, CancellationToken.None);

        await using (var db = database.CreateContext())
        {
            db.Events.Add(Meeting("e-2"));
            await db.SaveChangesAsync();
        }

        var after = await cache.ScoreAsync(RandomPortfolio.AsOf, CancellationToken.None);
        Assert.True(after.DataVersion > before.DataVersion, $"version {after.DataVersion} after {before.DataVersion}");
        Assert.True(after.Snapshots[0].Engagement.RawPoints > before.Snapshots[0].Engagement.RawPoints);
        Assert.Equal(await AnalyzeFullyAsync(database, RandomPortfolio.AsOf), after.Snapshots.Select(Figures.Of).ToList());
    }

    [Fact]
    public async Task Ask_TopAfterAddedEvent_RanksNewLeader()
    {
        using var database = new AnswersDatabase();
        var asker = AnswersDatabase.Ana;
        var before = Assert.IsType<TopAccountsReply>(await database.Assistant.AskAsync("top 10 accounts", asker, CancellationToken.None));

        await using (var db = database.Contexts.CreateDbContext())
        {
            db.Events.Add(new EngagementEvent
            {
                AccountId = "a-fabrikam",
                Type = "meeting",
                Function = BusinessFunction.Sales,
                OccurredAt = AnswersDatabase.AsOf.AddHours(-1),
                Quantity = 600,
                Source = "test",
                SourceId = "e-late",
            });
            await db.SaveChangesAsync();
        }

        var after = Assert.IsType<TopAccountsReply>(await database.Assistant.AskAsync("top 10 accounts", asker, CancellationToken.None));
        Assert.Equal("a-contoso", before.Rows[0].Id);
        Assert.Equal("a-fabrikam", after.Rows[0].Id);
    }

    [Fact]
    public async Task Score_ApprovedTarget_ReachesNextQuestion()
    {
        using var database = new TestDatabase();
        await SeedOneAccountAsync(database);
        using var cache = NewCache(database);
        await cache.ScoreAsync(RandomPortfolio.AsOf, CancellationToken.None);

        await using (var db = database.CreateContext())
        {
            db.TargetList.Add(new TargetListEntry { AccountId = "a-1", Status = TargetListStatus.Approved, ChangedAt = RandomPortfolio.AsOf });
            await db.SaveChangesAsync();
        }

        var after = await cache.ScoreAsync(RandomPortfolio.AsOf, CancellationToken.None);
        Assert.True(after.Snapshots[0].IsTarget);
    }

    [Fact]
    public async Task Score_SameVersion_ReusesFrame()
    {
        using var database = new TestDatabase();
        await SeedOneAccountAsync(database);
        using var cache = NewCache(database);
        var first = await cache.ScoreAsync(RandomPortfolio.AsOf, CancellationToken.None);

        var second = await cache.ScoreAsync(RandomPortfolio.AsOf.AddDays(1), CancellationToken.None);

        Assert.Same(first.Data, second.Data);
    }

    [Fact]
    public async Task Score_WriteOnOtherInstance_ReachesThisOne()
    {
        var path = Path.Combine(Path.GetTempPath(), $"abm-portfolio-{Guid.NewGuid():N}.db");
        try
        {
            var writer = new FileContexts(path);
            var reader = new FileContexts(path);
            await using (var db = writer.CreateDbContext())
            {
                await db.Database.MigrateAsync();
            }

            await SeedOneAccountAsync(writer);
            using var writerCache = NewCache(writer);
            using var readerCache = NewCache(reader);
            await writerCache.ScoreAsync(RandomPortfolio.AsOf, CancellationToken.None);
            var before = await readerCache.ScoreAsync(RandomPortfolio.AsOf, CancellationToken.None);

            await using (var db = writer.CreateDbContext())
            {
                db.Events.Add(Meeting("e-2"));
                await db.SaveChangesAsync();
            }

            var after = await readerCache.ScoreAsync(RandomPortfolio.AsOf, CancellationToken.None);
            Assert.True(after.Snapshots[0].Engagement.RawPoints > before.Snapshots[0].Engagement.RawPoints);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task SaveChanges_PortfolioRow_BumpsVersion()
    {
        using var database = new TestDatabase();
        await using var db = database.CreateContext();
        var before = await PortfolioVersion.ReadAsync(db, CancellationToken.None);

        db.People.Add(new Person { Id = "p-new", Name = "New Owner" });
        await db.SaveChangesAsync();

        Assert.Equal(before + 1, await PortfolioVersion.ReadAsync(db, CancellationToken.None));
    }

    [Fact]
    public async Task SaveChanges_OtherRow_KeepsVersion()
    {
        using var database = new TestDatabase();
        await using var db = database.CreateContext();
        var before = await PortfolioVersion.ReadAsync(db, CancellationToken.None);

        db.ConversationReferences.Add(new ConversationReference { Channel = "teams", ConversationId = "c-1", ServiceUrl = "http://127.0.0.1/" });
        await db.SaveChangesAsync();

        Assert.Equal(before, await PortfolioVersion.ReadAsync(db, CancellationToken.None));
    }

    [Fact]
    public async Task BulkInsert_Events_BumpsVersion()
    {
        using var database = new TestDatabase();
        await SeedOneAccountAsync(database);
        await using var db = database.CreateContext();
        var before = await PortfolioVersion.ReadAsync(db, CancellationToken.None);

        await BulkInsert.InsertAsync(db, [Meeting("e-bulk")], CancellationToken.None);

        Assert.Equal(before + 1, await PortfolioVersion.ReadAsync(db, CancellationToken.None));
    }

    [Fact]
    public async Task Example_NewLeader_WaitsForLifetime()
    {
        using var database = new TestDatabase();
        await SeedOneAccountAsync(database);
        using var cache = NewCache(database);
        var asOf = RandomPortfolio.AsOf;
        var first = await cache.FindExampleAccountAsync(asOf, CancellationToken.None);

        await using (var db = database.CreateContext())
        {
            db.Accounts.Add(new Account { Id = "a-2", Name = "Bravo", Industry = "Software" });
            var surge = Meeting("e-b1");
            surge.AccountId = "a-2";
            surge.ContactId = null;
            surge.Quantity = 500;
            db.Events.Add(surge);
            await db.SaveChangesAsync();
        }

        var within = await cache.FindExampleAccountAsync(asOf + PortfolioCache.ExampleLifetime - TimeSpan.FromMinutes(1), CancellationToken.None);
        var after = await cache.FindExampleAccountAsync(asOf + PortfolioCache.ExampleLifetime, CancellationToken.None);

        Assert.Equal("a-1", first?.Id);
        Assert.Equal("a-1", within?.Id);
        Assert.Equal("a-2", after?.Id);
    }

    [Fact]
    public async Task Example_EmptyStore_ReturnsNull()
    {
        using var database = new TestDatabase();
        using var cache = NewCache(database);

        Assert.Null(await cache.FindExampleAccountAsync(RandomPortfolio.AsOf, CancellationToken.None));
    }

    private static async Task<TestDatabase> DemoDatabaseAsync()
    {
        var database = new TestDatabase();
        await using var db = database.CreateContext();
        await DemoData.SeedAsync(db, DemoAnchor);
        return database;
    }

    private static PortfolioCache NewCache(IDbContextFactory<AbmDbContext> contexts) =>
        new(contexts, Fit, Engagement, new FakeTimeProvider(RandomPortfolio.AsOf), NullLogger<PortfolioCache>.Instance);

    private static async Task<List<Figures>> AnalyzeFullyAsync(IDbContextFactory<AbmDbContext> contexts, DateTimeOffset asOf)
    {
        var data = await new AccountRepository(contexts).LoadAllAsync(CancellationToken.None);
        return new AccountAnalyzer(Fit, Engagement).Analyze(data, asOf).Select(Figures.Of).ToList();
    }

    private static async Task SeedOneAccountAsync(IDbContextFactory<AbmDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        db.Accounts.Add(new Account { Id = "a-1", Name = "Alpha", Industry = "Software" });
        db.Contacts.Add(new Contact { Id = "c-1", AccountId = "a-1", Name = "Cleo", Seniority = Seniority.Director });
        db.Events.Add(Meeting("e-1"));
        await db.SaveChangesAsync();
    }

    private static EngagementEvent Meeting(string sourceId) => new()
    {
        AccountId = "a-1",
        Type = "meeting",
        Function = BusinessFunction.Sales,
        OccurredAt = RandomPortfolio.AsOf.AddDays(-2),
        ContactId = "c-1",
        Quantity = 30,
        Source = "test",
        SourceId = sourceId,
    };

    /// <summary>Every figure a portfolio answer reads from a snapshot, as a value that compares field by field.</summary>
    private sealed record Figures(
        string AccountId,
        string? OwnerName,
        bool IsTarget,
        double Fit,
        FitTier Tier,
        double Aes,
        EngagementBand Band,
        double RawPoints,
        double AesSevenDaysAgo,
        string ByFunction,
        int EngagedContacts,
        int EngagedPersonas,
        DateTimeOffset? LastActivityAt,
        int UnknownTypeEvents,
        FunnelStage Stage,
        decimal OpenPipelineUsd,
        int OpenOpportunities,
        decimal WonUsd)
    {
        public static Figures Of(AccountSnapshot s) => new(
            s.Account.Id,
            s.OwnerName,
            s.IsTarget,
            s.Fit.Score,
            s.Fit.Tier,
            s.Engagement.Score,
            s.Engagement.Band,
            s.Engagement.RawPoints,
            s.Engagement.ScoreSevenDaysAgo,
            string.Join(';', s.Engagement.ByFunction.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value:R}")),
            s.Engagement.EngagedContacts,
            s.Engagement.EngagedPersonas,
            s.Engagement.LastActivityAt,
            s.Engagement.UnknownTypeEvents,
            s.Stage,
            s.OpenPipelineUsd,
            s.OpenOpportunities,
            s.WonUsd);
    }

    /// <summary>Contexts on one SQLite file, as a separate bot instance would open them.</summary>
    private sealed class FileContexts(string path) : IDbContextFactory<AbmDbContext>
    {
        public AbmDbContext CreateDbContext() =>
            new SqliteAbmDbContext(new DbContextOptionsBuilder<SqliteAbmDbContext>().UseSqlite($"Data Source={path}").Options);
    }
}
