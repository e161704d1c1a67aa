using Abm.Bot.Hosting;
using Abm.Bot.Slack;
using Abm.Bot.Teams;

namespace Abm.Bot.Cli;

/// <summary>The services a subcommand runs with: the bot's configuration and core services, without the web host.</summary>
internal static class CliHost
{
    /// <summary>
    /// Builds the host, brings the database up to date and seeds an empty one as the bot host does.
    /// With <paramref name="withChatChannels"/>, approval and step cards go out in Teams and Slack
    /// as the bot sends them, using the same <c>Abm:Teams</c> and <c>Abm:Slack</c> settings.
    /// The host is never started, so the bot's background jobs and its endpoints do not run.
    /// </summary>
    public static async Task<IHost> StartAsync(string[] args, CancellationToken cancellationToken, bool withChatChannels = false)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args });
        LoggingDefaults.AddTo(builder.Configuration, defaultLevel: "Warning");
        ConfigurationKeyCheck.ThrowIfUnknownKeys(builder.Configuration);

        builder.Services.AddAbm(builder.Configuration);
        if (withChatChannels)
        {
            builder.Services.AddAbmTeams(builder.Configuration);
            builder.Services.AddAbmSlack(builder.Configuration);
            builder.Services.AddAbmApprovalChannels();
        }

        var host = builder.Build();

        var database = ActivatorUtilities.CreateInstance<DatabaseStartup>(host.Services);
        await database.StartAsync(cancellationToken);
        return host;
    }
}
