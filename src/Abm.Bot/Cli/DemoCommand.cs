using System.CommandLine;
using Abm.Core.Demo;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Abm.Bot.Cli;

/// <summary><c>abm demo</c>: seeds the generated demo data set.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Seed the deterministic demo data set (fictional companies) into the database. Does nothing when it is already there.");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            // The demo set is seeded here, explicitly, so the start-up seeding stays out of the way.
            var arguments = CliOptions.HostArguments(result, null).Append("--Abm:Demo:SeedOnEmpty=false").ToArray();
            using var host = await CliHost.StartAsync(arguments, cancellationToken);
            var contexts = host.Services.GetRequiredService<IDbContextFactory<AbmDbContext>>();
            var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();

            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var seeded = await DemoData.SeedAsync(db, now, cancellationToken: cancellationToken);
            var accounts = await db.Accounts.CountAsync(cancellationToken);
            var events = await db.Events.CountAsync(cancellationToken);

            var output = result.InvocationConfiguration.Output;
            await output.WriteLineAsync(seeded
                ? $"Seeded the demo data set: the database now holds {accounts} accounts and {events} events."
                : $"The demo data set is already in the database ({accounts} accounts, {events} events); nothing changed.");
            return ExitCodes.Success;
        });
        return command;
    }
}
