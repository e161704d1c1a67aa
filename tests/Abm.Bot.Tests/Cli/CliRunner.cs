using System.CommandLine;
using Abm.Bot.Cli;

namespace Abm.Bot.Tests.Cli;

/// <summary>Runs the <c>abm</c> command line in-process and captures its output streams.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AbmCommandLine.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
