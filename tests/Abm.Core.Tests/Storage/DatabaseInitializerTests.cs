using Abm.Core.Domain;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Abm.Core.Tests.Storage;

public sealed class DatabaseInitializerTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "abm-storage-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Initialize_NewFile_CreatesDirectoryAndSchema()
    {
        var file = Path.Combine(_directory, "nested", "abm.db");
        await using var provider = BuildProvider(new StorageOptions { ConnectionString = $"Data Source={file}" });

        await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);

        Assert.True(File.Exists(file));
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Initialize_SecondStart_KeepsData()
    {
        var options = new StorageOptions { ConnectionString = $"Data Source={Path.Combine(_directory, "abm.db")}" };
        await using (var first = BuildProvider(options))
        {
            await first.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
            await using var db = await first.GetRequiredService<IDbContextFactory<AbmDbContext>>().CreateDbContextAsync();
            db.Accounts.Add(new Account { Id = "a-1", Name = "Kept Ltd" });
            await db.SaveChangesAsync();
        }

        await using var second = BuildProvider(options);
        await second.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);

        await using var reread = await second.GetRequiredService<IDbContextFactory<AbmDbContext>>().CreateDbContextAsync();
        Assert.Equal("Kept Ltd", (await reread.Accounts.SingleAsync()).Name);
    }

    [Fact]
    public void AddAbmStorage_Postgres_ResolvesPostgresContext()
    {
        using var provider = BuildProvider(new StorageOptions { Provider = "postgres", ConnectionString = "Host=127.0.0.1;Database=abm" });
        using var scope = provider.CreateScope();

        Assert.IsType<PostgresAbmDbContext>(scope.ServiceProvider.GetRequiredService<AbmDbContext>());
    }

    [Fact]
    public async Task Instants_RoundTrip_AsUnixMilliseconds()
    {
        using var database = new TestDatabase();
        var when = new DateTimeOffset(2026, 3, 1, 9, 30, 15, 123, TimeSpan.FromHours(2));
        await using (var db = database.CreateContext())
        {
            db.Events.Add(new EngagementEvent { AccountId = "a", Type = "meeting", Source = "s", SourceId = "1", OccurredAt = when });
            await db.SaveChangesAsync();
        }

        await using var reread = database.CreateContext();
        var stored = await reread.Events.SingleAsync(e => e.OccurredAt >= when.AddMilliseconds(-1));

        Assert.Equal(when.ToUniversalTime(), stored.OccurredAt);
    }

    private static ServiceProvider BuildProvider(StorageOptions options)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddAbmStorage(options);
        return services.BuildServiceProvider();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
