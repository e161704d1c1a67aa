using Abm.Core.Alerts;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Bot.Alerts;

/// <summary>
/// Claims due outbox rows with a lease and records what became of them. Claiming is one
/// conditional UPDATE, so two instances never hold the same row; a crashed instance's rows
/// become claimable again when its lease runs out.
/// </summary>
internal sealed class OutboxLeases(IDbContextFactory<AbmDbContext> contexts, TimeProvider time, IOptions<AlertDispatchOptions> options, ILogger<OutboxLeases> logger)
{
    private readonly AlertDispatchOptions _options = options.Value;
    private readonly string _instance = (options.Value.InstanceName ?? $"{Environment.MachineName}:{Environment.ProcessId}") + ":" + Guid.NewGuid().ToString("N")[..8];
    private long _claims;

    /// <summary>Claims up to a batch of due rows for this instance.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + _options.Lease;
        var token = $"{_instance}:{Interlocked.Increment(ref _claims)}";
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = await db.AlertOutbox
            .Where(o => o.Status == OutboxStatus.Pending && o.DueAt <= now && (o.LeaseUntil == null || o.LeaseUntil < now))
            .OrderBy(o => o.DueAt).ThenBy(o => o.Id)
            .Select(o => o.Id)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        await db.AlertOutbox
            .Where(o => ids.Contains(o.Id) && o.Status == OutboxStatus.Pending && (o.LeaseUntil == null || o.LeaseUntil < now))
            .ExecuteUpdateAsync(
                s => s.SetProperty(o => o.LeaseOwner, token).SetProperty(o => o.LeaseUntil, until).SetProperty(o => o.Attempts, o => o.Attempts + 1),
                cancellationToken);
        return await db.AlertOutbox.AsNoTracking().Where(o => o.LeaseOwner == token).OrderBy(o => o.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Locks a sent message's first row for an edit, with the same lease length as a claim, and
    /// returns the lock token, or null when another instance holds it. Claims never see sent rows,
    /// so the lease columns of a sent row are free for this lock.
    /// </summary>
    public async Task<string?> TryLockSentMessageAsync(long outboxId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var token = $"{_instance}:edit:{Interlocked.Increment(ref _claims)}";
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var locked = await db.AlertOutbox
            .Where(o => o.Id == outboxId && o.Status == OutboxStatus.Sent && (o.LeaseUntil == null || o.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.LeaseOwner, token).SetProperty(o => o.LeaseUntil, now + _options.Lease), cancellationToken);
        return locked == 1 ? token : null;
    }

    /// <summary>Releases an edit lock and, when the edit was sent, records the hash of what the message now shows.</summary>
    public async Task UnlockSentMessageAsync(long outboxId, string token, string? shownHash, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = db.AlertOutbox.Where(o => o.Id == outboxId && o.LeaseOwner == token);
        if (shownHash is null)
        {
            await row.ExecuteUpdateAsync(s => s.SetProperty(o => o.LeaseOwner, (string?)null).SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
            return;
        }

        await row.ExecuteUpdateAsync(
            s => s.SetProperty(o => o.LeaseOwner, (string?)null).SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null).SetProperty(o => o.EditedContentHash, shownHash),
            cancellationToken);
    }

    public async Task MarkSentAsync(IReadOnlyList<OutboxMessage> rows, SendOutcome.Sent sent, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ids = rows.Select(r => r.Id).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.AlertOutbox.Where(o => ids.Contains(o.Id)).ExecuteUpdateAsync(
            s => s.SetProperty(o => o.Status, OutboxStatus.Sent)
                .SetProperty(o => o.SentAt, now)
                .SetProperty(o => o.SentConversationId, sent.ConversationId)
                .SetProperty(o => o.SentMessageId, sent.MessageId)
                .SetProperty(o => o.LeaseOwner, (string?)null)
                .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(o => o.LastError, (string?)null),
            cancellationToken);
        foreach (var row in rows)
        {
            Log.AlertSent(logger, row.Id, row.Channel);
        }
    }

    public async Task RescheduleAsync(IReadOnlyList<OutboxMessage> rows, string reason, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.AlertOutbox.Where(o => ids.Contains(o.Id)).ExecuteUpdateAsync(
            s => s.SetProperty(o => o.DueAt, dueAt)
                .SetProperty(o => o.LeaseOwner, (string?)null)
                .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(o => o.LastError, reason),
            cancellationToken);
    }

    /// <summary>Drops the rows; when the conversation is gone, disables their subscription and drops its other pending rows.</summary>
    public async Task DropAsync(IReadOnlyList<OutboxMessage> rows, string reason, bool conversationGone, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ids = rows.Select(r => r.Id).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.AlertOutbox.Where(o => ids.Contains(o.Id)).ExecuteUpdateAsync(
            s => s.SetProperty(o => o.Status, OutboxStatus.Dropped)
                .SetProperty(o => o.LeaseOwner, (string?)null)
                .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(o => o.LastError, reason),
            cancellationToken);
        foreach (var row in rows)
        {
            Log.AlertDropped(logger, row.Id, row.Channel, reason);
        }

        var subscriptionIds = conversationGone ? rows.Where(r => r.SubscriptionId != null).Select(r => r.SubscriptionId!.Value).Distinct().ToList() : [];
        if (subscriptionIds.Count > 0)
        {
            var shortReason = reason.Length > 200 ? reason[..200] : reason;
            var disabled = await db.AlertSubscriptions.Where(s => subscriptionIds.Contains(s.Id) && s.Enabled).ToListAsync(cancellationToken);
            foreach (var subscription in disabled)
            {
                subscription.Enabled = false;
                subscription.DisabledReason = shortReason;
                subscription.DisabledAt = now;
                Log.SubscriptionDisabled(logger, subscription.Id, subscription.Channel, shortReason);
            }

            await db.SaveChangesAsync(cancellationToken);
            await db.AlertOutbox
                .Where(o => o.SubscriptionId != null && subscriptionIds.Contains(o.SubscriptionId.Value) && o.Status == OutboxStatus.Pending && o.LeaseUntil == null)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Dropped).SetProperty(o => o.LastError, "subscription disabled: " + shortReason), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}

/// <summary>Spaces messages to one conversation at least <see cref="AlertDispatchOptions.PerConversationInterval"/> apart.</summary>
internal sealed class ConversationRateLimiter(IOptions<AlertDispatchOptions> options)
{
    private readonly Dictionary<string, DateTimeOffset> _next = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Reserves the next slot for the conversation and returns it; a slot after <paramref name="now"/> means wait.</summary>
    public DateTimeOffset Reserve(string conversation, DateTimeOffset now)
    {
        lock (_lock)
        {
            var slot = _next.TryGetValue(conversation, out var next) && next > now ? next : now;
            if (slot > now)
            {
                return slot;
            }

            _next[conversation] = slot + options.Value.PerConversationInterval;
            if (_next.Count > 10_000)
            {
                foreach (var stale in _next.Where(p => p.Value < now).Select(p => p.Key).ToList())
                {
                    _next.Remove(stale);
                }
            }

            return slot;
        }
    }
}
