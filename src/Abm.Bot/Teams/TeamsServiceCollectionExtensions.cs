using Abm.Bot.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Abm.Bot.Teams;

/// <summary>Registers the Teams adapter.</summary>
public static class TeamsServiceCollectionExtensions
{
    public static IServiceCollection AddAbmTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>()
            .Bind(configuration.GetSection(TeamsOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();

        services.AddMemoryCache();
        services.AddHttpClient(HttpClientNames.OpenId);
        services.AddHttpClient(HttpClientNames.Login);
        // ConnectorClient logs each call itself. The factory's per-request logging handlers and the
        // resilience handler's telemetry showed up in profiles of the echo turn, so this client has neither.
        services.AddHttpClient<ConnectorClient>(HttpClientNames.Connector)
            .RemoveAllLoggers()
            .AddHttpMessageHandler(provider => new PipelineHandler(BuildConnectorPipeline(provider.GetRequiredService<TimeProvider>())));

        services.AddSingleton<BotTokenValidator>();
        services.AddSingleton<IBotTokenProvider, MsalBotTokenProvider>();
        services.AddSingleton<TurnQueue>();
        services.AddHostedService<TurnWorker>();
        services.AddSingleton<MessageTurn>();
        services.AddSingleton<ConversationUpdateTurn>();
        services.AddScoped<InvokeTurn>();
        services.AddScoped<TeamsBot>();
        services.AddScoped<TeamsAskerResolver>();
        services.AddScoped<ConversationReferences>();
        services.AddSingleton<ConversationReferenceMemo>();
        services.AddTransient<TeamsPersonalChats>();
        return services;
    }

    /// <summary>
    /// Retries what the Teams rate-limit guidance says to retry (429, 412, 502, 504) plus the other
    /// 5xx and transport errors, with exponential backoff and jitter, honouring <c>Retry-After</c>.
    /// </summary>
    private static ResiliencePipeline<HttpResponseMessage> BuildConnectorPipeline(TimeProvider time) => PipelineHandler.BuildPipeline(
        time,
        new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(1),
            ShouldRetryAfterHeader = true,
            ShouldHandle = arguments => ValueTask.FromResult(ShouldRetry(arguments.Outcome)),
        },
        TimeSpan.FromSeconds(20));

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            return true;
        }

        var status = (int?)outcome.Result?.StatusCode;
        return status is 429 or 412 or >= 500;
    }
}
