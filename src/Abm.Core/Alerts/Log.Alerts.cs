using Abm.Core.Scoring;
using Microsoft.Extensions.Logging;

namespace Abm.Core;

// Event ids 1200–1249: alerts; 1250–1299: ingestion.
internal static partial class Log
{
    // A surge is a rise in AES that can stay within one band, so the score change leads.
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Alert {Rule} raised for account {AccountId}: AES {Score:0.#} ({ScoreChange:+0.#;-0.#;0} in 7 days), band {OldBand} to {NewBand}")]
    public static partial void AlertRaised(ILogger logger, string rule, string accountId, double score, double scoreChange, EngagementBand oldBand, EngagementBand newBand);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Re-evaluated {Accounts} accounts: {Alerts} alerts, {Messages} messages queued")]
    public static partial void Reevaluated(ILogger logger, int accounts, int alerts, int messages);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "A concurrent writer changed the same accounts; retrying (attempt {Attempt})")]
    public static partial void ConcurrentEvaluation(ILogger logger, int attempt);

    [LoggerMessage(EventId = 1250, Level = LogLevel.Information, Message = "Ingested from {Source}: {Accepted} accepted, {Duplicates} duplicates, {Rejected} rejected")]
    public static partial void Ingested(ILogger logger, string source, int accepted, int duplicates, int rejected);

    [LoggerMessage(EventId = 1251, Level = LogLevel.Information, Message = "API key {KeyId} created for source {Source}")]
    public static partial void ApiKeyCreated(ILogger logger, string keyId, string source);

    [LoggerMessage(EventId = 1252, Level = LogLevel.Information, Message = "API key {KeyId} revoked")]
    public static partial void ApiKeyRevoked(ILogger logger, string keyId);
}
