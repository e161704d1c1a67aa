using Microsoft.Extensions.Logging;

namespace Abm.Core;

// Event ids 1100–1119: answers (the 1100–1199 band is shared with scoring and alerts).
internal static partial class Log
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "Answering a {QuestionKind} question from {Channel}")]
    public static partial void AnsweringQuestion(ILogger logger, string questionKind, string channel);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "No account matched a {QuestionKind} question; offering {SuggestionCount} suggestions")]
    public static partial void AccountNotMatched(ILogger logger, string questionKind, int suggestionCount);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Rejected a card action with the unknown verb {Verb}")]
    public static partial void UnknownActionVerb(ILogger logger, string verb);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Card action {Verb} named the unknown account {AccountId}")]
    public static partial void UnknownActionAccount(ILogger logger, string verb, string accountId);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Debug, Message = "Scored {AccountCount} accounts and {EventCount} events as of {AsOf}")]
    public static partial void PortfolioScored(ILogger logger, int accountCount, int eventCount, DateTimeOffset asOf);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information, Message = "Loaded the portfolio at data version {DataVersion}: {AccountCount} accounts and {EventCount} events in {ElapsedMs} ms")]
    public static partial void PortfolioLoaded(ILogger logger, long dataVersion, int accountCount, int eventCount, long elapsedMs);
}
