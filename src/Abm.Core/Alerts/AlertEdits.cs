using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Abm.Core.Alerts;

/// <summary>Queues in-place edits of the messages already sent for alerts whose status changed.</summary>
public static class AlertEdits
{
    /// <summary>Adds one <see cref="OutboxKind.Update"/> row per sent stand-alone message of the alerts (not saved).</summary>
    /// <remarks>Messages not yet sent need no edit: the dispatcher renders an alert's current status when it sends.</remarks>
    public static async Task<int> EnqueueAsync(AbmDbContext db, IReadOnlyCollection<long> alertIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (alertIds.Count == 0)
        {
            return 0;
        }

        // TODO: lines inside an already sent digest are not edited; the digest keeps the status it was sent with.
        var sent = await db.AlertOutbox
            .Where(o => alertIds.Contains(o.AlertId) && o.Kind == OutboxKind.Alert && o.Status == OutboxStatus.Sent && o.DigestAt == null && o.SentMessageId != null)
            .ToListAsync(cancellationToken);
        foreach (var message in sent)
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

        return sent.Count;
    }
}
