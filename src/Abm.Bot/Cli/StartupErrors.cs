using System.Text.RegularExpressions;
using Abm.Bot.Hosting;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace Abm.Bot.Cli;

/// <summary>Turns configuration errors into one line for the user. Other exceptions are left to the caller.</summary>
internal static partial class StartupErrors
{
    /// <summary>
    /// Returns the message to print for a configuration error (invalid options, an invalid host
    /// URL or one already in use, a database file that cannot be opened, a setting the configuration
    /// binder cannot convert), or null when the exception is unexpected.
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
            InvalidOperationException conversion when BinderConversionFailure().Match(conversion.Message) is { Success: true } match =>
                DescribeConversionFailure(match.Groups["key"].Value, match.Groups["value"].Value, match.Groups["type"].Value),

            // Kestrel raises this while binding when a value of --urls or ASPNETCORE_URLS is not a URL.
            FormatException format when format.Message.StartsWith("Invalid url", StringComparison.Ordinal) =>
                $"The host URL is invalid ({format.Message}). Set --urls or ASPNETCORE_URLS to one or more URLs separated by ';', such as {BotHost.DefaultUrl}.",

            // Kestrel raises this while binding when another process already listens on the address.
            IOException { InnerException: AddressInUseException } inUse =>
                $"{inUse.Message.TrimEnd('.')}. Stop the process that listens there, or set --urls or ASPNETCORE_URLS to a free address, such as http://127.0.0.1:0 for any free port.",
            _ => null,
        };
    }

    /// <summary>Describes a value the configuration binder could not convert to the option's type, with an example of a valid value.</summary>
    private static string DescribeConversionFailure(string key, string value, string typeName)
    {
        var type = Type.GetType(typeName);
        var (expected, example) = type switch
        {
            _ when type == typeof(int) || type == typeof(long) => ("a whole number", "Use digits only, such as 1048576"),
            _ when type == typeof(TimeSpan) => ("a duration", "Use [d.]hh:mm:ss, such as 00:15:00 for 15 minutes"),
            _ when type == typeof(bool) => ("true or false", "Use true or false"),
            _ when type == typeof(double) => ("a number", "Use a number, such as 0.5"),
            { IsEnum: true } => ("a known value", "Use one of " + string.Join(", ", Enum.GetNames(type))),
            _ => ("a " + typeName, "Use a value of type " + typeName),
        };
        return $"{key} is '{value}', which is not {expected}. {example}, or remove the setting to use the default.";
    }

    // Microsoft.Extensions.Configuration.Binder 10.0 words a conversion failure this way.
    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'\.$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex BinderConversionFailure();
}
