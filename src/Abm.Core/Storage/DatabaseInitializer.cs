using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Abm.Core.Storage;

/// <summary>Brings the database to the current schema; the host calls it once at start, before serving.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<AbmDbContext> contextFactory,
    StorageOptions options,
    ILogger<DatabaseInitializer> logger)
{
    /// <summary>
    /// Creates the SQLite file's directory when missing, then applies pending migrations.
    /// Safe to call on every start: with nothing pending it only reads the migration history.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (options.IsSqlite)
        {
            EnsureSqliteDirectory(options.ConnectionString!);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        Log.DatabaseMigrating(logger, options.Provider, pending.Count);
        await db.Database.MigrateAsync(cancellationToken);

        if (options.IsSqlite)
        {
            // Write-ahead logging lets the bot read while an import or a background job writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        Log.DatabaseReady(logger, options.Provider);
    }

    internal static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
