using Abm.Bot.Hosting;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace Abm.Bot.Cli;

/// <summary>Turns configuration errors into one line for the user. Other exceptions are left to the caller.</summary>
internal static class StartupErrors
{
    /// <summary>
    /// Returns the message to print for a configuration error (invalid options, an invalid host
    /// URL or one already in use, a database file that cannot be opened), or null when the exception is unexpected.
    /// </summary>
    public static string? DescribeConfigurationError(Exception exception)
    {
        if (exception is AggregateException aggregate)
        {
            var messages = aggregate.InnerExceptions.Select(DescribeConfigurationError).ToList();
            return messages.All(message => message is not null) ? string.Join(Environment.NewLine + "abm: ", messages) : null;
        }

        return exception switch
        {
            OptionsValidationException validation => string.Join(" ", validation.Failures),
            InvalidConfigurationException configuration => configuration.Message,

            // Kestrel raises this while binding when a value of --urls or ASPNETCORE_URLS is not a URL.
            FormatException format when format.Message.StartsWith("Invalid url", StringComparison.Ordinal) =>
                $"The host URL is invalid ({format.Message}). Set --urls or ASPNETCORE_URLS to one or more URLs separated by ';', such as {BotHost.DefaultUrl}.",

            // Kestrel raises this while binding when another process already listens on the address.
            IOException { InnerException: AddressInUseException } inUse =>
                $"{inUse.Message.TrimEnd('.')}. Stop the process that listens there, or set --urls or ASPNETCORE_URLS to a free address, such as http://127.0.0.1:0 for any free port.",
            _ => null,
        };
    }
}
