using System.CommandLine;
using System.Globalization;
using Abm.Core.Import;
using Spectre.Console;

namespace Abm.Bot.Cli;

/// <summary><c>abm import --mapping F [--dir D]</c>: imports CSV files through a column-mapping file, with a progress bar.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var mapping = new Option<FileInfo>("--mapping") { Description = "The column-mapping file (YAML) that names the CSV files and their columns, such as mappings/maven-crm.yml.", Required = true };
        var directory = new Option<DirectoryInfo?>("--dir") { Description = "Folder the mapping's CSV file names are relative to. Default: the current folder." };

        var command = new Command("import", "Import accounts, people, contacts, events and opportunities from CSV files. All or nothing: an invalid row rolls the whole import back.") { mapping, directory };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            var error = result.InvocationConfiguration.Error;
            var mappingFile = result.GetValue(mapping)!;
            var baseDirectory = result.GetValue(directory)?.FullName ?? Directory.GetCurrentDirectory();

            if (!mappingFile.Exists)
            {
                await error.WriteLineAsync($"--mapping '{mappingFile.FullName}' does not exist. Pass a mapping file such as mappings/maven-crm.yml.");
                return ExitCodes.Failure;
            }

            if (!Directory.Exists(baseDirectory))
            {
                await error.WriteLineAsync($"--dir '{baseDirectory}' does not exist. Pass the folder that holds the CSV files the mapping names.");
                return ExitCodes.Failure;
            }

            ImportMapping parsed;
            try
            {
                parsed = ImportMapping.Load(mappingFile.FullName);
            }
            catch (ImportException exception)
            {
                await error.WriteLineAsync(exception.Message);
                return ExitCodes.Failure;
            }

            // Imported data is kept apart: a new database gets no demo accounts mixed in. Imported
            // events can complete playbook steps, so the next step's card goes out as the bot sends it.
            var arguments = CliOptions.HostArguments(result, null).Append("--Abm:Demo:SeedOnEmpty=false").ToArray();
            using var host = await CliHost.StartAsync(arguments, cancellationToken, withChatChannels: true);
            var service = ActivatorUtilities.CreateInstance<ImportService>(host.Services);
            var console = SpectreOutput.For(result);

            try
            {
                var imported = await RunWithProgressAsync(console, service, parsed, baseDirectory, cancellationToken);
                PrintResult(console, imported);
                return ExitCodes.Success;
            }
            catch (ImportException exception)
            {
                await error.WriteLineAsync(exception.Message);
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    private static Task<ImportResult> RunWithProgressAsync(IAnsiConsole console, ImportService service, ImportMapping mapping, string baseDirectory, CancellationToken cancellationToken) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var progress = new SynchronousProgress(update =>
                {
                    if (!tasks.TryGetValue(update.Stage, out var task))
                    {
                        task = context.AddTask(Markup.Escape(update.Stage), maxValue: Math.Max(update.Total, 1));
                        tasks[update.Stage] = task;
                    }

                    task.MaxValue = Math.Max(update.Total, 1);
                    task.Value = update.Total == 0 ? task.MaxValue : update.Done;
                });

                var imported = await service.ImportAsync(mapping, baseDirectory, progress, cancellationToken);
                foreach (var task in tasks.Values)
                {
                    task.Value = task.MaxValue;
                }

                return imported;
            });

    private static void PrintResult(IAnsiConsole console, ImportResult imported)
    {
        var table = new Table().Title($"Imported {Markup.Escape(imported.Source)}").AddColumns("Records", "Inserted", "Updated", "Unchanged");
        AddRow(table, "Accounts", imported.Accounts);
        AddRow(table, "People", imported.People);
        AddRow(table, "Contacts", imported.Contacts);
        AddRow(table, "Opportunities", imported.Opportunities);
        AddRow(table, "Events", imported.Events);
        console.Write(table);
    }

    private static void AddRow(Table table, string records, ImportCounts counts) => table.AddRow(
        records,
        counts.Inserted.ToString("N0", CultureInfo.InvariantCulture),
        counts.Updated.ToString("N0", CultureInfo.InvariantCulture),
        counts.Unchanged.ToString("N0", CultureInfo.InvariantCulture));

    /// <summary>Reports on the caller's thread, unlike <see cref="Progress{T}"/>, so the bar never lags the import.</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
