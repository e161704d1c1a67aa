using System.CommandLine;
using System.CommandLine.Parsing;

namespace Abm.Bot.Cli;

/// <summary>
/// Checks the tokens the parser did not match. They reach the host's configuration, so only the
/// configuration form is accepted: a key path such as <c>--Abm:Storage:Provider=sqlite</c> or
/// <c>--Logging:LogLevel:Default Debug</c>, or one of the host settings such as <c>--urls</c>.
/// Anything else is a mistyped option, which must not be dropped in silence.
/// </summary>
internal static class PassThroughArguments
{
    /// <summary>Host settings that have no section, as <c>WebApplication.CreateBuilder</c> reads them.</summary>
    private static readonly string[] HostKeys = ["urls", "environment", "contentRoot", "applicationName"];

    /// <summary>Returns the error for the first token that is not configuration, or null when all are.</summary>
    public static string? FindError(ParseResult result)
    {
        var tokens = result.UnmatchedTokens;
        for (var index = 0; index < tokens.Count; index++)
        {
            var token = tokens[index];
            if (!token.StartsWith('-') && index == 0 && result.CommandResult.Parent is null)
            {
                return $"Unknown command '{token}'. Run 'abm --help' to list the commands.";
            }

            if (!token.StartsWith('-'))
            {
                return $"Unexpected argument '{token}'. {Usage(result)}";
            }

            var key = token.TrimStart('-');
            var separator = key.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? key : key[..separator];
            if (!token.StartsWith("--", StringComparison.Ordinal) || !IsConfigurationKey(name))
            {
                var option = token.Split('=', 2)[0];
                return $"Unknown option '{option}'. {Usage(result)}";
            }

            // "--Key value": the next token is the value, as the configuration provider reads it.
            if (separator < 0 && index + 1 < tokens.Count && !tokens[index + 1].StartsWith('-'))
            {
                index++;
            }
        }

        return null;
    }

    private static bool IsConfigurationKey(string name) =>
        (name.Contains(':', StringComparison.Ordinal) && !name.StartsWith(':') && !name.EndsWith(':'))
        || HostKeys.Contains(name, StringComparer.OrdinalIgnoreCase);

    private static string Usage(ParseResult result)
    {
        var options = new List<string>();
        var path = new List<string>();
        for (var command = result.CommandResult; command is not null; command = command.Parent as CommandResult)
        {
            var isLeaf = command == result.CommandResult;
            options.AddRange(command.Command.Options.Where(option => isLeaf || option.Recursive).Select(option => option.Name));
            path.Insert(0, command.Parent is null ? "abm" : command.Command.Name);
        }

        return $"Valid options for '{string.Join(' ', path)}': {string.Join(", ", options.Distinct())}. "
            + "Configuration overrides have the form --Abm:Section:Key=value (or --Logging:…, --urls).";
    }
}
