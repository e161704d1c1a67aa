using Abm.Core.Demo;
using Abm.Core.Storage;
using Microsoft.Data.Sqlite;
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
    StorageOptions storage,
    IDbContextFactory<AbmDbContext> contexts,
    IOptions<DemoOptions> demo,
    TimeProvider time,
    ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await InitializeSchemaAsync(cancellationToken);

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

    /// <summary>
    /// Applies the migrations. A SQLite file that cannot be created or opened is a configuration
    /// error, so it is rethrown as <see cref="InvalidConfigurationException"/> naming the setting.
    /// </summary>
    private async Task InitializeSchemaAsync(CancellationToken cancellationToken)
    {
        try
        {
            await initializer.InitializeAsync(cancellationToken);
        }
        catch (Exception exception) when (storage.IsSqlite && IsFileAccessError(exception))
        {
            throw new InvalidConfigurationException(DescribeSqliteFileError(storage.ConnectionString, exception), exception);
        }
    }

    private static bool IsFileAccessError(Exception exception) => exception is IOException or UnauthorizedAccessException
        || exception is SqliteException { SqliteErrorCode: SqliteCantOpen or SqliteReadOnly };

    private const int SqliteReadOnly = 8;

    private const int SqliteCantOpen = 14;

    /// <summary>
    /// Names the key, the file and the fix. Only the data source is printed, because a SQLite
    /// connection string may carry a password for an encrypted file.
    /// </summary>
    internal static string DescribeSqliteFileError(string? connectionString, Exception exception)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return $"{StorageOptions.SectionName}:ConnectionString names the SQLite file '{dataSource}', which cannot be created or opened ({exception.Message.TrimEnd('.')}). "
            + $"Set it to 'Data Source=<file path>' in a folder you can write to, or remove it to use '{StorageOptions.DefaultSqlitePath}' under the working folder.";
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
