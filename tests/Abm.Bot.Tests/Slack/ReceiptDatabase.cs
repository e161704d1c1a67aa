using Abm.Bot.Slack.Turns;
using Abm.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Abm.Bot.Tests.Slack;

/// <summary>
/// A migrated database for processed-event receipts: a temporary SQLite file, or a fresh
/// database on the PostgreSQL server in <c>ABM_TEST_POSTGRES</c>. Every context opens its own
/// connection, as separate bot instances would.
/// </summary>
public sealed class ReceiptDatabase : IDbContextFactory<AbmDbContext>, IAsyncDisposable
{
    public const string PostgresVariable = "ABM_TEST_POSTGRES";

    private readonly StorageOptions _options;
    private readonly string? _file;

    private ReceiptDatabase(string provider, string connectionString, string? file)
    {
        _options = new StorageOptions { Provider = provider, ConnectionString = connectionString };
        _file = file;
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// Creates and migrates the database, or returns null for PostgreSQL when no server is set
    /// outside CI (under CI a missing server fails the test).
    /// </summary>
    public static async Task<ReceiptDatabase?> CreateAsync(string provider)
    {
        ReceiptDatabase database;
        if (provider == StorageOptions.PostgresProvider)
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
            {
                Assert.False(
                    string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
                    $"{PostgresVariable} is not set. Run scripts/test.sh, which starts a PostgreSQL server and sets it.");
                return null;
            }

            var name = "abm_receipts_" + Guid.NewGuid().ToString("N")[..12];
            database = new ReceiptDatabase(StorageOptions.PostgresProvider, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, null);
        }
        else
        {
            var file = Path.Combine(Path.GetTempPath(), $"abm-receipts-{Guid.NewGuid():N}.db");
            database = new ReceiptDatabase(StorageOptions.SqliteProvider, new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 30 }.ConnectionString, file);
        }

        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        return database;
    }

    /// <summary>A store over this database, as one bot instance (or one run of it) would have.</summary>
    public ProcessedEventStore CreateStore() => new(this, Clock, NullLogger<ProcessedEventStore>.Instance);

    public AbmDbContext CreateDbContext() => AbmDbContextOptions.CreateContext(_options);

    public async Task<int> CountAsync()
    {
        await using var db = CreateDbContext();
        return await db.ProcessedInboundEvents.CountAsync();
    }

    /// <summary>Runs one SQL statement on a connection of its own.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var db = CreateDbContext();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    public async ValueTask DisposeAsync()
    {
        if (_options.IsPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var db = CreateDbContext();
            await db.Database.EnsureDeletedAsync();
            return;
        }

        SqliteConnection.ClearAllPools();
        File.Delete(_file!);
    }
}
