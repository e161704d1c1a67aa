using Abm.Bot.Alerts;
using Abm.Bot.Slack;
using Abm.Bot.Teams;

namespace Abm.Bot.Hosting;

/// <summary>Builds the ASP.NET Core host that serves the Teams endpoint.</summary>
public static class BotHost
{
    /// <summary>Where the bot listens when no URL is configured: the local Teams client's default endpoint.</summary>
    public const string DefaultUrl = "http://127.0.0.1:3978";

    /// <summary>
    /// Creates the builder with every service registered. <paramref name="configure"/> runs first,
    /// so it can add configuration (tests set URLs and options there); services added after this
    /// call replace the registered ones.
    /// </summary>
    /// <exception cref="InvalidConfigurationException">A key under <c>Abm:</c> is not a known setting.</exception>
    public static WebApplicationBuilder CreateBuilder(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        LoggingDefaults.AddTo(builder.Configuration);
        configure?.Invoke(builder);
        ConfigurationKeyCheck.ThrowIfUnknownKeys(builder.Configuration);

        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddAbm(builder.Configuration);
        builder.Services.AddAbmTeams(builder.Configuration);
        builder.Services.AddAbmSlack(builder.Configuration);
        builder.Services.AddAbmAlertsBot(builder.Configuration);
        builder.Services.AddAbmApprovalChannels();
        builder.Services.AddHostedService<AuthenticationGuard>();
        builder.Services.AddAbmHealthChecks();
        return builder;
    }

    /// <summary>Builds the application and maps its endpoints.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.MapAbmTeams();
        app.MapSlackEndpoints();
        app.MapAlertEndpoints();
        app.MapAbmHealthChecks();
        return app;
    }
}
