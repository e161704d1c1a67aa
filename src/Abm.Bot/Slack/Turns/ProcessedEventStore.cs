using System.Data.Common;
using System.Threading.Channels;
using Abm.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Abm.Bot.Slack.Turns;

/// <summary>
/// Persisted receipts of accepted Slack turns (<see cref="ProcessedInboundEvent"/>). A turn runs
/// only if none of its keys was stored before. Claims are group-committed: one writer takes every
/// claim waiting in the queue, stores all their keys in one statement that skips stored keys, and
/// completes each claim with whether it won. The database's primary key decides races between
/// instances sharing one database, and the single writer decides them between turns of this one.
/// Keys this instance has stored are also kept in memory, so a repeated claim is rejected
/// without the database.
/// </summary>
/// <remarks>
/// The writer keeps one database connection open. On SQLite it commits with
/// <c>synchronous=NORMAL</c>, which in WAL mode skips the fsync per commit. A power loss or an
/// operating-system crash can lose the receipts of the last commits (a process crash cannot),
/// and the bot then replies again to a redelivery of such an event. Every other write keeps
/// SQLite's default, FULL. This saved about 15 % of the CPU per Slack event (docs/benchmarks.md).
/// </remarks>
public sealed class ProcessedEventStore : IDisposable
{
    /// <summary>Keys remembered in memory per generation; two generations are kept.</summary>
    internal const int RecentKeysPerGeneration = 65_536;

    private readonly IDbContextFactory<AbmDbContext> _contextFactory;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ProcessedEventStore> _logger;
    private readonly Channel<Claim> _claims = Channel.CreateUnbounded<Claim>(new UnboundedChannelOptions { SingleReader = true });
    private readonly RecentKeys _recent = new(RecentKeysPerGeneration);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _writer;
    private AbmDbContext? _writerContext;

    public ProcessedEventStore(IDbContextFactory<AbmDbContext> contextFactory, TimeProvider timeProvider, ILogger<ProcessedEventStore> logger)
    {
        _contextFactory = contextFactory;
        _timeProvider = timeProvider;
        _logger = logger;
        _writer = Task.Run(WriteClaimsAsync);
    }

    /// <summary>
    /// Stores the keys and returns true, or returns false when any key was already stored or
    /// claimed by another turn. Keys of a losing claim are stored too: each names a question that
    /// was already answered, so storing them only marks this delivery as processed.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public async Task<bool> TryClaimAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        if (_recent.ContainsAny(keys))
        {
            return false;
        }

        // Continuations run on the thread pool, so turns never run on the writer's loop.
        var claim = new Claim(keys, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken);
        ObjectDisposedException.ThrowIf(!_claims.Writer.TryWrite(claim), this);

        return await claim.Result.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Deletes receipts older than <paramref name="retention"/> and returns how many.</summary>
    public async Task<int> DeleteOlderThanAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        var cutoff = _timeProvider.GetUtcNow() - retention;
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ProcessedInboundEvents.Where(r => r.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    public void Dispose()
    {
        _claims.Writer.TryComplete();
        _stopping.Cancel();

        // The writer fails the claims still queued with the cancellation, then ends. CommitAsync
        // catches every error, so the writer task does not fault.
        _writer.Wait(TimeSpan.FromSeconds(5));
        CloseWriterContextAsync().AsTask().GetAwaiter().GetResult();
        _stopping.Dispose();
    }

    private async Task WriteClaimsAsync()
    {
        var reader = _claims.Reader;
        var batch = new List<Claim>();

        // No timer gathers a batch: claims that arrive while one batch commits form the next.
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            var keyCount = 0;

            // Half the statement's key limit leaves room for the keys of the last claim taken.
            while (keyCount < ProcessedInboundEventInsert.MaxKeys / 2 && reader.TryRead(out var claim))
            {
                if (claim.Cancellation.IsCancellationRequested)
                {
                    claim.Result.TrySetCanceled(claim.Cancellation);
                    continue;
                }

                batch.Add(claim);
                keyCount += claim.Keys.Count;
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch);
            }
        }
    }

    private async Task CommitAsync(List<Claim> batch)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in batch)
        {
            keys.UnionWith(claim.Keys);
        }

        HashSet<string> inserted;
        try
        {
            _writerContext ??= await OpenWriterContextAsync();
            inserted = await ProcessedInboundEventInsert.InsertNewAsync(_writerContext, keys, _timeProvider.GetUtcNow(), _stopping.Token);
        }
        catch (Exception ex)
        {
            // The next batch opens a new connection, in case this one broke.
            await CloseWriterContextAsync();

            // Every claim of the batch fails, and each turn logs the error and sends its asker a failure notice.
            Log.SlackReceiptBatchFailed(_logger, ex, batch.Count);
            foreach (var claim in batch)
            {
                claim.Result.TrySetException(ex);
            }

            return;
        }

        // In arrival order: a claim wins when all its keys were new and no earlier claim of
        // this batch had one of them.
        var claimedInBatch = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in batch)
        {
            var won = claim.Keys.All(key => inserted.Contains(key) && !claimedInBatch.Contains(key));
            claimedInBatch.UnionWith(claim.Keys);
            claim.Result.TrySetResult(won);
        }

        _recent.Add(keys);
    }

    /// <summary>Returns the writer connection's <c>PRAGMA synchronous</c> value (1 is NORMAL), or null before the first commit or off SQLite.</summary>
    internal async Task<long?> ReadWriterSynchronousAsync()
    {
        if (_writerContext is not SqliteAbmDbContext sqlite)
        {
            return null;
        }

        await using var command = sqlite.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        return (long?)await command.ExecuteScalarAsync();
    }

    private async Task<AbmDbContext> OpenWriterContextAsync()
    {
        var db = await _contextFactory.CreateDbContextAsync(_stopping.Token);
        await db.Database.OpenConnectionAsync(_stopping.Token);
        if (db is SqliteAbmDbContext)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL", _stopping.Token);
        }

        return db;
    }

    /// <summary>
    /// Disposes the writer's context. SQLite pools the native connection, so FULL is set back
    /// first: otherwise the next borrower would commit without fsync too.
    /// </summary>
    private async ValueTask CloseWriterContextAsync()
    {
        var db = _writerContext;
        _writerContext = null;
        if (db is null)
        {
            return;
        }

        if (db is SqliteAbmDbContext)
        {
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL");
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException)
            {
                // Clearing the pool discards this native connection when it closes, so no borrower inherits NORMAL.
                Log.SlackReceiptWriterResetFailed(_logger, ex);
                SqliteConnection.ClearPool((SqliteConnection)db.Database.GetDbConnection());
            }
        }

        await db.DisposeAsync();
    }

    private sealed record Claim(IReadOnlyList<string> Keys, TaskCompletionSource<bool> Result, CancellationToken Cancellation);
}
