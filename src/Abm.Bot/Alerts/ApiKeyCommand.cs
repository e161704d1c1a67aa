using System.CommandLine;
using System.Globalization;
using Abm.Bot.Cli;
using Abm.Core;
using Abm.Core.Ingestion;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Abm.Bot.Alerts;

/// <summary><c>abm apikey create &lt;source&gt; | revoke &lt;id&gt; | list</c>: keys for the events API.</summary>
internal static class ApiKeyCommand
{
    public static Command Create()
    {
        var command = new Command("apikey", "Create, revoke and list the API keys source systems use to post events to /api/v1/events.");

        var source = new Argument<string>("source") { Description = "The source system, such as hubspot; its events are stored under this name." };
        var create = new Command("create", "Create a key for a source and print it once; only its hash is stored.") { source };
        create.TreatUnmatchedTokensAsErrors = false;
        create.SetAction((result, cancellationToken) => RunAsync(result, async (keys, output) =>
        {
            try
            {
                var created = await keys.CreateAsync(result.GetValue(source)!, cancellationToken);
                await output.WriteLineAsync($"Created key {created.Id} for source '{created.Source}'. Store it now; it is not shown again:");
                await output.WriteLineAsync(created.Key);
                return ExitCodes.Success;
            }
            catch (ArgumentException ex)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync(ex.Message.Split(" (Parameter", 2)[0]);
                return ExitCodes.Usage;
            }
        }, cancellationToken));

        var id = new Argument<string>("id") { Description = "The key's id, as 'apikey list' shows it." };
        var revoke = new Command("revoke", "Revoke a key; requests with it get 401 from then on.") { id };
        revoke.TreatUnmatchedTokensAsErrors = false;
        revoke.SetAction((result, cancellationToken) => RunAsync(result, async (keys, output) =>
        {
            var keyId = result.GetValue(id)!;
            if (!await keys.RevokeAsync(keyId, cancellationToken))
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"No key has the id '{keyId}'. Run 'abm apikey list' to see the ids.");
                return ExitCodes.Failure;
            }

            await output.WriteLineAsync($"Revoked key {keyId}.");
            return ExitCodes.Success;
        }, cancellationToken));

        var list = new Command("list", "List the keys: id, source, created and revoked times.");
        list.TreatUnmatchedTokensAsErrors = false;
        list.SetAction((result, cancellationToken) => RunAsync(result, async (keys, output) =>
        {
            var all = await keys.ListAsync(cancellationToken);
            if (all.Count == 0)
            {
                await output.WriteLineAsync("No API keys. Create one with 'abm apikey create <source>'.");
            }

            foreach (var key in all)
            {
                var revoked = key.RevokedAt is { } at ? "revoked " + DateText.DateAndTime(at) : "active";
                await output.WriteLineAsync($"{key.Id}  {key.Source}  created {DateText.DateAndTime(key.CreatedAt)}  {revoked}");
            }

            return ExitCodes.Success;
        }, cancellationToken));

        command.Add(create);
        command.Add(revoke);
        command.Add(list);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, Func<ApiKeyStore, TextWriter, Task<int>> action, CancellationToken cancellationToken)
    {
        using var host = await CliHost.StartAsync([.. result.UnmatchedTokens], cancellationToken);
        var keys = new ApiKeyStore(
            host.Services.GetRequiredService<IDbContextFactory<AbmDbContext>>(),
            host.Services.GetRequiredService<TimeProvider>(),
            host.Services.GetRequiredService<ILogger<ApiKeyStore>>());
        return await action(keys, result.InvocationConfiguration.Output);
    }
}
