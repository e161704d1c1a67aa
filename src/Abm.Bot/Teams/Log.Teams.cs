using Microsoft.Extensions.Logging;

namespace Abm.Bot;

/// <summary>Teams log messages (event ids 2100–2299). Ids and counts only: message text and tokens stay out above Trace.</summary>
internal static partial class Log
{
    /// <summary>The log scope of one turn: every line logged while handling the activity carries its ids.</summary>
    public static readonly Func<ILogger, string?, string?, IDisposable?> TurnScope =
        LoggerMessage.DefineScope<string?, string?>("Activity {ActivityId} in conversation {ConversationId}");

    [LoggerMessage(EventId = 2100, Level = LogLevel.Debug, Message = "Received {ActivityType} activity {ActivityId} ({InvokeName})")]
    public static partial void ActivityReceived(ILogger logger, string? activityType, string? activityId, string? invokeName);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Rejected an activity with 401: {Reason}")]
    public static partial void TokenRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Rejected an activity with 403: the signing key {KeyId} is not endorsed for channel {ChannelId}")]
    public static partial void EndorsementMissing(ILogger logger, string? keyId, string? channelId);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Rejected an activity with 400: {Reason}")]
    public static partial void BodyRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Ignored {ActivityType} activity {ActivityId}: Abm does not handle this type")]
    public static partial void ActivityTypeIgnored(ILogger logger, string? activityType, string? activityId);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Information, Message = "Answered invoke '{InvokeName}' on activity {ActivityId} with an empty 200: Abm does not handle this invoke")]
    public static partial void InvokeIgnored(ILogger logger, string? invokeName, string? activityId);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Error, Message = "Could not load the OpenID metadata or signing keys from {MetadataUrl}; responding with 503")]
    public static partial void MetadataUnavailable(ILogger logger, string metadataUrl, Exception exception);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Information, Message = "Signing key {KeyId} is unknown; refreshing the signing keys")]
    public static partial void SigningKeysRefreshRequested(ILogger logger, string? keyId);

    [LoggerMessage(EventId = 2110, Level = LogLevel.Debug, Message = "Turn {TurnKind} completed")]
    public static partial void TurnCompleted(ILogger logger, string turnKind);

    [LoggerMessage(EventId = 2111, Level = LogLevel.Warning, Message = "Turn {TurnKind} timed out after {Timeout}")]
    public static partial void TurnTimedOut(ILogger logger, string turnKind, TimeSpan timeout);

    [LoggerMessage(EventId = 2112, Level = LogLevel.Error, Message = "Turn {TurnKind} failed")]
    public static partial void TurnFailed(ILogger logger, string turnKind, Exception exception);

    [LoggerMessage(EventId = 2113, Level = LogLevel.Warning, Message = "Turn queue is full ({Capacity} waiting); responded with 503 to activity {ActivityId} so Teams retries")]
    public static partial void TurnQueueFull(ILogger logger, int capacity, string? activityId);

    [LoggerMessage(EventId = 2114, Level = LogLevel.Warning, Message = "Could not tell the user that turn {TurnKind} failed")]
    public static partial void FailureNoticeFailed(ILogger logger, string turnKind, Exception exception);

    [LoggerMessage(EventId = 2120, Level = LogLevel.Debug, Message = "Bot Connector {Method} {Operation} returned {StatusCode}; activity id {ActivityId}")]
    public static partial void ConnectorCallSucceeded(ILogger logger, string method, string operation, int statusCode, string? activityId);

    [LoggerMessage(EventId = 2121, Level = LogLevel.Warning, Message = "Bot Connector {Method} {Operation} failed with {StatusCode} {ErrorCode}; operation id {OperationId}")]
    public static partial void ConnectorCallFailed(ILogger logger, string method, string operation, int statusCode, string? errorCode, string? operationId);

    [LoggerMessage(EventId = 2130, Level = LogLevel.Debug, Message = "Saved the conversation reference for {ConversationType} conversation {ConversationId}")]
    public static partial void ConversationReferenceSaved(ILogger logger, string? conversationType, string conversationId);

    [LoggerMessage(EventId = 2131, Level = LogLevel.Information, Message = "Abm was added to {ConversationType} conversation {ConversationId}; sending the welcome message")]
    public static partial void BotInstalled(ILogger logger, string? conversationType, string? conversationId);

    [LoggerMessage(EventId = 2132, Level = LogLevel.Information, Message = "Abm was removed from conversation {ConversationId}; its conversation reference is now inactive")]
    public static partial void BotRemoved(ILogger logger, string? conversationId);

    [LoggerMessage(EventId = 2140, Level = LogLevel.Debug, Message = "Teams user {UserId} is person {PersonId}")]
    public static partial void AskerMapped(ILogger logger, string userId, string personId);

    [LoggerMessage(EventId = 2141, Level = LogLevel.Debug, Message = "Teams user {UserId} matches no person (the members API returned an email: {HasEmail})")]
    public static partial void AskerNotMapped(ILogger logger, string userId, bool hasEmail);

    [LoggerMessage(EventId = 2142, Level = LogLevel.Warning, Message = "Looking up Teams user {UserId} in the members API failed; continuing without a mapped person")]
    public static partial void MemberLookupFailed(ILogger logger, string userId, Exception exception);

    [LoggerMessage(EventId = 2150, Level = LogLevel.Debug, Message = "Acquired a Bot Connector token from {Authority} (from cache: {FromCache})")]
    public static partial void OutboundTokenAcquired(ILogger logger, string authority, bool fromCache);

    [LoggerMessage(EventId = 2160, Level = LogLevel.Information, Message = "Started personal chat {ConversationId} with Teams user {UserId}")]
    public static partial void PersonalChatCreated(ILogger logger, string conversationId, string userId);

    [LoggerMessage(EventId = 2161, Level = LogLevel.Warning, Message = "Starting a personal chat with Teams user {UserId} failed: no stored Teams conversation supplies a service URL, tenant and bot id. Set Abm:Teams:ServiceUrl, Abm:Teams:TenantId and Abm:Teams:AppId, or ask the user to message the bot first")]
    public static partial void PersonalChatNotCreated(ILogger logger, string userId);
}
