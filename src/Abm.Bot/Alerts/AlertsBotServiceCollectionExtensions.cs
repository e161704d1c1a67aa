using Abm.Core.Alerts;
using Abm.Core.Answers;
using Abm.Core.Ingestion;
using Abm.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Bot.Alerts;

/// <summary>Registers the events API, the outbox dispatcher, the re-evaluation schedule and the alert senders.</summary>
public static class AlertsBotServiceCollectionExtensions
{
    public static IServiceCollection AddAbmAlertsBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AlertRulesOptions>(configuration.GetSection(AlertRulesOptions.SectionName));
        services.Configure<IngestionOptions>(configuration.GetSection(IngestionOptions.SectionName));
        services.AddOptions<AlertDispatchOptions>().Bind(configuration.GetSection(AlertDispatchOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertDispatchOptions>>(new DispatchValidator());
        services.AddAbmAlerts();

        // The alert commands and buttons go in front of whichever assistant the host registered.
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IAssistant));
        if (inner is not null)
        {
            services.Remove(inner);
            services.Add(new ServiceDescriptor(
                typeof(IAssistant),
                sp => new AlertAwareAssistant(
                    Resolve(sp, inner),
                    sp.GetRequiredService<AlertCommandHandler>(),
                    sp.GetRequiredService<IDbContextFactory<AbmDbContext>>(),
                    sp.GetRequiredService<TimeProvider>()),
                inner.Lifetime));
        }

        services.AddSingleton<ConversationRateLimiter>();
        services.AddSingleton<AlertViews>();
        services.AddScoped<TeamsAlertSender>();
        services.AddScoped<SlackAlertSender>();
        services.AddSingleton<OutboxLeases>();
        services.AddHostedService<AlertDispatcher>();
        services.AddHostedService<ReevaluationService>();
        return services;
    }

    private static IAssistant Resolve(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance as IAssistant
        ?? descriptor.ImplementationFactory?.Invoke(services) as IAssistant
        ?? (IAssistant)ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);

    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/events", EventsEndpoint.HandleAsync);
        return endpoints;
    }

    private sealed class DispatchValidator : IValidateOptions<AlertDispatchOptions>
    {
        public ValidateOptionsResult Validate(string? name, AlertDispatchOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
