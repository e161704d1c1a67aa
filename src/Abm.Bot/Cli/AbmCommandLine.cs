using System.CommandLine;
using Abm.Bot.Alerts;
using Abm.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Abm.Bot.Cli;

/// <summary>
/// The <c>abm</c> command line. With no subcommand (or <c>serve</c>) it hosts the bot; the other
/// subcommands use the same services once and exit. Configuration tokens (such as <c>--urls</c>
/// or <c>--Abm:Storage:ConnectionString=…</c>) pass through to the host, and other unknown tokens are usage errors.
/// </summary>
internal static class AbmCommandLine
{
    /// <summary>
    /// Parses and runs <paramref name="args"/>. Unknown options and configuration errors print one
    /// line and return <see cref="ExitCodes.Usage"/>. Unexpected exceptions print with their stack trace.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, InvocationConfiguration? configuration = null)
    {
        configuration ??= new InvocationConfiguration();
        configuration.EnableDefaultExceptionHandler = false;

        var result = Build().Parse(args);
        if (result.Errors.Count == 0 && result.Action is not System.CommandLine.Help.HelpAction && PassThroughArguments.FindError(result) is { } usageError)
        {
            await configuration.Error.WriteLineAsync("abm: " + usageError);
            return ExitCodes.Usage;
        }

        try
        {
            return await result.InvokeAsync(configuration);
        }
        catch (Exception exception) when (StartupErrors.DescribeConfigurationError(exception) is { } message)
        {
            await configuration.Error.WriteLineAsync("abm: " + message);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Failure;
        }
        catch (Exception exception)
        {
            await configuration.Error.WriteLineAsync("Unhandled exception: " + exception);
            return ExitCodes.Failure;
        }
    }

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

    /// <summary>
    /// Hosts the bot until it is stopped. A startup failure propagates to <see cref="InvokeAsync"/>,
    /// which prints a configuration error as one line and anything else with its stack trace.
    /// </summary>
    private static async Task<int> ServeAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var passThrough = result.UnmatchedTokens.ToArray();
        var builder = BotHost.CreateBuilder(passThrough, builder => LoggingDefaults.DropHostStartupErrors(builder.Configuration));
        CheckUrls(builder.Configuration[WebHostDefaults.ServerUrlsKey]);
        await using var app = BotHost.Build(builder);

        // Validate options before starting: a host that fails validation inside StartAsync has
        // no hosted services yet, and stopping it then throws and hides the validation error.
        app.Services.GetService<IStartupValidator>()?.Validate();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Stopping marks the host as stopped, so background services it cancels while
            // shutting down are not logged as crashed (a critical log with a stack trace).
            await app.StopAsync(CancellationToken.None);
            throw;
        }

        await app.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Success;
    }

    /// <summary>
    /// Parses the host URLs before anything starts, so a typo fails fast with one line instead
    /// of a Kestrel stack trace in the log after the database work.
    /// </summary>
    /// <exception cref="FormatException">A URL is invalid. <see cref="StartupErrors"/> turns it into the printed line.</exception>
    private static void CheckUrls(string? urls)
    {
        foreach (var url in (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var address = Microsoft.AspNetCore.Http.BindingAddress.Parse(url);
            if (address.IsUnixPipe || address.IsNamedPipe)
            {
                continue;
            }

            // BindingAddress accepts a port that is not a number (http://127.0.0.1:notaport), and
            // Kestrel then listens on port 80 of every interface. So the URL must also parse as a
            // URI once the wildcard hosts * and + are replaced by a name.
            var wildcardFree = url.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal);
            if (!Uri.TryCreate(wildcardFree, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
            {
                throw new FormatException($"Invalid url: '{url}'");
            }
        }
    }
}

/// <summary>Process exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    /// <summary>An unknown option or argument, or invalid configuration.</summary>
    public const int Usage = 2;
}
