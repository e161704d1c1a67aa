using Abm.Bot.Cli;

namespace Abm.Bot;

internal static class Program
{
    public static Task<int> Main(string[] args) => AbmCommandLine.InvokeAsync(args);
}
