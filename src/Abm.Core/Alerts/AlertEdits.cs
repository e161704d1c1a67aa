using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Alerts;

/// <summary>Queues in-place edits of the messages already sent for alerts whose status changed.</summary>
public static class AlertEdits
{
    /// <summary>
    /// Adds one <see cref="OutboxKind.Update"/> row per sent message that shows one of the alerts
    /// (not saved): a stand-alone alert message, or a digest with a line for the alert.
    /// </summary>
    /// <remarks>
    /// Messages not yet sent need no edit, because the dispatcher renders an alert's current status
    /// when it sends. An edit row points at the first row of its message, so every edit of one
    /// digest locks the same row, and the dispatcher re-renders every line of the digest when it sends.
    /// </remarks>
    public static async Task<int> EnqueueAsync(AbmDbContext db, IReadOnlyCollection<long> alertIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (alertIds.Count == 0)
        {
            return 0;
        }

        var sent = await db.AlertOutbox.AsNoTracking()
            .Where(o => alertIds.Contains(o.AlertId) && o.Kind == OutboxKind.Alert && o.Status == OutboxStatus.Sent && o.SentMessageId != null)
            .ToListAsync(cancellationToken);
        var digestMessageIds = sent.Where(o => o.DigestAt != null).Select(o => o.SentMessageId).Distinct().ToList();
        var digestRows = digestMessageIds.Count == 0
            ? []
            : await db.AlertOutbox.AsNoTracking()
                .Where(o => o.Kind == OutboxKind.Alert && o.Status == OutboxStatus.Sent && o.DigestAt != null && digestMessageIds.Contains(o.SentMessageId))
                .ToListAsync(cancellationToken);

        // One edit per message: the lines of a digest share one message, and its edit shows them all.
        var firstRows = sent.Concat(digestRows)
            .GroupBy(o => (o.Channel, o.SentConversationId, o.SentMessageId))
            .Where(message => message.Any(o => alertIds.Contains(o.AlertId)))
            .Select(message => message.MinBy(o => o.Id)!)
            .ToList();
        foreach (var message in firstRows)
        {
            db.AlertOutbox.Add(new OutboxMessage
            {
                Kind = OutboxKind.Update,
                AlertId = message.AlertId,
                SubscriptionId = message.SubscriptionId,
                Channel = message.Channel,
                Target = message.Target,
                Direct = message.Direct,
                UpdatesMessageId = message.Id,
                CreatedAt = now,
                DueAt = now,
            });
        }

        return firstRows.Count;
    }
}
