using System.CommandLine;
using Spectre.Console;

namespace Abm.Bot.Cli;

/// <summary>Spectre.Console bound to a subcommand's output writer, so tests can capture tables and progress.</summary>
internal static class SpectreOutput
{
    public static IAnsiConsole For(ParseResult result) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(result.InvocationConfiguration.Output),
    });
}
