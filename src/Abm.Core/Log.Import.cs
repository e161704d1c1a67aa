using Microsoft.Extensions.Logging;

namespace Abm.Core;

// Event ids 1020–1039: import.
internal static partial class Log
{
    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Import with mapping {Mapping} from {Directory} started")]
    public static partial void ImportStarted(ILogger logger, string mapping, string directory);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Information, Message = "Import with mapping {Mapping} completed: {Inserted} inserted, {Updated} updated, {Unchanged} unchanged in {ElapsedMs} ms")]
    public static partial void ImportCompleted(ILogger logger, string mapping, int inserted, int updated, int unchanged, long elapsedMs);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Warning, Message = "Import with mapping {Mapping} rejected with {ErrorCount} errors; nothing was written")]
    public static partial void ImportRejected(ILogger logger, string mapping, int errorCount);
}
