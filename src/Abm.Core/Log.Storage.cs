using Microsoft.Extensions.Logging;

namespace Abm.Core;

// Event ids 1000–1019: storage.
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Migrating the {Provider} database: {PendingCount} migrations pending")]
    public static partial void DatabaseMigrating(ILogger logger, string provider, int pendingCount);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "The {Provider} database is ready")]
    public static partial void DatabaseReady(ILogger logger, string provider);
}
