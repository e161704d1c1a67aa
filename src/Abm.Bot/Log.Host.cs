using Microsoft.Extensions.Logging;

namespace Abm.Bot;

/// <summary>Host and command-line log messages (event ids 2000–2099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Abm is listening on {Addresses}; Teams authentication is {AuthenticationMode}")]
    public static partial void HostStarted(ILogger logger, string addresses, string authenticationMode);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "AUTHENTICATION IS OFF: Abm:Teams:AppId is not set, so any local process can post activities to /api/messages and replies go out without a token. This is allowed only because the host listens on loopback. Set Abm:Teams:AppId and Abm:Teams:AppPassword before exposing the bot.")]
    public static partial void AuthenticationOff(ILogger logger);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "The database was empty, so the demo data set was seeded")]
    public static partial void DemoDataSeeded(ILogger logger);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "The clock is frozen at {AsOf:O} (Abm:Clock:AsOf); scores are computed as of that instant")]
    public static partial void ClockFrozen(ILogger logger, DateTimeOffset asOf);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Request to /api/messages from non-loopback address {RemoteAddress} rejected because authentication is off")]
    public static partial void NonLoopbackRequestRejected(ILogger logger, string? remoteAddress);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Request to {Path} rejected: the body is larger than the limit of {MaxBytes} bytes")]
    public static partial void RequestBodyTooLarge(ILogger logger, string path, long maxBytes);
}
