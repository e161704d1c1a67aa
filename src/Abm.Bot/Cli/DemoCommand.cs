using System.CommandLine;

namespace Abm.Bot.Cli;

/// <summary><c>abm demo</c>: seeds the generated demo data set.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Seed the deterministic demo data set (fictional companies) into the database.");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            // TODO: call DemoData.SeedAsync once it lands in Abm.Core.
            using var host = await CliHost.StartAsync(CliOptions.HostArguments(result, null), cancellationToken);
            await result.InvocationConfiguration.Error.WriteLineAsync("abm demo is not available in this build yet.");
            return ExitCodes.Failure;
        });
        return command;
    }
}
