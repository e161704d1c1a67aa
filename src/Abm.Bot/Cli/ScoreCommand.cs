using System.CommandLine;

namespace Abm.Bot.Cli;

/// <summary><c>abm score [--as-of T]</c>: recomputes every account's scores and prints a summary table.</summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var asOf = CliOptions.AsOf();
        var command = new Command("score", "Recompute fit and engagement scores for every account and print a summary.") { asOf };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            // TODO: run the scoring service once AddAbmScoring() lands in Abm.Core.
            using var host = await CliHost.StartAsync(CliOptions.HostArguments(result, result.GetValue(asOf)), cancellationToken);
            await result.InvocationConfiguration.Error.WriteLineAsync("abm score is not available in this build yet.");
            return ExitCodes.Failure;
        });
        return command;
    }
}
