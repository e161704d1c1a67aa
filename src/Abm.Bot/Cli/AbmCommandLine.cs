using System.CommandLine;
using Abm.Bot.Alerts;
using Abm.Bot.Hosting;

namespace Abm.Bot.Cli;

/// <summary>
/// The <c>abm</c> command line. With no subcommand (or <c>serve</c>) it hosts the bot; the other
/// subcommands use the same services once and exit. Tokens the parser does not know (such as
/// <c>--urls</c> or <c>--Abm:Storage:ConnectionString=…</c>) pass through as configuration.
/// </summary>
internal static class AbmCommandLine
{
    public static Task<int> InvokeAsync(string[] args, InvocationConfiguration? configuration = null) => Build().Parse(args).InvokeAsync(configuration);

    public static RootCommand Build()
    {
        var root = new RootCommand("Abm: account-based marketing answers in Microsoft Teams and Slack. Without a subcommand it hosts the bot.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };

        var serve = new Command("serve", "Host the bot (the default). Extra arguments such as --urls http://127.0.0.1:3978 configure the host.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        serve.SetAction((result, cancellationToken) => ServeAsync(result, cancellationToken));
        root.SetAction((result, cancellationToken) => ServeAsync(result, cancellationToken));

        root.Add(serve);
        root.Add(AskCommand.Create());
        root.Add(ScoreCommand.Create());
        root.Add(ImportCommand.Create());
        root.Add(DemoCommand.Create());
        root.Add(TeamsPackageCommand.Create());
        root.Add(ApiKeyCommand.Create());
        return root;
    }

    private static async Task<int> ServeAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var passThrough = result.UnmatchedTokens.ToArray();
        if (passThrough.Length > 0 && !passThrough[0].StartsWith('-'))
        {
            await result.InvocationConfiguration.Error.WriteLineAsync($"Unknown command '{passThrough[0]}'. Run 'abm --help' to list the commands.");
            return ExitCodes.Usage;
        }

        try
        {
            var app = BotHost.Build(BotHost.CreateBuilder(passThrough));
            await app.RunAsync(cancellationToken);
            return ExitCodes.Success;
        }
        catch (Exception exception) when (exception is Microsoft.Extensions.Options.OptionsValidationException or InvalidOperationException)
        {
            await result.InvocationConfiguration.Error.WriteLineAsync("Abm did not start: " + exception.Message);
            return ExitCodes.Failure;
        }
    }
}

/// <summary>Process exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
}
