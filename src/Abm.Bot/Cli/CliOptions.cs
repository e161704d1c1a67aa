using System.CommandLine;
using System.Globalization;

namespace Abm.Bot.Cli;

/// <summary>Options several subcommands share.</summary>
internal static class CliOptions
{
    /// <summary><c>--as-of</c>: freezes the clock (sets <c>Abm:Clock:AsOf</c>) for historical data sets.</summary>
    public static Option<DateTimeOffset?> AsOf() => new("--as-of")
    {
        Description = "Compute scores as of this instant (ISO 8601, UTC when no offset is given), for example 2017-06-30 or 2017-06-30T12:00:00Z.",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
            {
                return value;
            }

            result.AddError($"--as-of '{text}' is not a date or instant. Use ISO 8601, such as 2017-06-30 or 2017-06-30T12:00:00Z.");
            return null;
        },
    };

    /// <summary>Configuration for a subcommand's host: the pass-through tokens plus the frozen clock, if any.</summary>
    public static string[] HostArguments(ParseResult result, DateTimeOffset? asOf)
    {
        var arguments = result.UnmatchedTokens.ToList();
        if (asOf is { } instant)
        {
            arguments.Add("--Abm:Clock:AsOf=" + instant.ToString("O", CultureInfo.InvariantCulture));
        }

        return [.. arguments];
    }
}
