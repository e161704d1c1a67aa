using Abm.Bot.Hosting;

namespace Abm.Bot.Cli;

/// <summary>The services a subcommand runs with: the bot's configuration and core services, without the web host.</summary>
internal static class CliHost
{
    /// <summary>Builds the host, brings the database up to date and seeds an empty one as the bot host does.</summary>
    public static async Task<IHost> StartAsync(string[] args, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args });
        LoggingDefaults.AddTo(builder.Configuration, defaultLevel: "Warning");

        builder.Services.AddAbm(builder.Configuration);
        var host = builder.Build();

        var database = ActivatorUtilities.CreateInstance<DatabaseStartup>(host.Services);
        await database.StartAsync(cancellationToken);
        return host;
    }
}
