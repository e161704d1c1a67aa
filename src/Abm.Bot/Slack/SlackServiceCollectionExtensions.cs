using Abm.Bot.Hosting;
using Abm.Bot.Slack.Api;
using Abm.Bot.Slack.Inbound;
using Abm.Bot.Slack.Turns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Abm.Bot.Slack;

/// <summary>Registers the Slack adapter and maps its request URLs.</summary>
public static class SlackServiceCollectionExtensions
{
    public const string EventsPath = "/api/slack/events";
    public const string CommandsPath = "/api/slack/commands";
    public const string InteractivityPath = "/api/slack/interactivity";

    /// <summary>
    /// Adds Slack's options (validated at start), the Web API client with retries, the turn
    /// queue and worker. Needs an <see cref="Abm.Core.Answers.IAssistant"/> and the Abm
    /// database (an <see cref="Microsoft.EntityFrameworkCore.IDbContextFactory{AbmDbContext}"/> for
    /// <see cref="Abm.Core.Storage.AbmDbContext"/>) registered by the host.
    /// </summary>
    public static IServiceCollection AddAbmSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<SlackRequestReader>();
        services.AddSingleton<SlackTurnQueue>();
        services.AddSingleton<ProcessedEventStore>();
        services.AddSingleton<SlackAskerResolver>();
        services.AddScoped<SlackTurnHandler>();

        // SlackApiClient logs each failure with its Web API method. The factory's loggers and the
        // resilience handler's telemetry would add log scopes, records and metrics to every call.
        services.AddHttpClient<SlackApiClient>()
            .RemoveAllLoggers()
            .AddHttpMessageHandler(provider => new PipelineHandler(BuildApiPipeline(
                provider.GetRequiredService<IOptions<SlackOptions>>().Value,
                provider.GetRequiredService<TimeProvider>())));

        services.AddHostedService<SlackTurnWorker>();
        services.AddHostedService<SlackLoopbackGuard>();
        return services;
    }

    /// <summary>Retries 429 after Retry-After, and 5xx, 408 and network failures with exponential backoff.</summary>
    private static ResiliencePipeline<HttpResponseMessage> BuildApiPipeline(SlackOptions options, TimeProvider time) => PipelineHandler.BuildPipeline(
        time,
        new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxApiRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromSeconds(30),
            ShouldRetryAfterHeader = true,
        },
        options.ApiAttemptTimeout);

    /// <summary>Maps the events, slash command and interactivity URLs, unless Slack is off.</summary>
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (!options.IsEnabled)
        {
            var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackServiceCollectionExtensions));
            Log.SlackDisabled(logger);
            return endpoints;
        }

        endpoints.MapPost(EventsPath, SlackEndpoints.HandleEventAsync).WithRequestBodyLimit(MaxRequestBodyKey, MaxRequestBodyBytes);
        endpoints.MapPost(CommandsPath, SlackEndpoints.HandleCommandAsync).WithRequestBodyLimit(MaxRequestBodyKey, MaxRequestBodyBytes);
        endpoints.MapPost(InteractivityPath, SlackEndpoints.HandleInteractionAsync).WithRequestBodyLimit(MaxRequestBodyKey, MaxRequestBodyBytes);
        return endpoints;
    }

    internal const string MaxRequestBodyKey = SlackOptions.SectionName + ":" + nameof(SlackOptions.MaxRequestBodyBytes);

    private static long MaxRequestBodyBytes(IServiceProvider services) => services.GetRequiredService<IOptions<SlackOptions>>().Value.MaxRequestBodyBytes;
}
