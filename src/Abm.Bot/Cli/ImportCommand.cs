using System.CommandLine;

namespace Abm.Bot.Cli;

/// <summary><c>abm import --mapping F [--dir D]</c>: imports CSV files through a column-mapping file.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var mapping = new Option<FileInfo>("--mapping") { Description = "The column-mapping file (YAML) that names the CSV files and their columns.", Required = true };
        var directory = new Option<DirectoryInfo?>("--dir") { Description = "Folder the mapping's CSV paths are relative to. Default: the mapping file's folder." };

        var command = new Command("import", "Import accounts, people, contacts, events and opportunities from CSV files.") { mapping, directory };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            // TODO: call the import service with a progress bar once it lands in Abm.Core.
            using var host = await CliHost.StartAsync(CliOptions.HostArguments(result, null), cancellationToken);
            await result.InvocationConfiguration.Error.WriteLineAsync("abm import is not available in this build yet.");
            return ExitCodes.Failure;
        });
        return command;
    }
}
