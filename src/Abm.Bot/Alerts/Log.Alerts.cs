using Microsoft.Extensions.Logging;

namespace Abm.Bot;

// Event ids 3200–3299: alert ingestion endpoint, dispatcher and senders.
internal static partial class Log
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Warning, Message = "Events API request without a valid API key")]
    public static partial void EventsUnauthorized(ILogger logger);

    [LoggerMessage(EventId = 3210, Level = LogLevel.Information, Message = "Alert message {OutboxId} sent to {Channel}")]
    public static partial void AlertSent(ILogger logger, long outboxId, string channel);

    [LoggerMessage(EventId = 3211, Level = LogLevel.Warning, Message = "Alert message {OutboxId} to {Channel} failed ({Reason}); retrying after {Delay}")]
    public static partial void AlertRetry(ILogger logger, long outboxId, string channel, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 3212, Level = LogLevel.Warning, Message = "Subscription {SubscriptionId} on {Channel} disabled: the conversation is gone ({Reason})")]
    public static partial void SubscriptionDisabled(ILogger logger, long subscriptionId, string channel, string reason);

    [LoggerMessage(EventId = 3213, Level = LogLevel.Warning, Message = "Alert message {OutboxId} to {Channel} dropped: {Reason}")]
    public static partial void AlertDropped(ILogger logger, long outboxId, string channel, string reason);

    [LoggerMessage(EventId = 3214, Level = LogLevel.Error, Message = "The alert dispatcher loop failed; it continues after a pause")]
    public static partial void DispatcherFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3215, Level = LogLevel.Error, Message = "The scheduled alert re-evaluation failed; it runs again at the next interval")]
    public static partial void ReevaluationFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3216, Level = LogLevel.Information, Message = "Digest of {Count} alerts sent to {Channel}")]
    public static partial void DigestSent(ILogger logger, int count, string channel);

    [LoggerMessage(EventId = 3217, Level = LogLevel.Debug, Message = "Alert edit {OutboxId} skipped: message {OriginalId} already shows these statuses")]
    public static partial void AlertEditSkipped(ILogger logger, long outboxId, long originalId);
}
