using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Abm.Bot.Slack.Turns;

/// <summary>
/// Persisted receipts of accepted Slack turns (<see cref="ProcessedInboundEvent"/>). A turn runs
/// only if none of its keys was seen before; the primary key catches a race between instances
/// sharing one database, and a lock catches it between workers of this one.
/// </summary>
public sealed class ProcessedEventStore(IDbContextFactory<AbmDbContext> contextFactory, TimeProvider timeProvider) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);

    /// <summary>Stores the keys and returns true, or returns false when any key was already stored.</summary>
    public async Task<bool> TryClaimAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            if (await db.ProcessedInboundEvents.AnyAsync(r => keys.Contains(r.Key), cancellationToken))
            {
                return false;
            }

            var now = timeProvider.GetUtcNow();
            foreach (var key in keys)
            {
                db.ProcessedInboundEvents.Add(new ProcessedInboundEvent { Key = key, ProcessedAt = now });
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException)
            {
                // Another instance stored one of the keys between the check and the insert.
                return false;
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Deletes receipts older than <paramref name="retention"/> and returns how many.</summary>
    public async Task<int> DeleteOlderThanAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        var cutoff = timeProvider.GetUtcNow() - retention;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ProcessedInboundEvents.Where(r => r.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    public void Dispose() => _lock.Dispose();
}
