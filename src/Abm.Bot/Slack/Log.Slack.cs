using Abm.Bot.Slack.Inbound;
using Microsoft.Extensions.Logging;

namespace Abm.Bot;

// Slack adapter log messages: event ids 3000–3199. Ids, never message text or tokens.
internal static partial class Log
{
    [LoggerMessage(3000, LogLevel.Information, "Slack is off: set Abm:Slack:SigningSecret and Abm:Slack:BotToken to turn it on")]
    public static partial void SlackDisabled(ILogger logger);

    [LoggerMessage(3001, LogLevel.Warning,
        "Abm:Slack:DangerouslyAllowUnsignedRequestsOnLoopback is on: Slack requests are NOT verified. Use it only for local development")]
    public static partial void SlackUnsignedMode(ILogger logger);

    [LoggerMessage(3002, LogLevel.Warning, "Slack request to {Path} rejected: {Reason}")]
    public static partial void SlackSignatureRejected(ILogger logger, string path, SignatureCheck reason);

    [LoggerMessage(3003, LogLevel.Warning, "Slack request to {Path} rejected: {Reason}")]
    public static partial void SlackRequestRejected(ILogger logger, string path, string reason);

    [LoggerMessage(3004, LogLevel.Debug, "Slack event {EventId} ignored: {Reason}")]
    public static partial void SlackEventIgnored(ILogger logger, string? eventId, string reason);

    [LoggerMessage(3005, LogLevel.Debug, "Slack turn {TurnId} queued")]
    public static partial void SlackTurnQueued(ILogger logger, string turnId);

    [LoggerMessage(3006, LogLevel.Information, "Slack turn {TurnId} skipped: already processed")]
    public static partial void SlackDuplicateSkipped(ILogger logger, string turnId);

    [LoggerMessage(3007, LogLevel.Warning, "Slack turn queue is full ({Capacity}); turn {TurnId} was not accepted")]
    public static partial void SlackQueueFull(ILogger logger, int capacity, string turnId);

    [LoggerMessage(3008, LogLevel.Error, "Slack turn {TurnId} failed")]
    public static partial void SlackTurnFailed(ILogger logger, Exception exception, string turnId);

    [LoggerMessage(3009, LogLevel.Warning, "Slack turn {TurnId} timed out after {Timeout}")]
    public static partial void SlackTurnTimedOut(ILogger logger, string turnId, TimeSpan timeout);

    [LoggerMessage(3010, LogLevel.Warning, "Slack Web API {Method} returned error {Error}")]
    public static partial void SlackApiError(ILogger logger, string method, string error);

    [LoggerMessage(3011, LogLevel.Warning, "Slack Web API {Method} failed with HTTP {Status}")]
    public static partial void SlackApiHttpFailure(ILogger logger, string method, int status);

    [LoggerMessage(3012, LogLevel.Warning, "Slack response_url post failed with HTTP {Status}")]
    public static partial void SlackResponseUrlFailed(ILogger logger, int status);

    [LoggerMessage(3013, LogLevel.Warning, "Slack sent app_rate_limited for team {TeamId}: events are being dropped by Slack")]
    public static partial void SlackAppRateLimited(ILogger logger, string? teamId);

    [LoggerMessage(3014, LogLevel.Information, "Slack {Kind} payload of type {Type} is not handled")]
    public static partial void SlackPayloadNotHandled(ILogger logger, string kind, string? type);

    [LoggerMessage(3015, LogLevel.Warning, "Slack response_url is not under Abm:Slack:ResponseUrlBase; the answer goes to chat.postEphemeral instead")]
    public static partial void SlackResponseUrlRejected(ILogger logger);

    [LoggerMessage(3016, LogLevel.Warning, "Slack user {UserId} could not be matched to a person")]
    public static partial void SlackUserLookupFailed(ILogger logger, Exception exception, string userId);

    [LoggerMessage(3017, LogLevel.Debug, "Slack redelivery {RetryNum} ({RetryReason}) of event {EventId}")]
    public static partial void SlackRedelivery(ILogger logger, string retryNum, string? retryReason, string? eventId);

    [LoggerMessage(3018, LogLevel.Warning, "Slack {Method} rejected the blocks ({Error}); sending the answer as plain text")]
    public static partial void SlackFallbackToText(ILogger logger, string method, string error);

    [LoggerMessage(3019, LogLevel.Warning, "Slack button {ActionId} has a value Abm cannot read")]
    public static partial void SlackButtonValueInvalid(ILogger logger, string? actionId);

    [LoggerMessage(3020, LogLevel.Debug, "Slack processed-event receipts deleted: {Count}")]
    public static partial void SlackReceiptsDeleted(ILogger logger, int count);

    [LoggerMessage(3021, LogLevel.Error, "Slack processed-event receipts could not be deleted")]
    public static partial void SlackReceiptCleanupFailed(ILogger logger, Exception exception);

    [LoggerMessage(3022, LogLevel.Information, "Slack turn worker started with {Concurrency} workers")]
    public static partial void SlackWorkerStarted(ILogger logger, int concurrency);

    [LoggerMessage(3023, LogLevel.Warning, "Slack turn {TurnId} could not tell the user about its failure")]
    public static partial void SlackFailureNoticeFailed(ILogger logger, Exception exception, string turnId);

    [LoggerMessage(3024, LogLevel.Debug, "Slack turn {TurnId} answered")]
    public static partial void SlackTurnAnswered(ILogger logger, string turnId);

    [LoggerMessage(3025, LogLevel.Error, "Storing Slack processed-event receipts failed; the {ClaimCount} turns of the batch fail")]
    public static partial void SlackReceiptBatchFailed(ILogger logger, Exception exception, int claimCount);

    [LoggerMessage(3026, LogLevel.Warning, "Slack options for select {ActionId} were not loaded within the deadline; the menu shows none")]
    public static partial void SlackOptionsFailed(ILogger logger, string actionId, Exception? exception);

    [LoggerMessage(3027, LogLevel.Warning, "Setting the Slack receipt writer's connection back to synchronous=FULL failed; its pool is cleared")]
    public static partial void SlackReceiptWriterResetFailed(ILogger logger, Exception exception);
}
